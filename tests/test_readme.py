"""The README's Python example runs as written."""
from __future__ import annotations

import re
import shutil

from conftest import ROOT, SEED, need_shared


def test_readme_python_example_runs(tmp_path, monkeypatch):
    need_shared(SEED)
    import extract

    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(SEED / "article.txt", raw)
    shutil.copy(SEED / "article.json", raw)
    extract.run([str(raw)], tmp_path / "data" / "out")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_commands_exist():
    from click.testing import CliRunner

    from extract.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for sub in set(re.findall(r"extract (run|eval \w+|report|show)\b", readme)):
        r = CliRunner().invoke(main, sub.split() + ["--help"])
        assert r.exit_code == 0, (sub, r.output)


def _check_sample(sample: str, out, tables: tuple[str, ...]) -> None:
    """Every row of every markdown table in ``sample`` whose columns belong to one of ``tables`` is
    a row of that table in the output folder ``out``; each table is compared at least once."""
    import csv

    blocks = re.findall(r"(\|[^\n]+\|\n\|[-| ]+\|\n(?:\|[^\n]+\|\n)+)", sample)
    compared = {}
    for table in tables:
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            columns, rows = set(reader.fieldnames or ()), list(reader)
        assert rows, table
        for block in blocks:
            lines = block.strip().splitlines()
            header = [h.strip() for h in lines[0].strip("|").split("|")]
            if not set(header) <= columns:
                continue
            for line in lines[2:]:
                want = dict(zip(header, [c.strip() for c in line.strip("|").split("|")]))
                assert any(all(r[k] == v for k, v in want.items()) for r in rows), (table, want)
                compared[table] = compared.get(table, 0) + 1
    assert set(compared) == set(tables), compared  # every sample block was checked


def test_readme_sample_is_real_output(tmp_path):
    """Every row of the README's sample tables is a row the pipeline writes for the example article."""
    need_shared(SEED)
    import extract

    (tmp_path / "in").mkdir()
    shutil.copy(SEED / "article.txt", tmp_path / "in")
    shutil.copy(SEED / "article.json", tmp_path / "in")
    extract.run([str(tmp_path / "in")], tmp_path / "out")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _check_sample(readme.split("A real sample", 1)[1].split("## ", 1)[0], tmp_path / "out",
                  ("claims", "quantities", "dates"))


def test_readme_ledger_sample_is_real_output(tmp_path):
    """Every row of the README's facts and speakers samples is a row `make run` writes on data/raw."""
    import extract

    extract.run([str(ROOT / "data" / "raw")], tmp_path / "out")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _check_sample(readme.split("A real sample of `facts.csv`", 1)[1].split("**Scale.**", 1)[0], tmp_path / "out",
                  ("facts", "speakers"))
