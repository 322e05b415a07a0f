"""quantulum3's own English test sentences (``quantulum3/_lang/en_US/tests/quantities.json`` in the
installed package, MIT), scored as NewsQuant is: value F1 and value+unit F1.

quantulum3 gives a range as its mean ("8- to 16-meter" is 12 metres): a predicted range matches
a gold value when its bounds' mean does. A gold "dimensionless" quantity wants no unit (a counted
noun may be there, and a share is dimensionless); a gold count in dozens or grosses is compared as
the number it counts ("a dozen" is 12). Gold quantities that count or measure nothing are left out (``LEFT_OUT``,
with the reason), and so are predictions over them.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Optional

from .newsquant import unit_name
from .scoring import PRF

# (sentence index, gold surface) -> why it is no quantity for this tool.
LEFT_OUT = {
    (3, "2"): "a name (Voyager 2)",
    (3, "1979"): "a year: the dates stage owns it",
    (4, "101"): "a name (the course English 101)",
    (25, "1960"): "a decade (the 1960s): the dates stage owns it",
    (34, "30"): "an age as a bare number: 'He will be 30'",
    (35, "42"): "counts and measures nothing ('The answer is 42')",
    (37, "42"): "counts and measures nothing ('42 is the answer')",
    (47, "32"): "part of a company name (South 32 Ltd)",
    (55, "2013"): "a year: the dates stage owns it",
    (61, "860"): "a model number (Core i7 860)",
    (63, "2005"): "a year: the dates stage owns it",
    (63, "2011"): "a year: the dates stage owns it",
    (68, "absolute zero"): "no number in the text: a named temperature",
    (69, "Zero"): "counts and measures nothing ('Zero is a small number')",
}


def suite_path() -> Path:
    import quantulum3

    return Path(quantulum3.__file__).parent / "_lang" / "en_US" / "tests" / "quantities.json"


def load_suite(path: Optional[Path] = None) -> list[dict]:
    """[{"text", "gold": [{"value", "unit", "surface", "start", "end"}], "ignored": [(start, end)]}]."""
    items = json.loads((path or suite_path()).read_text(encoding="utf-8"))
    out = []
    for i, it in enumerate(items):
        text, gold, ignored, pos = it["req"], [], [], 0
        for r in it["res"]:
            start = text.find(r["surface"], pos)
            start = text.find(r["surface"]) if start < 0 else start
            end = start + len(r["surface"])
            pos = end if start >= 0 else pos
            if (i, r["surface"]) in LEFT_OUT:
                ignored.append((start, end))
            else:
                factor = COUNT_UNITS.get(r["unit"])
                gold.append({"value": float(r["value"]) * (factor or 1), "unit": "dimensionless" if factor else r["unit"],
                             "surface": r["surface"], "start": start, "end": end})
        out.append({"text": text, "gold": gold, "ignored": ignored})
    return out


def _close(a: Optional[float], b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


# quantulum3 counts in dozens and grosses as units; extract gives the number ("a dozen eggs": 12).
COUNT_UNITS = {"dozen": 12, "gross": 144, "baker's dozen": 13}


def value_matches(pred, gold: dict) -> bool:
    """The same value, or a range whose mean is the gold value (quantulum3 writes ranges so)."""
    if _close(pred.value, gold["value"]):
        return True
    return pred.low is not None and pred.high is not None and _close((pred.low + pred.high) / 2, gold["value"])


# One unit under two names: quantulum3 names the millilitre "cubic centimetre".
SAME_UNIT = {"millilitre": "cubic centimetre"}


def unit_matches(pred, gold: dict) -> bool:
    """Our unit in quantulum3's words; a share ("fraction") is dimensionless, and so is a count."""
    want = gold["unit"].lower()
    if want == "dimensionless":
        return pred.unit in (None, "fraction")
    return pred.unit is not None and SAME_UNIT.get(unit_name(pred.unit), unit_name(pred.unit)) == want


def score_sentence(preds, item: dict) -> dict[str, PRF]:
    preds = [p for p in preds if not any(p.span.start < e and s < p.span.end for s, e in item["ignored"])]
    used: set[int] = set()
    pairs = []
    for g in item["gold"]:
        for pi, p in enumerate(preds):
            if pi not in used and value_matches(p, g):
                used.add(pi)
                pairs.append((p, g))
                break
    ok_unit = sum(1 for p, g in pairs if unit_matches(p, g))
    n_p, n_g = len(preds), len(item["gold"])
    return {"value": PRF(len(pairs), n_p, len(pairs), n_g), "value+unit": PRF(ok_unit, n_p, ok_unit, n_g)}


def evaluate(*, settings=None, details: bool = False) -> dict:
    """Run the pipeline on each test sentence of quantulum3 and score it."""
    from ..pipeline import process_many
    from ..records import Document

    items = load_suite()
    docs = [Document(f"q{i}", "quantulum3", it["text"]) for i, it in enumerate(items)]
    totals: dict[str, PRF] = {}
    rows = []
    for it, res in zip(items, process_many(docs, settings=settings)):
        scores = score_sentence(list(res.quantities), it)
        for k, v in scores.items():
            totals.setdefault(k, PRF()).add(v)
        if details:
            rows.append((it, res.quantities, scores))
    out = {k: v.as_dict() for k, v in totals.items()}
    out["sentences"] = len(items)
    out["left out"] = len(LEFT_OUT)
    if details:
        out["_details"] = rows
    return out
