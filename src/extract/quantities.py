"""Quantities: every number that counts or measures something, normalised.

Candidates come from the parse (number-like tokens, spaCy's CARDINAL / MONEY / PERCENT /
QUANTITY entities, vague counts such as "hundreds of"), so quantulum3 only ever sees a short
candidate window ("95 mph", "30 yards") and its answers are cached. Currency, percentages, scale
words ("$310bn", "17 billion dlr", "£120m", "5 pct") and qualifiers are read here, following the
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
from .nlp import text_of
from .timeutil import month_number

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "m": 1e6, "b": 1e9, "k": 1e3}
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2}
# A vague count spans one order of magnitude from its unit, as NewsQuant annotates them
# ("dozens" 12-120, "millions" 1e6-1e7).
VAGUE = {"dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1000, 10000),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6), "tens of millions": (1e7, 1e8),
         "hundreds of millions": (1e8, 1e9), "millions": (1e6, 1e7), "billions": (1e9, 1e10)}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "$us": "USD", "$a": "AUD", "$c": "CAD", "$nz": "NZD", "$hk": "HKD", "£": "GBP", "ps": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
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
# A number token, perhaps glued to a currency sign, a scale ("$310bn", "4.3M") or a unit ("6kW",
# "45g", "1.38pc"). "PS" is how ASCII transliteration (unidecode) writes the pound sign.
NUM_PREFIX_RE = re.compile(r"^(?P<tilde>~)?(?P<cur>US\$|A\$|C\$|HK\$|S\$|NZ\$|R\$|\$US|\$A|\$C|\$NZ|\$HK|PS(?=\d)|[$£€¥₹₽]|(?:US|A|C|NZ|HK)(?=\d))?(?P<num>[-+−]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+))"
                           r"(?:(?P<scale>bn|mn|mln|bln|tn|m|b|k)(?![A-Za-z])|(?!(?:st|nd|rd|th)\b)(?P<unit>[A-Za-zμ°][A-Za-z/²³]{0,5}[23²³]?))?(?P<pct>%)?$")
TIME_RE = re.compile(r"^\d{1,2}(?:[:.]\d\d)?(?:[ap]\.?m\.?)$|^\d{1,2}:\d\d$", re.IGNORECASE)
SKIP_BEFORE = {"no", "no.", "number", "section", "article", "chapter", "page", "pages", "room", "route",
               "flight", "rule", "amendment", "paragraph", "clause", "item", "line", "grade", "level",
               "phase", "stage", "episode", "season", "version", "model", "volume", "vol", "step", "tier",
               "title", "bill", "resolution", "exhibit", "figure", "table", "act", "highway", "interstate",
               "i-", "covid", "covid-", "g", "mark", "apollo"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century"}


def parse_number(words: list[str]) -> Optional[float]:
    """The value of a number phrase: "12,000", "1.5 billion", "three hundred", "twenty - five"."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        lw = w.lower().strip()
        if lw in ("-", "and", "a", "an") or not lw:
            continue
        if lw.endswith(".") and lw[:-1] in SCALES:
            lw = lw[:-1]  # "$5.4m." at the end of a sentence
        m = NUM_PREFIX_RE.match(w.replace("−", "-"))
        if m:
            current += float(m.group("num").replace(",", ""))
            scale = _glued_scale(m)
            if scale:
                current *= scale
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


def _glued_scale(m: re.Match) -> Optional[float]:
    """The scale of a glued suffix: "bn", "k", and "m" / "M" as million (with a currency sign, or
    upper case "M"); a lower-case "m" alone is left to the unit reader as metres."""
    if m.group("scale"):
        suffix = m.group("scale")
        if suffix == "m" and not m.group("cur"):
            return None
        return SCALES[suffix.lower()]
    if m.group("unit") in ("M", "B", "K", "BN", "Bn", "MN", "Mn"):
        return SCALES[m.group("unit").lower()]
    return None


def _glued_unit(word: str) -> Optional[str]:
    m = NUM_PREFIX_RE.match(word)
    if m is None:
        return None
    if m.group("scale") == "m" and not m.group("cur"):
        return "m"
    unit = m.group("unit")
    if unit in ("M", "B", "K", "BN", "Bn", "MN", "Mn"):
        return None
    return unit


