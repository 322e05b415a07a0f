"""The Dask engine: the same pipeline, its batches run on a Dask distributed cluster.

``extract run ... --engine dask`` starts a ``LocalCluster`` with one single-threaded worker
process per core; ``--scheduler ADDRESS`` uses a running cluster instead. The client reads the
inputs and writes the tables, and ships article texts to the workers with the tasks, so workers
share no storage with the client: they only need this package (``pip install 'extract[dask]'``)
and the spaCy model installed. Each worker loads the pipeline once, through a worker plugin.

Batches are submitted a few per worker at a time and their results taken back in input order,
so the tables are the local engine's, row for row. A task whose worker dies is rerun by Dask on
another worker; an article that fails inside a task becomes an error row as locally.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator, Optional

from .batching import IN_FLIGHT_PER_WORKER, batches_of, in_order, process_batch
from .records import ArticleResult, Document
from .settings import Settings

try:  # the engine is an optional extra; the module imports without it
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover
    _PluginBase = object


def _require():
    try:
        import distributed  # noqa: F401  (only to check it is installed)
    except ImportError as e:
        raise RuntimeError("--engine dask needs Dask distributed: pip install 'extract[dask]'") from e


class LoadPipeline(_PluginBase):
    """Worker plugin: load the spaCy pipeline once when a worker starts."""

    name = "extract-load-pipeline"

    def __init__(self, model: str):
        self.model = model

    def setup(self, worker=None):
        from .nlp import load

        load(self.model)


def connect(scheduler: Optional[str] = None, workers: Optional[int] = None):
    """A Dask client: to the scheduler at ``scheduler``, else to a new LocalCluster."""
    _require()
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster)


def process_many(documents: Iterable[Document], *, settings: Settings, client=None) -> Iterator[ArticleResult]:
    """Results for ``documents`` in input order, computed on a Dask cluster (``client``, else one
    connected to ``settings.scheduler``, else a new LocalCluster of ``settings.workers``)."""
    own = client is None
    client = client or connect(settings.scheduler, settings.workers)
    try:
        client.register_plugin(LoadPipeline(settings.model))
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        submitted = (client.submit(process_batch, batch, settings, pure=False, retries=2)
                     for batch in batches_of(documents, settings.batch_size))
        for task in in_order(submitted, IN_FLIGHT_PER_WORKER * n_workers):
            yield from task.result()
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
