"""The claim ledger on a synthetic run: time and memory of computing facts and speakers at the end.

    .venv/bin/python bench/ledger.py [--quantities 100000] [--seed 1]

Writes a synthetic output folder with the proportions of a real run (per article, as on
data/raw: ~16 quantities, ~15 claims, ~32 entity mentions, 12 sentences), where a share of the
quantities report stories that several outlets cover within a few days, then, in a
fresh process, times reading the tables, ``extract.ledger.build`` on them and writing
``facts.csv`` and ``speakers.csv``, and reports that process's resident memory before the ledger
and at its peak. Compare with the run that would
write such tables: at the README's 6,000 words/s on 2 workers, ~6,250 articles of ~480 words
(3M words) take ~500 s and the largest process ~860 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

PER_ARTICLE = {"quantities": 16, "claims": 15, "entities": 32, "sentences": 12}
SENTENCE = 200  # characters per synthetic sentence
NOUNS = ["people", "soldiers", "troops", "deaths", "cases", "residents", "homes", "buildings", "votes", "seats",
         "civilians", "children", "patients", "workers", "vehicles", "flights", "migrants", "prisoners", "cattle",
         "hectares", "tonnes", "doses", "tests", "jobs", "schools", "arrests", "injuries", "casualties", "ships",
         "drones", "missiles", "rockets", "households", "customers", "students", "refugees", "protesters", "boats",
         "shops", "farms"]
VERBS = ["kill", "injure", "evacuate", "arrest", "destroy", "damage", "report", "confirm", "deploy", "launch",
         "rescue", "displace", "infect", "vaccinate", "strand", "detain", "free", "hire", "close", "cancel",
         "be", "have", "include", "lose", "win", "sell", "buy", "shoot", "flee", "return"]


def synthetic(n_quantities: int, seed: int = 1) -> dict:
    """The four tables the ledger reads, as frames, for a run of about ``n_quantities`` quantities."""
    rng = np.random.default_rng(seed)
    n_art = max(2, n_quantities // PER_ARTICLE["quantities"])
    places = [f"Place{i}" for i in range(400)]
    people = [(f"First{i}", f"Last{i % 1500}") for i in range(2000)]  # 500 surnames shared by two people
    orgs = [f"Agency{i} Council" for i in range(300)]
    stories = pd.DataFrame({
        "noun": rng.choice(NOUNS, 1500), "verb": rng.choice(VERBS, 1500),
        "place": rng.choice(places, 1500), "day": rng.integers(0, 365, 1500), "value": rng.integers(2, 5000, 1500)})
    articles = pd.DataFrame({"article_id": [f"a{i:07d}" for i in range(n_art)],
                             "publisher": rng.choice([f"Outlet {i}" for i in range(60)], n_art)})
    story_of = rng.integers(0, len(stories), n_art)
    day0 = np.datetime64("2031-01-01")
    articles["published"] = pd.to_datetime(day0 + stories.day.to_numpy()[story_of] + rng.integers(0, 4, n_art))

    nq, nc, ne, ns = (PER_ARTICLE[k] for k in ("quantities", "claims", "entities", "sentences"))
    aid = np.repeat(articles.article_id.to_numpy(), nq)
    in_story = rng.random(n_art * nq) < 0.3
    # story figures in the first sentences (with the story's place), others anywhere
    sent = np.where(in_story, rng.integers(0, 3, n_art * nq), rng.integers(0, ns, n_art * nq))
    st = stories.iloc[np.repeat(story_of, nq)].reset_index(drop=True)
    value = np.where(in_story, st.value.to_numpy() * rng.choice([1, 1, 1, 2], n_art * nq),
                     rng.integers(1, 10000, n_art * nq)).astype(float)
    quantities = pd.DataFrame({
        "quantity_id": [f"{a}:q{i % nq + 1}" for i, a in enumerate(aid)], "article_id": aid,
        "claim_id": np.where(rng.random(n_art * nq) < 0.6,
                             [f"{a}:c{k + 1}" for a, k in zip(aid, rng.integers(0, nc, n_art * nq))], None),
        "text": "n", "start": sent * SENTENCE + 100, "end": sent * SENTENCE + 110,
        "value": value, "low": value, "high": value,
        "qualifier": rng.choice(["exact", "exact", "approximate", "at_least"], n_art * nq),
        "unit": None, "counted": np.where(in_story, st.noun, rng.choice(NOUNS, n_art * nq)),
        "predicate": np.where(in_story, st.verb, rng.choice(VERBS, n_art * nq)), "change": None,
        "sentence_start": sent * SENTENCE, "sentence_end": (sent + 1) * SENTENCE})

    # entities: the story's place in each story sentence, others at random; some persons
    eaid = np.repeat(articles.article_id.to_numpy(), ne)
    esent = rng.integers(2, ns, n_art * ne)  # the lead's sentences name the story's place, and sometimes more
    kind = rng.random(n_art * ne)
    names = np.where(kind < 0.5, rng.choice(places, n_art * ne),
                     np.where(kind < 0.8, [f"{f} {l}" for f, l in (people[i] for i in rng.integers(0, 2000, n_art * ne))],
                              rng.choice(orgs, n_art * ne)))
    labels = np.where(kind < 0.5, "GPE", np.where(kind < 0.8, "PERSON", "ORG"))
    entities = pd.DataFrame({"article_id": eaid, "start": esent * SENTENCE + 20 + rng.integers(0, 60, n_art * ne),
                             "label": labels, "canonical": names})
    entities["end"] = entities.start + 8
    story_sents = quantities[in_story][["article_id", "sentence_start"]].drop_duplicates()
    place_rows = pd.DataFrame({"article_id": story_sents.article_id, "start": story_sents.sentence_start + 5,
                               "end": story_sents.sentence_start + 12, "label": "GPE",
                               "canonical": stories.place.to_numpy()[story_of[
                                   story_sents.article_id.str[1:].astype(int).to_numpy()]]})
    entities = pd.concat([entities, place_rows], ignore_index=True)
    entities["text"] = entities.canonical

    caid = np.repeat(articles.article_id.to_numpy(), nc)
    csent = rng.integers(0, ns, n_art * nc)
    who = rng.integers(0, 2000, n_art * nc)
    named = rng.random(n_art * nc) < 0.6
    claims = pd.DataFrame({
        "claim_id": [f"{a}:c{i % nc + 1}" for i, a in enumerate(caid)], "article_id": caid,
        "speaker_start": csent * SENTENCE + 150, "speaker_end": csent * SENTENCE + 170,
        "speaker_canonical": np.where(named, [people[i][1] if r < 0.2 else f"{people[i][0]} {people[i][1]}"
                                              for i, r in zip(who, rng.random(n_art * nc))], "officials"),
        "speaker_type": np.where(named, "person", "anonymous"),
        "claim_date": articles.published.to_numpy().repeat(nc)})
    speaker_ents = claims[named][["article_id", "speaker_start", "speaker_end", "speaker_canonical"]].set_axis(
        ["article_id", "start", "end", "canonical"], axis=1).assign(label="PERSON")
    speaker_ents["text"] = speaker_ents.canonical
    entities = pd.concat([entities, speaker_ents], ignore_index=True)
    return {"articles": articles, "claims": claims, "quantities": quantities, "entities": entities}


def _status(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def phase(folder: Path) -> dict:
    """In a fresh process: read the tables as `extract run` would at its end, build the ledger,
    write facts and speakers. Resident memory before and at the peak (VmHWM) of this process."""
    from extract import ledger

    names = ("articles", "claims", "quantities", "entities")
    t0 = time.perf_counter()
    frames = {k: pd.read_csv(folder / f"{k}.csv", keep_default_na=False, na_values=[""],
                             parse_dates=["published"] if k == "articles" else
                             ["claim_date"] if k == "claims" else None) for k in names}
    rss_before = _status("VmRSS")
    t1 = time.perf_counter()
    led = ledger.build(frames)
    t2 = time.perf_counter()
    led.facts.to_csv(folder / "facts.csv", index=False)
    led.speakers.to_csv(folder / "speakers.csv", index=False)
    t3 = time.perf_counter()
    return {
        "quantities": len(frames["quantities"]), "articles": len(frames["articles"]),
        "claims": len(frames["claims"]), "entities": len(frames["entities"]),
        "facts": int(led.facts.fact_id.nunique()), "fact_rows": len(led.facts),
        "disputed_facts": int(led.facts[led.facts.disputed].fact_id.nunique()), "speakers": len(led.speakers),
        "seconds_read": round(t1 - t0, 2), "seconds_ledger": round(t2 - t1, 2), "seconds_write": round(t3 - t2, 2),
        "rss_before_mb": round(rss_before, 1), "peak_rss_mb": round(_status("VmHWM"), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quantities", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        print(json.dumps(phase(a.phase)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name, df in synthetic(a.quantities, a.seed).items():
            df.to_csv(Path(tmp) / f"{name}.csv", index=False)
        out = subprocess.run([sys.executable, __file__, "--phase", tmp], capture_output=True, text=True, check=True)
    print(json.dumps(json.loads(out.stdout), indent=1))


if __name__ == "__main__":
    main()