def _is_number_token(tok: Token) -> bool:
    t = tok.text
    lw = tok.lower_
    m = NUM_PREFIX_RE.match(t)
    if m:
        cur = m.group("cur")
        if cur and cur[-1].isalpha() and cur not in ("PS",):
            # "$US55,931,000" is split "$" + "US55,931,000": only the glued form counts
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            return prev is not None and prev.text == "$" and prev.whitespace_ == ""
        return True
    if lw in WORD_NUMBERS:
        return True
    if lw in ("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "mln", "bln", "tn"):
        return True
    return False


@functools.lru_cache(maxsize=1)
def _stable_quantulum() -> None:
    """Make quantulum3's tie-breaking deterministic.

    Without its optional classifier, quantulum3 breaks ties between candidate units by iterating
    a set, whose order changes with Python's hash seed: the same text could get "megayear" in one
    process and no unit in another, and worker processes would disagree. Candidates are sorted
    by name before its own scoring runs.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load as qload
        from quantulum3 import no_classifier
        from quantulum3 import regex as qregex

    original = no_classifier.disambiguate_no_classifier
    if getattr(original, "_extract_stable", False):
        return

    def stable(entities, text, lang="en_US"):
        return original(sorted(entities, key=lambda e: str(getattr(e, "name", e))), text, lang)

    stable._extract_stable = True
    no_classifier.disambiguate_no_classifier = stable

    # Its unit regex lists surfaces longest first, equal lengths in dict order, which follows
    # set order too; ordered by (length, text) instead. (From quantulum3.regex.units_regex, MIT.)
    import functools as _ft
    import re as _re

    @_ft.lru_cache(maxsize=None)
    def units_regex(lang="en_US"):
        units_ = qload.units(lang)
        by_len = lambda keys: sorted(keys, key=lambda k: (-len(k), k))  # noqa: E731
        op_keys = by_len(qregex.operators(lang))
        unit_keys = by_len(set(units_.surfaces) | set(units_.symbols))
        symbol_keys = by_len(units_.prefix_symbols)
        exponent = qregex.exponents_regex(lang).format(superscripts=qregex.unicode_superscript_regex())
        all_ops = "|".join(_re.escape(i) for i in op_keys)
        all_units = "|".join(_re.escape(i) for i in unit_keys)
        all_symbols = "|".join(_re.escape(i) for i in symbol_keys)
        pattern = r"""
            (?<!\w)
            (?P<prefix>(?:%s)(?![a-zA-Z]))?
            (?P<value>%s)-?
            (?:(?P<operator1>%s(?=(%s)%s))?(?P<unit1>(?:%s)%s)?)
            (?:(?P<operator2>%s(?=(%s)%s))?(?P<unit2>(?:%s)%s)?)
            (?:(?P<operator3>%s(?=(%s)%s))?(?P<unit3>(?:%s)%s)?)
            (?:(?P<operator4>%s(?=(%s)%s))?(?P<unit4>(?:%s)%s)?)
            (?!\w)
        """ % tuple([all_symbols, qregex.range_pattern(lang)] + 4 * [all_ops, all_units, exponent, all_units, exponent])
        return _re.compile(pattern, _re.VERBOSE | _re.IGNORECASE)

    qregex.units_regex = units_regex


@functools.lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Every surface and symbol quantulum3 knows a unit by, to ask it only when one may follow."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

        units = load.units("en_US")
    words = set(units.surfaces_lower) | set(units.symbols_lower) | {s.lower() for s in units.symbols}
    return frozenset(w for w in words if w) | frozenset(w.split()[0] for w in words if " " in w)


def _maybe_unit(rest: str) -> bool:
    words = rest.strip().lstrip("(").split()
    if not words:
        return False
    first = words[0].lower().strip(".,;:)")
    known = _unit_words()
    return first in known or first.rstrip("s") in known or "/" in first or first.split("-")[0] in known


@functools.lru_cache(maxsize=20000)
def _quantulum_unit(snippet: str) -> Optional[tuple[str, str, str]]:
    """(unit name, entity, surface) of the first quantity quantulum3 finds in a short snippet."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns on import that its optional classifier is missing
        from quantulum3 import parser

        _stable_quantulum()
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
    blocked = set()
    for ent in doc.ents:
        if ent.label_ == "ORDINAL":
            blocked.update(t.i for t in ent if re.search(r"\d(?:st|nd|rd|th)$", t.lower_) or not t.like_num
                           or t.lower_ in ORDINAL_WORDS)
        elif ent.label_ in ("DATE", "TIME") and not _duration(ent):
            # calendar words: block the years, days and clock times, not other numbers the NER swept in
            blocked.update(t.i for t in ent if _calendar_number(t))
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
        if (i in blocked and not _fraction(doc, i)) or not (_is_number_token(tok) or _fraction(doc, i)):
            i += 1
            continue
        if TIME_RE.match(tok.text):
            i += 1
            continue
        if i + 2 < n and doc[i + 1].text == "-" and _fraction(doc, i + 2):
            i += 2  # "two-thirds of": read at "thirds"
            continue
        if _adjectival_duration(doc, i):
            i += 1
            continue
        j = i + 1
        while j < n and (_chains(doc[j - 1], doc[j]) or (doc[j].text in ("-", "and") and j + 1 < n
                         and doc[j + 1].lower_ in WORD_NUMBERS and doc[j - 1].lower_ in WORD_NUMBERS)):
            j += 1
        if j < n and j > i and doc[j - 1].whitespace_ == "" and _glued_scale_token(doc, i, j):
            j += 1
        q = _candidate(doc, i, max(j, i + 1), meta)
        if q is not None:
            out.append(q)
            i = max(j, q_end_token(doc, q) + 1)
        else:
            i = max(j, i + 1)
    return tuple(out)


def _chains(prev: Token, tok: Token) -> bool:
    """Whether ``tok`` continues the number phrase ending in ``prev``: "three hundred", "1.5 billion";
    two numerals in a row ("FTSE 100 +0.5%") are two numbers."""
    if not _is_number_token(tok):
        return False
    if tok.lower_ in SCALES or tok.lower_.rstrip("s") in SCALES:
        return True
    return prev.lower_ in WORD_NUMBERS and tok.lower_ in WORD_NUMBERS


def _adjectival_duration(doc: Doc, i: int) -> bool:
    """ "a three-year forecast", "a two-month deployment": a duration used as a modifier is no amount."""
    if i + 3 >= len(doc) or doc[i + 1].text != "-":
        return False
    unit, after = doc[i + 2], doc[i + 3]
    return unit.lower_ in DURATION_UNITS and after.text != "-" and after.pos_ in ("NOUN", "PROPN", "ADJ")


def _glued_scale_token(doc: Doc, i: int, j: int) -> bool:
    """ "13.6" + "M", "5.4" + "m" after a currency sign: a scale the tokenizer split off."""
    word = doc[j].text.rstrip(".")
    if word.lower() not in ("m", "bn", "b", "k", "mn", "mln", "tn", "bln"):
        return False
    has_currency = (i > 0 and doc[i - 1].text.lower() in CURRENCY_SYMBOLS) or bool(
        (NUM_PREFIX_RE.match(doc[i].text) or {}) and NUM_PREFIX_RE.match(doc[i].text).group("cur"))
    return word != "m" or has_currency


def q_end_token(doc: Doc, q: Quantity) -> int:
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    return span.end - 1 if span is not None else 0


def _duration(ent) -> bool:
    """ "three years", "the past two years", "8 seconds": an amount of time, which is a quantity too."""
    return any(t.like_num or t.lower_ in WORD_NUMBERS for t in ent) and any(
        t.lemma_.lower() in DURATION_UNITS for t in ent) and not any(
        t.lower_ in ("ago", "earlier", "later") or YEAR_RE.match(t.text) for t in ent)


def _calendar_number(tok: Token) -> bool:
    t = tok.text.lstrip("~")
    if YEAR_RE.match(t) or re.match(r"^'\d\d$", t) or re.search(r"\d[:.]\d\d|[ap]\.?m\.?$", t.lower()):
        return True
    if re.match(r"^\d{1,2}(?:st|nd|rd|th)?$", t):
        return True  # a day of the month
    return tok.lower_ in WORD_NUMBERS and not any(c.lemma_.lower() in DURATION_UNITS for c in tok.head.subtree)


def _fraction(doc: Doc, i: int) -> bool:
    """ "a third of", "half of", "two-thirds of": a share."""
    tok = doc[i]
    word = tok.lower_[:-1] if tok.lower_.endswith("s") and tok.lower_[:-1] in FRACTIONS else tok.lower_
    if word not in FRACTIONS or i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
        return False
    if word == "half" and (i == 0 or doc[i - 1].lower_ not in ("a", "one")):
        return i == 0 or doc[i - 1].lower_ in ("almost", "nearly", "about", "over", "than", "roughly", "around", "than")
    prev = doc[i - 2] if i > 1 and doc[i - 1].text == "-" else (doc[i - 1] if i > 0 else None)
    return prev is not None and prev.lower_ in ("a", "one", "two", "three", "four")


VAGUE_FIRST = {p.split()[0] for p in VAGUE}


def _vague(doc: Doc, i: int):
    """("dozens of", "hundreds of thousands of") -> (end index, low, high)."""
    if doc[i].lower_ not in VAGUE_FIRST:
        return None
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


def _candidate(doc: Doc, i: int, j: int, meta: Optional[ArticleMeta]) -> Optional[Quantity]:
    text = text_of(doc)
    words = [t.text for t in doc[i:j]]
    first = doc[i]
    if _fraction(doc, i):
        word = first.lower_[:-1] if first.lower_[:-1] in FRACTIONS and first.lower_.endswith("s") else first.lower_
        start = i - 2 if i > 1 and doc[i - 1].text == "-" else max(i - 1, 0)
        if word == "half" and doc[start].lower_ not in ("a", "one"):
            start = i
        count = WORD_NUMBERS.get(doc[start].lower_, 1) if doc[start].lower_ not in ("a", "an") else 1
        value = FRACTIONS[word] * count
        qualifier, q_start = _qualifier(doc, start, i + 1)
        return _finish(doc, min(start, q_start), i + 1, value, value, value, qualifier, meta, extra_unit="fraction")
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[j].lower_ if j < len(doc) else ""
    if len(words) == 1 and first.lower_ == "one" and (prev in ("no", "the", "this", "that", "every", "any", "which",
                                                                "each", "same", "another", "only")
                                                      or nxt in ("another", "day", "time", "way")):
        return None  # "no one", "one another", "one day": not a count
    if len(words) == 1 and YEAR_RE.match(words[0]) and not (
            (prev and prev in CURRENCY_SYMBOLS) or nxt in PERCENT_WORDS or nxt.endswith("%")):
        return None  # a year belongs to the dates stage
    if first.head.pos_ == "PROPN" and first.dep_ in ("nummod", "compound") and first.head.i > first.i and \
            _quantulum_unit(f"{first.text} {first.head.text}") is None:
        return None  # "990 Turbo", "12 Elm Road": part of a name (but "54 GB" is a unit)
    if i > 0 and doc[i - 1].pos_ == "PROPN" and any(c.isupper() for c in doc[i - 1].text) and not (
            doc[i - 1].text.lower() in CURRENCY_SYMBOLS or doc[i - 1].text.upper() in ("US", "HK", "A", "C", "S", "NZ")):
        if not (i > 1 and doc[i - 2].lower_ in ("and", "with", "of")) and doc[i - 1].ent_type_ not in ("GPE", "NORP", "DATE") \
                and (j >= len(doc) or doc[j].is_stop or _quantulum_unit(f"{first.text} {nxt}") is None):
            return None  # "iPhone 11", "S&P 500", "Fortune 100", "Oct. 31"
    if i > 0 and month_number(doc[i - 1].text) and not NUM_PREFIX_RE.match(doc[i - 1].text):
        return None
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
        if i > 1 and doc[i - 2].text.upper() in ("US", "A", "C", "HK", "S", "NZ"):
            unit = CURRENCY_SYMBOLS.get(doc[i - 2].text.lower() + "$", unit)
            start_i = i - 2
    m = NUM_PREFIX_RE.match(words[0])
    if m and m.group("cur"):
        cur = m.group("cur").lower()
        unit = CURRENCY_SYMBOLS.get(cur) or CURRENCY_SYMBOLS.get("$" + cur, unit)
    value = parse_number(words)
    if value is None:
        return None
    if prev == "minus":
        value = -value
    end_i = j
    # a range: "10-20", "10 to 20", "between 10 and 20", "from 10 to 20"
    low = high = value
    qualifier = None
    after_by = start_i > 0 and doc[start_i - 1].lower_ == "by"  # "rose by $43.6bn to $419.2bn": two values
    sep_i = end_i
    if start_i > 0 and doc[start_i - 1].lower_ in ("from", "between"):
        # "from 252 miles to 287 miles": the unit may stand between the two numbers
        for look in range(end_i, min(end_i + 3, len(doc) - 1)):
            if doc[look].lower_ in ("to", "and", "-", "–"):
                sep_i = look
                break
            if _is_number_token(doc[look]) or (doc[look].is_punct and doc[look].text != "%"):
                break
    if sep_i + 1 < len(doc) and doc[sep_i].text in ("-", "–", "to", "and") and _range_start(doc, start_i, sep_i):
        k = sep_i + 1
        if k < len(doc) and doc[k].text.lower() in CURRENCY_SYMBOLS:
            k += 1
        m_end = k
        while m_end < len(doc) and _is_number_token(doc[m_end]):
            m_end += 1
        other = parse_number([t.text for t in doc[k:m_end]]) if m_end > k else None
        if other is not None and after_by and other > 3 * value:
            other = None  # "increased by $43.6bn to $419.2bn": a change and a level, not a range
        if other is not None and m_end > k:
            scale_word = doc[m_end - 1].lower_.rstrip("s")
            if scale_word in SCALES and len(scale_word) > 1 and doc[j - 1].lower_.rstrip("s") not in SCALES:
                raw_other = other / SCALES[scale_word]
                if value < raw_other:
                    value *= SCALES[scale_word]  # "1 to 1.5 million", not "$750,000 to $1 million"
            low, high = min(value, other), max(value, other)
            qualifier = "range"
            end_i = m_end
            # "5-10W": the unit glued to the second number
            if _glued_unit(doc[m_end - 1].text):
                j = m_end
            if start_i > 0 and doc[start_i - 1].lower_ in ("between", "from"):
                start_i -= 1
    elif first.text and re.match(r"^\d+(?:\.\d+)?[-–]\d+(?:\.\d+)?$", first.text):
        a, b = re.split(r"[-–]", first.text)
        low, high, qualifier = float(a), float(b), "range"
    if qualifier is None and m is not None and m.group("tilde"):
        qualifier = "approximate"
        value_out = value
    elif qualifier is None:
        qualifier, q_start = _qualifier(doc, start_i, end_i)
        start_i = min(start_i, q_start)
        if qualifier in ("at_least", "more_than"):
            low, high = value, None
        elif qualifier in ("at_most", "less_than"):
            low, high = None, value
        value_out = value
    else:
        value_out = None
    glued = _glued_unit(doc[end_i - 1].text)
    if glued and glued.lower() in ("pc", "pct"):
        unit, glued = "percent", None
    return _finish(doc, start_i, end_i, value_out, low, high, qualifier, meta, extra_unit=unit, num_i=(i, j),
                   glued=glued, value_hint=value if value is not None else high)


def _range_start(doc: Doc, i: int, end_i: int) -> bool:
    sep = doc[end_i].text
    nxt = doc[end_i + 1]
    if not (_is_number_token(nxt) or nxt.text.lower() in CURRENCY_SYMBOLS):
        return False
    if sep == "and":
        return i > 0 and doc[i - 1].lower_ == "between"
    if sep == "-":
        return doc[end_i].whitespace_ == "" and doc[end_i - 1].whitespace_ == ""
    if sep == "–":
        return True
    return True


def _plain(v: float) -> str:
    return format(v, "f").rstrip("0").rstrip(".") if v is not None else ""


PER_NOUNS = {"gallon", "share", "barrel", "month", "year", "week", "day", "hour", "ounce", "gram", "kilogram",
             "kilo", "pound", "ton", "tonne", "litre", "liter", "square", "sq", "person", "head", "night",
             "unit", "mile", "kilometre", "kilometer", "metre", "meter", "foot", "acre", "hectare", "mmbtu"}


def _finish(doc: Doc, start_i: int, end_i: int, value, low, high, qualifier, meta, *, extra_unit=None,
            num_i=None, glued=None, value_hint=None) -> Optional[Quantity]:
    text = text_of(doc)
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
    while head.dep_ in ("compound", "quantmod", "nummod", "amod") and head.head.i != head.i and head.head.pos_ in ("NUM", "SYM"):
        head = head.head
    # "$3.05 a gallon", "$62 per share": a compound unit
    if unit is not None and k + 1 < len(doc) and doc[k].lower_ in ("per", "a", "an") and \
            doc[k + 1].lemma_.lower() in PER_NOUNS:
        last = k + 1
        if doc[k + 1].lower_ in ("square", "sq") and k + 2 < len(doc):
            last = k + 2
        unit = f"{unit} per {' '.join(t.lemma_.lower() for t in doc[k + 1:last + 1])}"
        k = last + 1
    # "a 95-year-old", "73 years old": an age
    after = " ".join(t.lower_ for t in doc[k:k + 4])
    if unit is None and re.match(r"^(?:- )?years? (?:- )?old\b", after):
        unit = "year of age"
    if unit is None:
        rest_end = doc[min(k + 3, len(doc)) - 1]
        rest = text[doc[k - 1].idx + len(doc[k - 1].text):rest_end.idx + len(rest_end.text)] if k < len(doc) else ""
        snippet = f"{_plain(value_hint)}{' ' + glued if glued else ''}{rest}" if value_hint is not None else \
            text[doc[start_i].idx:rest_end.idx + len(rest_end.text)]
        found = _quantulum_unit(snippet) if (glued or _maybe_unit(rest)) else None
        if found is not None and found[1] not in ("currency",) or (found and found[1] == "currency" and _money_context(doc, k)):
            name, entity, surface = found
            # extend the span over the unit words quantulum3 read
            if surface in snippet and k < len(doc):
                consumed = snippet.find(surface) + len(surface) - len(snippet) + len(rest)
                surf_end = doc[k - 1].idx + len(doc[k - 1].text) + max(consumed, 0)
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
