"""Beyond one machine: the per-article analysis on a dask.distributed cluster.

    annals build SITE --dask tcp://scheduler:8786      # an existing cluster
    annals build SITE --dask local                     # a LocalCluster on this machine

Workers get articles in chunks and the settings as a small description (the language,
day_first and the text of actors.yaml), from which each worker builds the actor registry
once; results come back in order, so a Dask build gives the same bytes as a local one.
Needs the optional extra `annals[dask]`.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from .errors import AnnalsError
from .model import Article, ArticleAnalysis

CHUNK = 50
LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_TIMEOUT_S = 10  # a scheduler that does not answer by then is reported, not waited for


@dataclass(frozen=True)
class RemoteSettings:
    """What a worker needs to analyse articles exactly as this process would."""

    language: str
    day_first: bool
    actors_source: tuple[str, str] | None  # (site-relative path, text) of actors.yaml


def analyse_with_dask(articles: Sequence[Article], settings: RemoteSettings, address: str,
                      chunk: int = CHUNK) -> list[ArticleAnalysis]:
    """The analyses of ``articles``, in order, computed on the cluster at ``address``."""
    chunks = [list(articles[i:i + chunk]) for i in range(0, len(articles), chunk)]
    if not chunks:
        return []
    with dask_client(address) as client:
        remote = client.scatter(settings, broadcast=True)
        futures = client.map(analyse_chunk, [remote] * len(chunks), chunks, pure=False)
        results = client.gather(futures)
    out: list[ArticleAnalysis] = []
    for chunk_articles, analyses in zip(chunks, results):
        out += [replace(analysis, article=article) for article, analysis in zip(chunk_articles, analyses)]
    return out


@contextmanager
def dask_client(address: str) -> Iterator[object]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise AnnalsError("--dask needs dask.distributed: pip install 'annals[dask]'") from None
    if address == LOCAL:
        with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise AnnalsError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        yield client


def analyse_chunk(settings: RemoteSettings, articles: list[Article]) -> list[ArticleAnalysis]:
    """Run on a worker: analyse a chunk (the article itself is not sent back)."""
    from .build import analyse_one

    local = worker_settings(settings)
    return [replace(analyse_one(article, local), article=None) for article in articles]


@functools.lru_cache(maxsize=4)
def worker_settings(settings: RemoteSettings):
    """The analysis settings, the actor registry built once per worker and settings."""
    from . import actors
    from .analysis import AnalysisSettings

    config = actors.parse_actors_yaml(settings.actors_source[1], settings.actors_source[0]) \
        if settings.actors_source else None
    return AnalysisSettings(settings.language, settings.day_first, actors.build_registry(config))
