"""Quantities: every number that counts or measures something, normalised.

Candidates come from the parse (number-like tokens, spaCy's CARDINAL / MONEY / PERCENT /
QUANTITY entities, vague counts such as "hundreds of"), so quantulum3 only ever sees a short
candidate window ("87 mph", "30 yards") and its answers are cached. Currency, percentages, scale
words ("$280bn", "21 billion dlr", "£155m", "5 pct") and qualifiers are read here, following the
quantity classes of CQE (Almasian et al., EMNLP 2023): approximate ("about", "an estimated"),
lower and upper bounds ("at least", "more than", "up to", "less than"), ranges ("between 10 and
20", "10-20") and vague counts ("dozens of") as ranges with honest bounds.

Kept out: years and calendar dates (the dates stage owns them), times of day, ordinals, the "a" or
"an" quantulum3 reads as 1, phone and section numbers, and anything in an excluded span.
"""
from __future__ import annotations

import functools
import re
import warnings
from typing import Optional

from spacy.tokens import Doc, Token

from .records import ArticleMeta, Quantity, Span

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
VAGUE = {"dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999), "thousands": (2000, 9999),
         "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
         "millions": (2e6, 999e6), "billions": (2e9, 999e9)}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
                    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD",
                  "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
                  "sterling": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupee": "INR", "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
                  "roubles": "RUB", "won": "KRW", "shekel": "ILS", "shekels": "ILS", "ringgit": "MYR",
                  "franc": "CHF", "francs": "CHF", "peso": "MXN", "pesos": "MXN", "rand": "ZAR",
                  "cent": "cent", "cents": "cent", "pence": "penny", "p": "penny"}
PERCENT_WORDS = {"%", "percent", "pct", "percentage", "per cent"}
APPROX = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated",
          "estimated", "close to", "circa", "approx.", "approx", "up to about", "more or less",
          "an approximate", "just under", "just over", "around about")
AT_LEAST = ("at least", "no fewer than", "no less than", "a minimum of", "or more", "at a minimum")
MORE_THAN = ("more than", "over", "above", "upwards of", "in excess of", "greater than", "exceeding",
             "higher than", "beyond", "topping")
AT_MOST = ("up to", "at most", "no more than", "a maximum of", "as many as", "as much as", "or less",
           "or fewer", "not more than")
LESS_THAN = ("less than", "fewer than", "under", "below", "lower than", "short of", "barely")
INCREASE = {"rise", "increase", "grow", "climb", "jump", "surge", "gain", "soar", "rally", "add", "boost",
            "raise", "up", "expand", "advance", "double", "triple", "spike", "swell"}
DECREASE = {"fall", "drop", "decline", "decrease", "shrink", "slip", "plunge", "lose", "cut", "down", "sink",
            "slide", "tumble", "reduce", "lower", "dip", "ease", "contract", "plummet", "shed", "slump"}
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
NUM_RE = re.compile(r"^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-+−]?\.\d+$")
NUM_PREFIX_RE = re.compile(r"^(?P<cur>US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|[$£€¥₹₽])?(?P<num>[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
                           r"(?P<scale>bn|mn|mln|bln|tn|m|b|k)?(?P<pct>%)?$", re.IGNORECASE)
SKIP_BEFORE = {"no", "no.", "number", "section", "article", "chapter", "page", "pages", "room", "route",
               "flight", "rule", "amendment", "paragraph", "clause", "item", "line", "grade", "level",
               "phase", "stage", "episode", "season", "version", "model", "volume", "vol", "step", "tier",
               "title", "bill", "resolution", "exhibit", "figure", "table", "act", "highway", "interstate",
               "i-", "covid", "covid-", "g", "mark", "apollo"}
EXCLUDED_ENTS = {"DATE", "TIME", "ORDINAL"}
DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}


