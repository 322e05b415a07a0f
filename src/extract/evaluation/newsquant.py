"""NewsQuant quantity evaluation (Almasian, Bruckner, Gertz et al., 2023; the corpus of CQE).

Each sentence is run through the pipeline on its own. Predictions are matched one to one with
the gold quantities of the sentence:

* value: the same value, or the same bounds for a gold range "a-b";
* value+unit: additionally the unit (else the counted noun) agrees with the gold normalised unit
  (``-`` in the gold means no unit);
* qualifier accuracy over value matches: gold change ``~`` is approximate, ``>`` more_than or
  at_least, ``<`` less_than or at_most, anything else exact (or range for a gold range).

``part="tune"`` scores the even-numbered sentences only, the half the quantity rules were shaped
on; ``part="held-out"`` the odd-numbered ones, which are only ever scored.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Optional

from .scoring import PRF

CURRENCY_NAMES = {"USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
                  "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
                  "SGD": "singapore dollar", "NZD": "new zealand dollar", "INR": "indian rupee",
                  "CNY": "chinese yuan", "RUB": "russian ruble", "ILS": "shekel", "MYR": "malaysian ringgit",
                  "CHF": "swiss franc", "KRW": "south korean won", "MXN": "mexican peso", "ZAR": "south african rand",
                  "BRL": "brazilian real", "DKK": "danish krone", "SEK": "swedish krona", "NOK": "norwegian krone",
                  "CZK": "czech koruna", "TWD": "new taiwan dollar", "PKR": "pakistani rupee", "PHP": "philippine peso",
                  "ARS": "argentine peso", "TRY": "turkish lira", "EGP": "egyptian pound", "SAR": "saudi riyal",
                  "NGN": "nigerian naira", "KES": "kenyan shilling", "PLN": "polish zloty", "HUF": "hungarian forint",
                  "THB": "thai baht", "IDR": "indonesian rupiah", "UAH": "ukrainian hryvnia", "GHS": "ghanaian cedi",
                  "BDT": "bangladeshi taka", "AED": "uae dirham", "ZMW": "zambian kwacha", "RON": "romanian leu",
                  "KZT": "kazakhstani tenge", "IRR": "iranian rial", "BTC": "bitcoin", "NLG": "dutch guilder",
                  "ESP": "spanish peseta", "ATS": "austrian schilling", "GRD": "greek drachma", "PTE": "portuguese escudo",
                  "DEM": "german mark", "ITL": "italian lira",
                  "cent": "cent", "penny": "penny", "percent": "percentage"}
QUALIFIERS = {"~": {"approximate"}, ">": {"more_than", "at_least"}, "<": {"less_than", "at_most"}}


UNIT_NAMES = {"degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "degree angle": "degree",
              "pound-mass": "pound"}


def _singular(word: str) -> str:
    """A crude singular for comparing nouns: "viruses" -> "virus", "bosses" -> "boss"; words already
    singular that end in -ss, -us or -is ("boss", "virus", "analysis") are kept."""
    w = word.lower().strip()
    if w.endswith(("ss", "us", "is")):
        return w
    for suf, rep in (("men", "man"), ("uses", "us"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"),
                     ("xes", "x")):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            return w[: -len(suf)] + rep
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def unit_name(unit: str) -> str:
    """Our unit in NewsQuant's words: ISO codes as currency names, quantulum3's names as NewsQuant's."""
    words = [CURRENCY_NAMES.get(w, w) for w in unit.split()]
    name = " ".join(words).lower()
    return UNIT_NAMES.get(name, name)


def unit_agrees(unit: Optional[str], counted: Optional[str], gold: str) -> bool:
    """The unit, else the counted noun, agrees with the gold normalised unit: the same name, or
    (for a counted noun) one of the words of a gold unit with modifiers ("commercial fisherman")."""
    gold = gold.lower().strip()
    if gold in ("-", ""):
        return unit is None
    if unit is not None:
        name = unit_name(unit)
        return name == gold or _singular(name) == _singular(gold)
    if counted:
        c = _singular(counted)
        return c == _singular(gold) or c in {_singular(w) for w in gold.split()}
    return False


def _gold_value(v: str) -> tuple[Optional[float], Optional[float], Optional[float]]:
    """(value, low, high) of a gold value "275.0" or range "252.0-287.0"."""
    v = str(v).strip()
    if "-" in v[1:]:
        a, b = v[1:].split("-", 1) if v.startswith("-") else v.split("-", 1)
        a = ("-" + a) if v.startswith("-") else a
        try:
            return None, float(a), float(b)
        except ValueError:
            return None, None, None
    try:
        return float(v), None, None
    except ValueError:
        return None, None, None


def _close(a: Optional[float], b: Optional[float]) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_match(pred, gold: dict) -> bool:
    gv, glo, ghi = _gold_value(gold["value"])
    if gv is not None:
        return _close(pred.value, gv)
    if glo is not None:  # a gold range may be written high-low ("from 4.8 to 4.7 percent")
        lo, hi = min(glo, ghi), max(glo, ghi)
        return _close(pred.low, lo) and _close(pred.high, hi)
    return False


def score_sentence(preds, golds) -> dict[str, PRF]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and value_match(p, g):
                used.add(pi)
                pairs.append((p, g))
                break
    v = PRF(len(pairs), len(preds), len(pairs), len(golds))
    unit_ok = [1 for p, g in pairs if unit_agrees(p.unit, p.counted, g.get("normalized_unit", "-"))]
    vu = PRF(len(unit_ok), len(preds), len(unit_ok), len(golds))
    q_ok = 0
    for p, g in pairs:
        want = QUALIFIERS.get(g.get("change"), {"exact", "range"})
        q_ok += p.qualifier in want
    return {"value": v, "value+unit": vu, "_q_ok": PRF(q_ok, len(pairs), q_ok, len(pairs))}


PARTS = ("tune", "held-out")


def in_part(index: int, part: Optional[str]) -> bool:
    """The fixed split of a corpus: even-numbered items are the tuning half (rules were shaped on
    them), odd-numbered ones are held out (only ever scored); ``None`` is every item."""
    if part is None:
        return True
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS}, not {part!r}")
    return index % 2 == (0 if part == "tune" else 1)


def evaluate(path: str | Path, *, settings=None, limit: Optional[int] = None, part: Optional[str] = None) -> dict:
    """Run the pipeline on each NewsQuant sentence (of ``part``, see :func:`in_part`) and score it."""
    from ..pipeline import process_many
    from ..records import Document

    items = json.loads(Path(path).read_text(encoding="utf-8"))[:limit]
    items = [it for i, it in enumerate(items) if in_part(i, part)]
    docs = [Document(f"s{i}", str(path), it["text"]) for i, it in enumerate(items)]
    totals: dict[str, PRF] = {}
    for it, res in zip(items, process_many(docs, settings=settings)):
        for k, v in score_sentence(list(res.quantities), it["quantities"]).items():
            totals.setdefault(k, PRF()).add(v)
    q = totals.pop("_q_ok")
    out = {k: v.as_dict() for k, v in totals.items()}
    out["qualifier accuracy"] = round(q.tp_p / q.n_p, 4) if q.n_p else 0.0
    out["sentences"] = len(items)
    return out
