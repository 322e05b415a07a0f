"""The benchmarks' own logic (``bench/``): how a time is chosen. Timings themselves are never asserted."""
import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _stages():
    spec = importlib.util.spec_from_file_location("bench_stages", BENCH / "stages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fastest_runs_repeat_times_resetting_before_each_and_keeps_the_minimum():
    calls = []
    best, runs = _stages().fastest(lambda: calls.append("run"), 3, lambda: calls.append("reset"))
    assert calls == ["reset", "run"] * 3
    assert len(runs) == 3 and best == min(runs)