def parse_number(words: list[str]) -> Optional[float]:
    """The value of a number phrase: "12,000", "1.5 billion", "three hundred", "twenty - five"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower().strip()
        if lw in ("-", "and", "a", "an") or not lw:
            continue
        m = NUM_PREFIX_RE.match(w.replace("−", "-"))
        if m:
            current += float(m.group("num").replace(",", ""))
            if m.group("scale"):
                current *= SCALES[m.group("scale").lower()]
            seen = True
        elif lw in WORD_NUMBERS:
            current += WORD_NUMBERS[lw]
            seen = True
        elif lw.rstrip("s") in SCALES and len(lw) > 2:
            scale = SCALES[lw.rstrip("s")]
            current = (current or 1) * scale
            if scale >= 1e3:
                total += current
                current = 0.0
            seen = True
        elif lw in SCALES:
            current = (current or 1) * SCALES[lw]
            seen = True
        else:
            return None
    return total + current if seen else None


def _is_number_token(tok: Token) -> bool:
    t = tok.text
    lw = tok.lower_
    if NUM_PREFIX_RE.match(t):
        return True
    if lw in WORD_NUMBERS:
        return True
    if lw in ("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln", "tn"):
        return True
    return False


@functools.lru_cache(maxsize=20000)
def _quantulum_unit(snippet: str) -> Optional[tuple[str, str, str]]:
    """(unit name, entity, surface) of the first quantity quantulum3 finds in a short snippet."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns on import that its optional classifier is missing
        from quantulum3 import parser

        try:
            found = parser.parse(snippet)
        except Exception:  # quantulum3 raises on odd input; a candidate then simply has no unit
            return None
    for q in found:
        if q.unit.name not in ("dimensionless",) and q.unit.entity.name != "unknown":
            return q.unit.name, q.unit.entity.name, q.surface
    return None


def _phrase_before(doc: Doc, i: int, n: int = 4) -> str:
    start = max(i - n, 0)
    return " ".join(t.lower_ for t in doc[start:i])


def _qualifier(doc: Doc, start_i: int, end_i: int) -> tuple[str, int]:
    """(qualifier, index of its first token) from the words before the number (and "or more" after)."""
    before = _phrase_before(doc, start_i)
    for words, q in ((AT_LEAST, "at_least"), (AT_MOST, "at_most"), (MORE_THAN, "more_than"),
                     (LESS_THAN, "less_than"), (APPROX, "approximate")):
        for w in sorted(words, key=len, reverse=True):
            if before == w or before.endswith(" " + w):
                return q, start_i - len(w.split())
    after = " ".join(t.lower_ for t in doc[end_i:end_i + 3])
    for w in ("or more", "or so", "or less", "or fewer", "plus"):
        if after.startswith(w):
            return {"or more": "at_least", "or so": "approximate", "plus": "at_least"}.get(w, "at_most"), start_i
    return "exact", start_i


def _governing_verb(tok: Token) -> Optional[Token]:
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "npadvmod", "conj", "appos", "nummod",
                        "quantmod", "compound", "amod", "advmod", "prep", "agent"):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "amod":
                return cur
        else:
            break
    return cur if cur.pos_ == "VERB" else None


def _change(verb: Optional[Token], doc: Doc, start_i: int) -> Optional[str]:
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in INCREASE:
            return "increase"
        if lemma in DECREASE:
            return "decrease"
    prev = doc[start_i - 1].lower_ if start_i > 0 else ""
    if prev in ("up", "+"):
        return "increase"
    if prev in ("down", "-", "−"):
        return "decrease"
    return None


def extract(doc: Doc, meta: Optional[ArticleMeta] = None) -> tuple[Quantity, ...]:
    """All quantities of a parsed article, in text order."""
    text = doc.text
    blocked = set()
    durations: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ in EXCLUDED_ENTS:
            if ent.label_ == "DATE" and _duration(ent):
                durations.append((ent.start, ent.end))
                continue
            blocked.update(range(ent.start, ent.end))
    out: list[Quantity] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        vague = _vague(doc, i)
        if vague is not None:
            j, low, high = vague
            q = _finish(doc, i, j, None, low, high, "range", meta, extra_unit=None)
            if q is not None:
                out.append(q)
            i = j
            continue
        if i in blocked or not (_is_number_token(tok) or _fraction(doc, i)):
            i += 1
            continue
        j = i
        while j < n and (_is_number_token(doc[j]) or (doc[j].text in ("-", "and") and j + 1 < n
                         and doc[j + 1].lower_ in WORD_NUMBERS and doc[j - 1].lower_ in WORD_NUMBERS)):
            j += 1
        q = _candidate(doc, i, max(j, i + 1), meta, blocked)
        if q is not None:
            out.append(q)
            i = max(j, q_end_token(doc, q) + 1)
        else:
            i = max(j, i + 1)
    return tuple(out)


def q_end_token(doc: Doc, q: Quantity) -> int:
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    return span.end - 1 if span is not None else 0


def _duration(ent) -> bool:
    return any(t.like_num or t.lower_ in WORD_NUMBERS for t in ent) and any(
        t.lemma_.lower() in DURATION_UNITS for t in ent) and not any(
        t.lower_ in ("last", "next", "this", "ago", "past", "coming") or YEAR_RE.match(t.text) for t in ent)


