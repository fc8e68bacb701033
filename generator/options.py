"""How a build is asked for: the options every command turns its flags into (light to import:
the build server's client sends them without loading the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Measured on 2 cores, the merge items of 1,000 articles of bench/sites.py (CPU seconds,
# as the machine was never idle): 3,163 items cost 0.71 s in one process; with two workers
# the longest path (the build's own part, the busier worker's around it) is 0.43 s; 10,571 items 2.2 s
# against 1.3 s. Forking and stopping the pool add some 0.03 s, so it breaks even near
# 1,000 items (0.1 s); 3,000 leaves a margin. When other processes already keep both cores
# busy (a load of 3.5 here) the pool gains nothing at any size: it only adds its ~20% of CPU.
PARALLEL_MIN_WINDOW_ITEMS = 3000


@dataclass(frozen=True)
class BuildOptions:
    site_dir: Path
    output_dir: Path | None = None
    base_url: str | None = None
    drafts: bool = False
    force: bool = False
    jobs: int | None = None  # worker processes for analysis; None: as many as CPUs
    review: bool = False  # also build the editors' review/ page (annals serve always does)
    preview: bool = False  # pages for annals serve: hints for editors where public pages have none
    use_cache: bool = True  # SITE/.annals-cache: parsed articles and analyses of earlier builds
    dask: str | None = None  # analyse on a dask.distributed cluster: "local" or a scheduler address
    search: bool = True  # the search index, when site.yaml has not turned it off (check and export need none)
    pool_min_window_items: int = PARALLEL_MIN_WINDOW_ITEMS  # merge windows in worker processes from this many items
