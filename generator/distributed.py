"""Beyond one machine: the per-article analysis and the per-window merge on a
dask.distributed cluster.

    annals build SITE --dask tcp://scheduler:8786      # an existing cluster
    annals build SITE --dask local                     # a LocalCluster on this machine

One client serves both stages (`DaskSession`, connected when a stage first has work for
it). Workers get articles in chunks and the settings as a small description (the language,
day_first and the text of actors.yaml), from which each worker builds the actor registry
once; then the merge windows the cache lacks, in runs of about equal size, each window with
its items and the merge settings. Results come back in order, so a Dask build gives the
same bytes as a local one. Needs the optional extra `annals[dask]`.
"""

from __future__ import annotations

import functools
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Callable, Iterator, Sequence

from .chronology.windows import WindowResult, WindowTask, balanced_chunks, window_clusters
from .errors import AnnalsError
from .model import Article, ArticleAnalysis

CHUNK = 50
LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_TIMEOUT_S = 10  # a scheduler that does not answer by then is reported, not waited for
RUNS_PER_WORKER = 4  # merge tasks per worker: enough to even out busy months


@dataclass(frozen=True)
class RemoteSettings:
    """What a worker needs to analyse articles exactly as this process would."""

    language: str
    day_first: bool
    actors_source: tuple[str, str] | None  # (site-relative path, text) of actors.yaml


@dataclass
class DaskSession:
    """The build's one Dask client, for the analysis and the merge: connected when first
    asked for (a build with nothing to send starts no cluster), closed with the session."""

    address: str | None
    stack: ExitStack = field(default_factory=ExitStack, repr=False)
    connected: object = field(default=None, repr=False)

    def client(self) -> object:
        if self.address is None:
            raise AnnalsError("no Dask cluster was asked for (--dask)")
        if self.connected is None:
            self.connected = self.stack.enter_context(dask_client(self.address))
        return self.connected

    def __enter__(self) -> "DaskSession":
        return self

    def __exit__(self, *exc) -> None:
        self.connected = None
        self.stack.close()


def analyse_with_dask(articles: Sequence[Article], settings: RemoteSettings, session: DaskSession,
                      chunk: int = CHUNK) -> list[ArticleAnalysis]:
    """The analyses of ``articles``, in order, computed on the session's cluster."""
    chunks = [list(articles[i:i + chunk]) for i in range(0, len(articles), chunk)]
    if not chunks:
        return []
    client = session.client()
    remote = client.scatter(settings, broadcast=True)  # type: ignore[attr-defined]
    data = client.scatter(chunks, hash=False)  # type: ignore[attr-defined]  # as DaskMapper does
    futures = client.map(analyse_chunk, [remote] * len(chunks), data, pure=False)  # type: ignore[attr-defined]
    results = client.gather(futures)  # type: ignore[attr-defined]
    out: list[ArticleAnalysis] = []
    for chunk_articles, analyses in zip(chunks, results):
        out += [replace(analysis, article=article) for article, analysis in zip(chunk_articles, analyses)]
    return out


@dataclass
class DaskMapper:
    """The merge windows on the session's cluster (chronology.windows.WindowMapper): every
    window the memo lacks, in runs of consecutive windows of about equal size."""

    session: DaskSession

    def __call__(self, tasks: Sequence[WindowTask], meanwhile: Callable[[], None]) -> tuple[str, list[WindowResult]]:
        if not tasks:
            return "dask", []
        client = self.session.client()
        workers = max(1, len(client.scheduler_info().get("workers", {})))  # type: ignore[attr-defined]
        runs = [[_shipped(tasks[k]) for k in run] for run in balanced_chunks(tasks, workers * RUNS_PER_WORKER)]
        # scattered first: straight to the workers, not through the scheduler's task graph
        # (hash=False: keys by counter, not by hashing megabytes of items)
        data = client.scatter(runs, hash=False)  # type: ignore[attr-defined]
        futures = client.map(cluster_windows, data, pure=False)  # type: ignore[attr-defined]
        meanwhile()  # the events are weighed here while the cluster works
        results: list[WindowResult] = []
        for part in client.gather(futures):  # type: ignore[attr-defined]
            results += part
        return "dask", results


def _shipped(task: WindowTask) -> WindowTask:
    """A task as it travels: its items without their content keys, which only the memo
    reads (and which would double what is sent)."""
    return task._replace(items=tuple(replace(item, key=()) for item in task.items))


def cluster_windows(tasks: list[WindowTask]) -> list[WindowResult]:
    """Run on a worker: cluster a run of windows (only the clusters go back)."""
    return [window_clusters(task) for task in tasks]


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
