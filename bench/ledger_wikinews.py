"""The claim ledger on real news: all 295 Wikinews articles of ../shared/data/wikinews in one run.

    .venv/bin/python bench/ledger_wikinews.py [--workers 2]

Prints how many quantities get a full key and why the others do not (no counted noun or unit,
no event verb, no entity in the sentence, two figures of one key in one sentence), then every
fact with its figures and the titles of its articles, to be read by hand: Wikinews covers
many stories once, so few figures recur, and each fact found can be checked against the text.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import WIKINEWS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    import pandas as pd

    import extract
    from extract import ledger

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for path in sorted(WIKINEWS.glob("*.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                for i, row in enumerate(csv.DictReader(f)):
                    name = f"{path.stem}-{i:03d}"
                    (folder / f"{name}.txt").write_text(row["text"], encoding="utf-8")
                    (folder / f"{name}.json").write_text(json.dumps(
                        {"title": row["title"], "published": row["date"], "publisher": "Wikinews", "url": row["url"]}),
                        encoding="utf-8")
        extract.run([str(folder)], Path(tmp) / "out", workers=a.workers)
        frames = extract.load(Path(tmp) / "out")
    q = ledger.quantity_keys(frames)
    facts = frames["facts"]
    titles = frames["articles"].set_index("article_id").title
    summary = {
        "articles": len(frames["articles"]), "quantities": len(q), "keyed": int(q.key.notna().sum()),
        "no_counted_noun_or_unit": int((q.key_what == "").sum()), "no_event_verb": int(q.key_event.isna().sum()),
        "no_entity_in_sentence": int(q.key_where.isna().sum()),
        "facts": int(facts.fact_id.nunique()), "fact_rows": len(facts),
        "disputed_facts": int(facts.groupby("fact_id").disputed.first().sum()),
        "speakers": len(frames["speakers"]),
        "speakers_in_several_articles": int((frames["speakers"].n_articles > 1).sum()),
    }
    print(json.dumps(summary, indent=1))
    several = frames["speakers"][frames["speakers"].n_articles > 1]
    print("\nspeakers in several articles, most articles first:")
    for r in several.sort_values("n_articles", ascending=False, kind="stable").itertuples():
        print(f"  {r.n_articles:3d} articles  {r.speaker_key:45}  {r.variants[:80]}")
    with pd.option_context("display.width", 200, "display.max_colwidth", 60):
        for fact_id, g in facts.groupby("fact_id", sort=False):
            print(f"\n{fact_id}  {g.fact.iloc[0]}  disputed={bool(g.disputed.iloc[0])}")
            for r in g.itertuples():
                print(f"  {r.claim_date.date()}  {r.text!r:32}  {titles[r.article_id][:70]}")


if __name__ == "__main__":
    main()
