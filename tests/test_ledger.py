"""The claim ledger over a run's tables: keys, windows, tolerance, disputes, repeats (made-up articles)."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from extract import ledger
from extract.ledger import event_of, figure_range


class Run:
    """Builds the four tables the ledger reads from made-up articles, offsets found in the text."""

    def __init__(self):
        self.t = {"articles": [], "claims": [], "quantities": [], "entities": []}

    def article(self, aid, text, *, publisher, published, claims=(), quantities=(), entities=()):
        self.t["articles"].append({"article_id": aid, "publisher": publisher, "published": published})
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]

        def span(s, after=0):
            i = text.index(s, after)
            return i, i + len(s)

        for n, c in enumerate(claims):
            s = span(c["speaker"]) if c.get("speaker") else (None, None)
            self.t["claims"].append({
                "claim_id": f"{aid}:c{n + 1}", "article_id": aid, "speaker_start": s[0], "speaker_end": s[1],
                "speaker_canonical": c.get("canonical", c.get("speaker")), "speaker_type": c.get("type", "person"),
                "claim_date": c.get("date", published)})
        for n, q in enumerate(quantities):
            a, b = span(q["text"])
            sent = next(x for x in sentences if x[0] <= a < x[1])
            v = q.get("value")
            self.t["quantities"].append({
                "quantity_id": f"{aid}:q{n + 1}", "article_id": aid,
                "claim_id": f"{aid}:c{q['claim'] + 1}" if q.get("claim") is not None else None,
                "text": q["text"], "start": a, "end": b, "value": v, "low": q.get("low", v),
                "high": q.get("high", v), "qualifier": q.get("qualifier", "exact"), "unit": q.get("unit"),
                "counted": q.get("counted"), "predicate": q.get("predicate"), "change": q.get("change"),
                "sentence_start": sent[0], "sentence_end": sent[1]})
        for n, e in enumerate(entities):
            name, label = e[0], e[1]
            a, b = span(name, e[2] if len(e) > 2 else 0)
            self.t["entities"].append({"article_id": aid, "start": a, "end": b, "text": name, "label": label,
                                       "canonical": name})
        return self

    def frames(self) -> dict:
        f = {k: pd.DataFrame(v, columns=ledger.NEEDED[k] + (["text"] if k == "entities" else []))
             for k, v in self.t.items()}
        f["articles"]["published"] = pd.to_datetime(f["articles"].published)
        f["claims"]["claim_date"] = pd.to_datetime(f["claims"].claim_date)
        for c in ("value", "low", "high"):
            f["quantities"][c] = f["quantities"][c].astype("Float64")
        return f


def flood_run() -> Run:
    """Five outlets: two agree on a toll, one disputes it, one gives the same noun for another event
    in the same town, one is about something else; plus a fire elsewhere with the same noun and verb."""
    r = Run()
    r.article("one", "Floods in Murcia killed 41 people, regional governor Ana Ruiz said on Monday.",
              publisher="Outlet One", published="2031-05-05",
              claims=[{"speaker": "regional governor Ana Ruiz", "canonical": "Ana Ruiz"}],
              quantities=[{"text": "41 people", "value": 41, "counted": "people", "predicate": "kill", "claim": 0}],
              entities=[("Murcia", "GPE"), ("Ana Ruiz", "PERSON")])
    r.article("two", "Governor Ruiz said the floods in Murcia killed 41 people.",
              publisher="Outlet Two", published="2031-05-06",
              claims=[{"speaker": "Governor Ruiz", "canonical": "Ruiz"}],
              quantities=[{"text": "41 people", "value": 41, "counted": "people", "predicate": "kill", "claim": 0}],
              entities=[("Ruiz", "PERSON"), ("Murcia", "GPE")])
    r.article("three", "The interior ministry said the floods in Murcia had killed about 26 people.",
              publisher="Outlet Three", published="2031-05-06",
              claims=[{"speaker": "The interior ministry", "canonical": "The interior ministry", "type": "organization"}],
              quantities=[{"text": "about 26 people", "value": 26, "qualifier": "approximate", "counted": "people",
                           "predicate": "kill", "claim": 0}],
              entities=[("Murcia", "GPE")])
    r.article("four", "Rescuers in Murcia evacuated 2,000 people from the river banks.",
              publisher="Outlet Four", published="2031-05-06",
              quantities=[{"text": "2,000 people", "value": 2000, "counted": "people", "predicate": "evacuate"}],
              entities=[("Murcia", "GPE")])
    r.article("five", "The Murcia city council approved a budget of 3 million euros.",
              publisher="Outlet Five", published="2031-05-06",
              quantities=[{"text": "3 million euros", "value": 3e6, "unit": "EUR", "predicate": "approve"}],
              entities=[("Murcia", "GPE")])
    r.article("six", "A fire in Tromso killed 41 people, police said.",
              publisher="Outlet Six", published="2031-05-06",
              claims=[{"speaker": "police", "type": "anonymous"}],
              quantities=[{"text": "41 people", "value": 41, "counted": "people", "predicate": "kill", "claim": 0}],
              entities=[("Tromso", "GPE")])
    return r


def test_the_fact_holds_the_agreeing_and_disputing_reports_only():
    facts = ledger.facts(flood_run().frames())
    assert facts.fact_id.nunique() == 1
    assert sorted(facts.quantity_id) == ["one:q1", "three:q1", "two:q1"]
    assert facts.disputed.all()
    row = facts.iloc[0]
    assert row.fact == "people · kill · Murcia" and row.n_articles == 3
    # the repeat by a second outlet of the governor's figure is agreement, not a new source
    two = facts.set_index("quantity_id").loc["two:q1"]
    assert two.repeat_of == "one:q1" and two.speaker_key == "ana ruiz"
    assert row.n_sources == 2
    assert list(facts.columns[:15]) == ["fact_id", "fact", "quantity_id", "claim_id", "article_id", "publisher",
                                        "published", "speaker_canonical", "value", "low", "high", "unit", "counted",
                                        "predicate", "disputed"]


def test_agreeing_figures_are_not_disputed():
    r = flood_run()
    r.t["quantities"] = [q for q in r.t["quantities"] if q["article_id"] != "three"]
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["one:q1", "two:q1"]
    assert not facts.disputed.any()


def test_approximation_widens_the_range():
    """About 40 (36-44) overlaps 41; about 36 (32.4-39.6) does not."""
    r = flood_run()
    three = next(q for q in r.t["quantities"] if q["article_id"] == "three")
    three.update(value=40, low=40, high=40)
    assert not ledger.facts(r.frames()).disputed.any()
    three.update(value=36, low=36, high=36)
    assert ledger.facts(r.frames()).disputed.all()


def test_a_later_figure_outside_the_window_is_another_fact():
    r = flood_run()
    r.t["articles"][2]["published"] = "2031-05-20"
    r.t["claims"][2]["claim_date"] = "2031-05-20"
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["one:q1", "two:q1"] and not facts.disputed.any()


def test_same_source_updating_itself_is_not_a_dispute():
    r = flood_run()
    r.t["quantities"] = [q for q in r.t["quantities"] if q["article_id"] != "three"]
    r.t["quantities"][1].update(value=45, low=45, high=45)
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["one:q1", "two:q1"]
    assert not facts.disputed.any() and facts.repeat_of.isna().all()


def test_open_bounds():
    assert figure_range(None, 10, 20, "range") == (10.0, 20.0)
    assert figure_range(5, None, 5, "less_than") == (-np.inf, 5.0)
    r = flood_run()
    three = next(q for q in r.t["quantities"] if q["article_id"] == "three")
    three.update(value=30, low=30, high=None, qualifier="more_than")  # "more than 30" fits 41
    facts = ledger.facts(r.frames())
    assert len(facts) == 3 and not facts.disputed.any()
    assert facts.set_index("quantity_id").range_high.isna()["three:q1"]


def test_sentence_without_place_or_actor_has_no_key():
    r = Run()
    for aid in ("a", "b"):
        r.article(aid, "The blast killed 12 people, officials said.", publisher=aid, published="2031-01-02",
                  quantities=[{"text": "12 people", "value": 12, "counted": "people", "predicate": "kill"}])
    r.article("c", "The blast in Lyon killed 12 people.", publisher="c", published="2031-01-02",
              quantities=[{"text": "12 people", "value": 12, "counted": "people", "predicate": "kill"}],
              entities=[("Lyon", "GPE")])
    r.article("d", "A blast in Lyon killed 12 people.", publisher="d", published="2031-01-02",
              quantities=[{"text": "12 people", "value": 12, "counted": "people", "predicate": "kill"}],
              entities=[("Lyon", "GPE")])
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["c:q1", "d:q1"]


def test_entities_of_the_source_are_not_part_of_the_key():
    """"Spanish officials" names who speaks; the event is in Lyon for both."""
    r = Run()
    r.article("a", "Spanish officials said the blast in Lyon killed 12 people.", publisher="a", published="2031-01-02",
              claims=[{"speaker": "Spanish officials", "type": "organization"}],
              quantities=[{"text": "12 people", "value": 12, "counted": "people", "predicate": "kill", "claim": 0}],
              entities=[("Spanish", "NORP"), ("Lyon", "GPE")])
    r.article("b", "The blast in Lyon killed 12 people.", publisher="b", published="2031-01-02",
              quantities=[{"text": "12 people", "value": 12, "counted": "people", "predicate": "kill"}],
              entities=[("Lyon", "GPE")])
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["a:q1", "b:q1"]
    assert (facts.fact == "people · kill · Lyon").all()


def test_reporting_verbs_are_one_event_and_light_verbs_none():
    assert event_of("confirm") == event_of("report") == "report"
    assert event_of("kill") == "kill" and event_of("be") is None and event_of(None) is None
    r = Run()
    r.article("a", "Health officials in Oslo confirmed 5 new deaths.", publisher="a", published="2031-01-02",
              quantities=[{"text": "5 new deaths", "value": 5, "counted": "deaths", "predicate": "confirm"}],
              entities=[("Oslo", "GPE")])
    r.article("b", "Oslo reported 5 deaths.", publisher="b", published="2031-01-02",
              quantities=[{"text": "5 deaths", "value": 5, "counted": "deaths", "predicate": "report"}],
              entities=[("Oslo", "GPE")])
    r.article("c", "Oslo has 5 hospitals.", publisher="c", published="2031-01-02",
              quantities=[{"text": "5 hospitals", "value": 5, "counted": "hospitals", "predicate": "have"}],
              entities=[("Oslo", "GPE")])
    r.article("d", "Oslo has 5 hospitals.", publisher="d", published="2031-01-02",
              quantities=[{"text": "5 hospitals", "value": 5, "counted": "hospitals", "predicate": "have"}],
              entities=[("Oslo", "GPE")])
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["a:q1", "b:q1"]
    assert facts.fact.iloc[0] == "death · report · Oslo"


def test_change_is_keyed_apart_from_a_level():
    r = Run()
    for aid, (text, change) in {"a": ("Prices in Oslo rose 5 percent.", "increase"),
                                "b": ("Prices in Oslo rose 5 percent.", "increase"),
                                "c": ("Prices in Oslo rose to 5 percent.", None)}.items():
        r.article(aid, text, publisher=aid, published="2031-01-02",
                  quantities=[{"text": "5 percent", "value": 5, "unit": "percent", "predicate": "rise",
                               "change": change}], entities=[("Oslo", "GPE")])
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["a:q1", "b:q1"]


def test_no_facts_gives_the_columns():
    r = Run()
    r.article("a", "Oslo has 5 hospitals.", publisher="a", published="2031-01-02",
              quantities=[{"text": "5 hospitals", "value": 5, "counted": "hospitals", "predicate": "open"}],
              entities=[("Oslo", "GPE")])
    facts = ledger.facts(r.frames())
    keyed = ledger.quantity_keys(r.frames())
    assert keyed.key.notna().all()  # keyed, but reported by one article only
    assert facts.empty and list(facts.columns) == ledger.FACT_COLUMNS


def test_missing_columns_are_named():
    f = flood_run().frames()
    f["quantities"] = f["quantities"].drop(columns=["sentence_start"])
    with pytest.raises(KeyError, match="sentence_start"):
        ledger.facts(f)


def test_build_gives_speakers_and_keys():
    led = ledger.build(flood_run().frames())
    assert led.speaker_keys.tolist()[:2] == ["ana ruiz", "ana ruiz"]
    assert led.speakers.iloc[0].speaker_key == "ana ruiz" and led.speakers.iloc[0].n_articles == 2
    assert len(led.facts) == 3


def test_two_figures_of_one_key_in_one_sentence_are_not_keyed():
    r = Run()
    for aid, (a, b) in {"a": (49, 40), "b": (40, 49)}.items():
        r.article(aid, f"In Ohio, Ann Lee won {a} percent and Min Park won {b} percent.", publisher=aid, published="2031-01-02",
                  quantities=[{"text": f"{a} percent", "value": a, "unit": "percent", "predicate": "win"},
                              {"text": f"{b} percent", "value": b, "unit": "percent", "predicate": "win"}],
                  entities=[("Ohio", "GPE"), ("Ann Lee", "PERSON"), ("Min Park", "PERSON")])
    r.article("c", "In Ohio, Ann Lee won 49 percent and Min Park won 40 percent.", publisher="c", published="2031-01-02",
              quantities=[{"text": "49 percent", "value": 49, "unit": "percent", "predicate": "win"}],
              entities=[("Ohio", "GPE"), ("Ann Lee", "PERSON"), ("Min Park", "PERSON")])
    r.article("d", "In Ohio, Ann Lee won 49 percent and Min Park won 40 percent.", publisher="d", published="2031-01-02",
              quantities=[{"text": "49 percent", "value": 49, "unit": "percent", "predicate": "win"}],
              entities=[("Ohio", "GPE"), ("Ann Lee", "PERSON"), ("Min Park", "PERSON")])
    keyed = ledger.quantity_keys(r.frames())
    assert keyed.key.isna().tolist() == [True, True, True, True, False, False]
    facts = ledger.facts(r.frames())
    assert sorted(facts.quantity_id) == ["c:q1", "d:q1"] and not facts.disputed.any()


# ------------------------------------------------------------------ through the pipeline, made-up articles
FLOODS = {  # made up: two outlets agree on a toll, one disputes it, one gives the same noun for another
    # event, one is about something else
    "floods-1": ("Outlet One", "2031-05-05", "Regional governor Maria Lopez said on Monday that the floods in "
                 "Valencia had killed 41 people. Rescue teams were still searching for the missing, she said."),
    "floods-2": ("Outlet Two", "2031-05-06", "The floods in Valencia killed 41 people, Lopez told reporters on "
                 "Tuesday. Roads across the region remained closed."),
    "floods-3": ("Outlet Three", "2031-05-06", "The floods in Valencia killed 26 people, the Interior Ministry said "
                 "in a statement on Tuesday. The ministry did not explain the difference."),
    "floods-4": ("Outlet Four", "2031-05-06", "Emergency services in Valencia evacuated 2,000 people from the river "
                 "banks on Tuesday, the fire brigade said."),
    "budget-1": ("Outlet Five", "2031-05-06", "The city council of Seville approved a budget of 3 million euros for "
                 "new schools on Tuesday, the mayor said."),
}
SPEAKERS = {  # made up: one person written two ways; two people who share a surname; that surname alone
    "talks-1": ("Daily One", "2031-03-02", "Russian President Vladimir Putin said on Monday that the talks in Geneva "
                "would resume next week."),
    "talks-2": ("Daily Two", "2031-03-03", "Putin told reporters in Moscow that the talks were going well."),
    "city-1": ("Daily One", "2031-03-02", "Joe Palmer, the mayor of Leeds, said the city budget would grow by a tenth."),
    "city-2": ("Daily Three", "2031-03-04", "Anna Palmer, a nurse from York, said the hospital needed more staff."),
    "city-3": ("Daily Three", "2031-03-05", "Palmer said the council would vote on Friday."),
}


def write_articles(folder, articles: dict):
    import json

    folder.mkdir(parents=True)
    for aid, (publisher, published, text) in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
        (folder / f"{aid}.json").write_text(json.dumps({"id": aid, "publisher": publisher, "published": published}),
                                            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def floods_run(tmp_path_factory):
    import extract

    base = tmp_path_factory.mktemp("floods")
    extract.run([str(write_articles(base / "in", FLOODS))], base / "out", workers=1)
    return base


def test_several_outlets_one_disputed_fact(floods_run):
    import extract

    facts = extract.load(floods_run / "out")["facts"]
    assert sorted(facts.article_id) == ["floods-1", "floods-2", "floods-3"]
    assert facts.fact_id.nunique() == 1 and facts.disputed.all()
    assert facts.fact.iloc[0] == "people · kill · Valencia"
    by_article = facts.set_index("article_id")
    assert by_article.value.to_dict() == {"floods-1": 41.0, "floods-2": 41.0, "floods-3": 26.0}
    # the governor's figure, repeated by a second outlet, is agreement: one source, not two
    assert by_article.speaker_key["floods-2"] == by_article.speaker_key["floods-1"] == "maria lopez"
    assert by_article.repeat_of["floods-2"] == by_article.quantity_id["floods-1"]
    assert (facts.n_sources == 2).all() and (facts.n_articles == 3).all()
    # the quote is one join away
    claims = extract.load(floods_run / "out")["claims"].set_index("claim_id")
    assert "41 people" in claims.content[by_article.claim_id["floods-1"]]


def test_facts_pass_the_contract(floods_run):
    import subprocess
    import sys

    from conftest import SHARED, need_shared

    tool = need_shared(SHARED / "tools" / "check_contract.py")
    r = subprocess.run([sys.executable, str(tool), str(floods_run / "out")], capture_output=True, text=True)
    assert r.returncode == 0 and "0 problems" in r.stdout, r.stdout
    assert (floods_run / "out" / "facts.csv").read_text(encoding="utf-8").count("\n") == 4


def test_resume_gives_the_same_ledger(floods_run, tmp_path):
    import extract

    out = tmp_path / "out"
    extract.run([str(floods_run / "in")], out, workers=1)
    summary = extract.run([str(floods_run / "in")], out, workers=1, resume=True)
    assert summary.resumed == len(FLOODS)
    for table in ("facts", "speakers", "claims"):
        assert (out / f"{table}.csv").read_text(encoding="utf-8") == \
            (floods_run / "out" / f"{table}.csv").read_text(encoding="utf-8")


@pytest.mark.slow
def test_dask_engine_gives_the_same_ledger(floods_run, tmp_path):
    pytest.importorskip("distributed")
    import extract

    extract.run([str(floods_run / "in")], tmp_path / "dask", workers=1, engine="dask")
    for table in ("facts", "speakers", "claims"):
        assert (tmp_path / "dask" / f"{table}.csv").read_text(encoding="utf-8") == \
            (floods_run / "out" / f"{table}.csv").read_text(encoding="utf-8")


def test_speaker_keys_across_articles(tmp_path):
    import extract

    extract.run([str(write_articles(tmp_path / "in", SPEAKERS))], tmp_path / "out", workers=1)
    frames = extract.load(tmp_path / "out")
    key = frames["claims"].set_index("article_id").speaker_key
    assert key["talks-1"] == key["talks-2"] == "vladimir putin"
    assert key["city-1"] == "joe palmer" and key["city-2"] == "anna palmer"
    assert key["city-3"] == "palmer@city-3"  # two Palmers in the run: "Palmer" alone is neither
    putin = frames["speakers"].set_index("speaker_key").loc["vladimir putin"]
    assert putin.n_articles == 2 and putin.scope == "run" and putin.variants == "Putin; Vladimir Putin"


def test_runs_without_entities_or_rows():
    r = flood_run()
    r.t["entities"] = []
    led = ledger.build(r.frames())
    assert led.facts.empty and list(led.facts.columns) == ledger.FACT_COLUMNS
    keyed = ledger.quantity_keys(r.frames())  # noun and event are there; no place or actor, so no key
    assert keyed.key_what.tolist()[:3] == ["people"] * 3 and keyed.key_event.tolist()[:3] == ["kill"] * 3
    assert keyed.key_where.isna().all() and keyed.key.isna().all()
    assert led.speaker_keys.tolist()[:2] == ["ana ruiz@one", "ruiz@two"]  # no entity: not named
    empty = Run().frames()
    led = ledger.build(empty)
    assert led.facts.empty and led.speakers.empty and led.speaker_keys.empty


def test_docstring_examples_of_ledger():
    import doctest

    import extract.ledger

    result = doctest.testmod(extract.ledger)
    assert result.attempted > 0 and result.failed == 0