def _fraction(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return (tok.lower_ in FRACTIONS and i > 0 and doc[i - 1].lower_ in ("a", "one", "two", "three")
            and i + 1 < len(doc) and doc[i + 1].lower_ == "of")


def _vague(doc: Doc, i: int):
    """("dozens of", "hundreds of thousands of") -> (end index, low, high)."""
    for phrase in sorted(VAGUE, key=lambda p: -len(p.split())):
        words = phrase.split()
        toks = doc[i:i + len(words)]
        if len(toks) == len(words) and [t.lower_ for t in toks] == words:
            if i > 0 and (doc[i - 1].like_num or doc[i - 1].lower_ in WORD_NUMBERS):
                return None
            end = i + len(words)
            if end < len(doc) and doc[end].lower_ == "of" or words[0] in ("dozens", "hundreds", "thousands"):
                low, high = VAGUE[phrase]
                return end, float(low), float(high)
    return None


def _candidate(doc: Doc, i: int, j: int, meta: Optional[ArticleMeta], blocked: set) -> Optional[Quantity]:
    text = doc.text
    words = [t.text for t in doc[i:j]]
    first = doc[i]
    if _fraction(doc, i):
        value = FRACTIONS[first.lower_] * (WORD_NUMBERS.get(doc[i - 1].lower_, 1) if doc[i - 1].lower_ != "a" else 1)
        return _finish(doc, i - 1, i + 1, value, value, value, "exact", meta, extra_unit="fraction")
    if len(words) == 1 and first.lower_ in ("one",) and first.dep_ not in ("nummod",) and first.head.pos_ != "NOUN":
        return None  # "one of the", pronoun-like "one"
    if len(words) == 1 and YEAR_RE.match(words[0]) and not _has_unit_after(doc, j):
        return None
    prev = doc[i - 1].lower_ if i > 0 else ""
    if prev in SKIP_BEFORE or (i > 0 and doc[i - 1].text.endswith("-") and doc[i - 1].is_alpha):
        return None
    if j < len(doc) and doc[j].text in (":", ".") and j + 1 < len(doc) and doc[j + 1].like_num and doc[j].whitespace_ == "":
        return None  # 3:15, 1.2.3
    if re.match(r"^\d{3}-\d{4}$", text[first.idx:doc[j - 1].idx + len(doc[j - 1])]):
        return None
    # currency symbol as its own token before the number
    start_i = i
    unit = None
    cur_tok = doc[i - 1] if i > 0 else None
    if cur_tok is not None and cur_tok.text.lower() in CURRENCY_SYMBOLS:
        unit = CURRENCY_SYMBOLS[cur_tok.text.lower()]
        start_i = i - 1
        if i > 1 and doc[i - 2].text.upper() in ("US", "A", "C", "HK", "S", "NZ") and doc[i - 2].whitespace_ == "":
            unit = CURRENCY_SYMBOLS.get(doc[i - 2].text.lower() + "$", unit)
            start_i = i - 2
    m = NUM_PREFIX_RE.match(words[0])
    if m and m.group("cur"):
        unit = CURRENCY_SYMBOLS[m.group("cur").lower()]
    value = parse_number(words)
    if value is None:
        return None
    if prev in ("-", "−", "minus") and i > 1 and not doc[i - 2].like_num and doc[i - 1].whitespace_ == "" and prev != "-":
        value = -value
    if words[0].startswith(("-", "−")):
        pass
    end_i = j
    # a range: "10-20", "10 to 20", "between 10 and 20", "from 10 to 20"
    low = high = value
    qualifier = None
    if end_i + 1 < len(doc) and doc[end_i].text in ("-", "–", "to", "and") and _range_start(doc, i, end_i):
        k = end_i + 1
        if k < len(doc) and doc[k].text.lower() in CURRENCY_SYMBOLS:
            k += 1
        m_end = k
        while m_end < len(doc) and _is_number_token(doc[m_end]):
            m_end += 1
        other = parse_number([t.text for t in doc[k:m_end]]) if m_end > k else None
        if other is not None and m_end > k:
            if doc[m_end - 1].lower_ in SCALES and doc[j - 1].lower_ not in SCALES:
                value *= SCALES[doc[m_end - 1].lower_.rstrip("s")] if doc[m_end - 1].lower_.rstrip("s") in SCALES else 1
            low, high = min(value, other), max(value, other)
            qualifier = "range"
            end_i = m_end
            if start_i > 0 and doc[start_i - 1].lower_ in ("between", "from"):
                start_i -= 1
    elif first.text and re.match(r"^\d+(?:\.\d+)?[-–]\d+(?:\.\d+)?$", first.text):
        a, b = re.split(r"[-–]", first.text)
        low, high, qualifier = float(a), float(b), "range"
    if qualifier is None:
        qualifier, q_start = _qualifier(doc, start_i, end_i)
        start_i = min(start_i, q_start)
        if qualifier in ("at_least", "more_than"):
            low, high = value, None
        elif qualifier in ("at_most", "less_than"):
            low, high = None, value
        value_out = value
    else:
        value_out = None
    return _finish(doc, start_i, end_i, value_out, low, high, qualifier, meta, extra_unit=unit, num_i=(i, j))


def _range_start(doc: Doc, i: int, end_i: int) -> bool:
    sep = doc[end_i].text
    nxt = doc[end_i + 1]
    if not (_is_number_token(nxt) or nxt.text.lower() in CURRENCY_SYMBOLS):
        return False
    if sep == "and":
        return i > 0 and doc[i - 1].lower_ == "between"
    if sep in ("-", "–"):
        return doc[end_i].whitespace_ == "" and doc[end_i - 1].whitespace_ == ""
    return True


def _has_unit_after(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].lemma_.lower() not in ("election", "season")


def _finish(doc: Doc, start_i: int, end_i: int, value, low, high, qualifier, meta, *, extra_unit=None,
            num_i=None) -> Optional[Quantity]:
    text = doc.text
    unit = extra_unit
    k = end_i
    # a trailing percent / currency / scale word
    if k < len(doc) and doc[k].lower_ in PERCENT_WORDS:
        unit = "percent"
        k += 1
    elif k + 1 < len(doc) and doc[k].lower_ == "per" and doc[k + 1].lower_ == "cent":
        unit = "percent"
        k += 2
    elif k < len(doc) and doc[k].text.endswith("%"):
        unit = "percent"
    elif k < len(doc) and doc[k].lower_ in CURRENCY_WORDS and (doc[k].lower_ not in ("pound", "pounds", "p")
                                                                  or unit is None and _money_context(doc, k)):
        unit = CURRENCY_WORDS[doc[k].lower_]
        k += 1
    if num_i is not None and doc[num_i[1] - 1].text.endswith("%"):
        unit = "percent"
    start, end = doc[start_i].idx, doc[k - 1].idx + len(doc[k - 1].text)
    if meta is not None and meta.is_excluded(start, end):
        return None
    num_tok = doc[num_i[1] - 1] if num_i else doc[end_i - 1]
    counted = predicate = None
    head = num_tok
    while head.dep_ in ("compound", "quantmod", "nummod", "amod") and head.head is not head and head.head.pos_ in ("NUM", "SYM"):
        head = head.head
    if unit is None:
        snippet = text[doc[start_i].idx:doc[min(k + 3, len(doc)) - 1].idx + len(doc[min(k + 3, len(doc)) - 1].text)]
        found = _quantulum_unit(snippet)
        if found is not None and found[1] not in ("currency",) or (found and found[1] == "currency" and _money_context(doc, k)):
            name, entity, surface = found
            # extend the span over the unit words quantulum3 read
            surf_end = doc[start_i].idx + snippet.find(surface) + len(surface) if surface in snippet else end
            if surf_end > end:
                for t in doc[k:min(k + 4, len(doc))]:
                    if t.idx + len(t.text) <= surf_end:
                        k = t.i + 1
                end = doc[k - 1].idx + len(doc[k - 1].text)
            unit = name
    noun = head.head if head.dep_ in ("nummod", "quantmod", "npadvmod") else None
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and unit is None:
        counted = noun.text.lower() if noun.pos_ == "NOUN" else noun.text
        if noun.i >= end_i and noun.i - end_i <= 4:
            end = noun.idx + len(noun.text)
        gov = _governing_verb(noun)
    elif unit is None and k < len(doc) and doc[k].lower_ == "of" and k + 1 < len(doc):
        # "a third of voters", "dozens of people": count of the object of "of"
        pobj = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
        counted = pobj.text.lower() if pobj is not None and pobj.pos_ == "NOUN" else None
        gov = _governing_verb(head)
    else:
        gov = _governing_verb(head)
    if gov is not None:
        predicate = gov.lemma_.lower()
    change = _change(gov, doc, start_i)
    return Quantity(span=Span.of(text, start, end), value=value, low=low, high=high, qualifier=qualifier,
                    unit=unit, counted=counted, predicate=predicate, change=change)


def _money_context(doc: Doc, k: int) -> bool:
    window = " ".join(t.lower_ for t in doc[max(k - 6, 0):k + 6])
    return any(w in window for w in ("$", "£", "€", "cost", "price", "pay", "fund", "budget", "worth", "spent",
                                     "spend", "raised", "sterling", "fine", "salary", "revenue", "profit"))
