"""Units: currency signs and words, percent, per-unit rates, ages, and every other unit through
quantulum3 (Marcos et al.; MIT), asked only about a short window after the number.

quantulum3 0.10.0 breaks ties between candidate units by iterating a set, so the same text can
get different units in different processes; ``_stable_quantulum`` replaces two of its internals
to order the candidates by name. That is why ``pyproject.toml`` pins quantulum3 exactly.
"""
from __future__ import annotations

import functools
import re
import warnings
from importlib.metadata import version
from typing import Optional

from spacy.tokens import Doc, Token

from .numbers import plain

CURRENCY_SYMBOLS = {"$": "USD", "y=": "JPY", "us$": "USD", "$us": "USD", "$a": "AUD", "$c": "CAD", "$nz": "NZD", "$hk": "HKD",
                    "£": "GBP", "ps": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB",
                    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "nt$": "TWD",
                    "rs": "INR", "rs.": "INR", "₩": "KRW", "₦": "NGN", "rmb": "CNY",
                    # ISO codes written before the amount: "CHF 300", "EUR 250"
                    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "jpy": "JPY", "cny": "CNY", "inr": "INR",
                    "aud": "AUD", "cad": "CAD", "hkd": "HKD", "sgd": "SGD", "nzd": "NZD", "zar": "ZAR"}
# Country letters written before a dollar sign as their own token ("US $5", "A $20").
DOLLAR_COUNTRIES = ("US", "A", "C", "HK", "S", "NZ")
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD",
                  "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP",
                  "sterling": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "rupee": "INR", "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB",
                  "roubles": "RUB", "won": "KRW", "shekel": "ILS", "shekels": "ILS", "ringgit": "MYR",
                  "franc": "CHF", "francs": "CHF", "peso": "MXN", "pesos": "MXN", "rand": "ZAR",
                  "cent": "cent", "cents": "cent", "cts": "cent", "pence": "penny", "p": "penny", "stg": "GBP",
                  # currencies named without their country, as news names them
                  "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "złotys": "PLN", "zlotych": "PLN", "złotych": "PLN",
                  "forint": "HUF", "forints": "HUF", "baht": "THB", "rupiah": "IDR", "rupiahs": "IDR",
                  "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "naira": "NGN", "nairas": "NGN",
                  "cedi": "GHS", "cedis": "GHS", "taka": "BDT", "lira": "TRY", "liras": "TRY", "lire": "ITL",
                  "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED", "kwacha": "ZMW",
                  "leu": "RON", "lei": "RON", "tenge": "KZT", "rial": "IRR", "rials": "IRR", "bitcoin": "BTC",
                  "bitcoins": "BTC",
                  # the currencies of 1980s-90s wire copy
                  "guilder": "NLG", "guilders": "NLG", "peseta": "ESP", "pesetas": "ESP", "schilling": "ATS",
                  "schillings": "ATS", "drachma": "GRD", "drachmas": "GRD", "escudo": "PTE", "escudos": "PTE",
                  "mark": "DEM", "marks": "DEM", "dm": "DEM"}
# Currencies named with their country: "Swedish crowns", "US dollars", "South African rand".
NATIONAL_CURRENCIES = {
    "us": {"dollar": "USD"}, "u.s.": {"dollar": "USD"}, "american": {"dollar": "USD"},
    "australian": {"dollar": "AUD"}, "canadian": {"dollar": "CAD"}, "new zealand": {"dollar": "NZD"},
    "hong kong": {"dollar": "HKD"}, "singapore": {"dollar": "SGD"}, "taiwan": {"dollar": "TWD"},
    "danish": {"crown": "DKK", "krone": "DKK"}, "swedish": {"crown": "SEK", "krona": "SEK"},
    "norwegian": {"crown": "NOK", "krone": "NOK"}, "czech": {"crown": "CZK", "koruna": "CZK"},
    "japanese": {"yen": "JPY"}, "chinese": {"yuan": "CNY", "renminbi": "CNY"}, "indian": {"rupee": "INR"},
    "pakistani": {"rupee": "PKR"}, "mexican": {"peso": "MXN"}, "philippine": {"peso": "PHP"},
    "argentine": {"peso": "ARS"}, "swiss": {"franc": "CHF"}, "south african": {"rand": "ZAR"},
    "brazilian": {"real": "BRL"}, "russian": {"rouble": "RUB", "ruble": "RUB"}, "turkish": {"lira": "TRY"},
    "egyptian": {"pound": "EGP"}, "israeli": {"shekel": "ILS"}, "saudi": {"riyal": "SAR"},
    "south korean": {"won": "KRW"}, "nigerian": {"naira": "NGN"}, "kenyan": {"shilling": "KES"},
}
CURRENCY_PLURALS = {"dlrs": "dollar", "dlr": "dollar", "crowns": "crown", "kroner": "krone", "kronor": "krona", "koruny": "koruna", "reais": "real",
                    "rands": "rand", "liras": "lira"}
# Currency words that are also weights or letters: a currency only in a money context.
AMBIGUOUS_CURRENCY = ("pound", "pounds", "p", "mark", "marks")
PERCENT_WORDS = {"%", "percent", "pct", "percentage", "per cent"}
PERCENT_GLUED = ("pc", "pct")
PER_NOUNS = {"gallon", "share", "barrel", "month", "year", "week", "day", "hour", "ounce", "gram", "kilogram",
             "kilo", "pound", "ton", "tonne", "litre", "liter", "square", "sq", "person", "head", "night",
             "unit", "mile", "kilometre", "kilometer", "metre", "meter", "foot", "acre", "hectare", "mmbtu"}
MONEY_WORDS = ("$", "£", "€", "cost", "price", "pay", "fund", "budget", "worth", "spent", "spend", "raised",
               "sterling", "fine", "salary", "revenue", "profit", "dollar", "dlr", "shares", "bond", "stock",
               "currency", "exchange")
AGE_RE = re.compile(r"^(?:- )?(?P<unit>year|month|week|day)s? (?:- )?old\b")
SI_PREFIXES = "kmgtpnuμcd"  # lower-cased: "MWh" is mega + Wh, "kWh" kilo + Wh
QUANTULUM3_VERSION = "0.10.0"  # the version whose internals _stable_quantulum replaces


def money_context(doc: Doc, k: int) -> bool:
    """A money word within six tokens of token ``k`` ("cost", "$", "salary")."""
    window = " ".join(t.lower_ for t in doc[max(k - 6, 0):k + 6])
    return any(w in window for w in MONEY_WORDS)


@functools.lru_cache(maxsize=1)
def _stable_quantulum() -> None:
    """Make quantulum3's tie-breaking deterministic.

    Without its optional classifier, quantulum3 breaks ties between candidate units by iterating
    a set, whose order changes with Python's hash seed: the same text could get "megayear" in one
    process and no unit in another, and worker processes would disagree. Candidates are sorted
    by name before its own scoring runs. Only done for the version this was written against.
    """
    if version("quantulum3") != QUANTULUM3_VERSION:
        warnings.warn(f"quantulum3 {version('quantulum3')} is installed, extract was built with "
                      f"{QUANTULUM3_VERSION}: units may differ between worker processes", stacklevel=2)
        return
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
    @functools.lru_cache(maxsize=None)
    def units_regex(lang="en_US"):
        units_ = qload.units(lang)
        by_len = lambda keys: sorted(keys, key=lambda k: (-len(k), k))  # noqa: E731
        op_keys = by_len(qregex.operators(lang))
        unit_keys = by_len(set(units_.surfaces) | set(units_.symbols))
        symbol_keys = by_len(units_.prefix_symbols)
        exponent = qregex.exponents_regex(lang).format(superscripts=qregex.unicode_superscript_regex())
        all_ops = "|".join(re.escape(i) for i in op_keys)
        all_units = "|".join(re.escape(i) for i in unit_keys)
        all_symbols = "|".join(re.escape(i) for i in symbol_keys)
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
        return re.compile(pattern, re.VERBOSE | re.IGNORECASE)

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


def maybe_unit(rest: str) -> bool:
    """Whether the text after a number may start with a unit quantulum3 knows."""
    words = rest.strip().lstrip("(-").split()
    if not words:
        return False
    first = words[0].lower().strip(".,;:)'’")
    known = _unit_words()
    bare = re.sub(r"(?:\^?[-−]?[0-9]|[²³])+$", "", first)  # "km2", "m^3", "s-1"
    return first in known or first.rstrip("s") in known or "/" in first or first.split("-")[0] in known or \
        bare in known or (words[0] != words[0].lower() and (first in _unit_stems() or 1 < len(first) <= 4
                                                            and first[0] in SI_PREFIXES and first[1:] in _unit_stems())) or \
        first in OWN_UNITS


@functools.lru_cache(maxsize=1)
def _unit_stems() -> frozenset[str]:
    """Unit words without their SI prefix ("kwh" -> "wh"), to recognise other prefixes ("MWh")."""
    return frozenset(w[1:] for w in _unit_words() if len(w) > 1 and w[0] in SI_PREFIXES) | _unit_words()


# Unit texts quantulum3 reads as units that in news are words or abbreviations: "one at" (ampere-
# turn), "990 AM" and "5 pm" (attometre, picometre), "18 FM", "170 MPs", "two f" (farad), "10 a".
NOT_UNIT_TEXTS = {"at", "am", "pm", "a.m.", "p.m.", "fm", "mp", "mps", "f", "a", "an", "b", "in", "no", "y", "o", "e"}
# Units whose names are, in news, ordinary nouns: "eight league matches", "two packs" (set), "13 hands".
WORD_UNITS = {"league", "set", "barn", "pica", "hand", "chain", "rod", "link", "perch", "line"}
QUOTE_MARKS = {'"', "”", "“", "''", "'", "’", "‘", "``"}
# Units quantulum3 lacks or names otherwise, read from the first word(s) after the number.
OWN_UNITS = {"mpg": "mile per gallon", "bhp": "brake horsepower", "hp": "horsepower", "hectare": "hectare",
             "hectares": "hectare", "mins": "minute", "secs": "second", "μm": "micrometre",
             "″": "inch", "′": "foot", "percentage point": "percentage point", "percentage points": "percentage point",
             "kph": "kilometre per hour", "km/h": "kilometre per hour", "ml": "millilitre", "mL": "millilitre",
             "millilitres": "millilitre", "milliliters": "millilitre", "millilitre": "millilitre",
             "milliliter": "millilitre", "bpd": "barrel per day", "b/d": "barrel per day",
             # glued to the number, as news writes temperatures and multiples: "40C", "3x faster"
             # (never coulombs, farads or a unit called x)
             "C": "degree Celsius", "F": "degree fahrenheit", "x": "count"}
# "in" after a number is an inch only before a dimension or at the end ("2 in thick", "2 in.").
DIMENSION_WORDS = {"thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "thin", "."}
NUMBER_PART_RE = re.compile(r"^[\s~(]*[-+−]?[\d.,]*\d(?:[eE][-+−]?\d+|[×x]10\^?[-+−]?\d+)?(?:\s+\d+/\d+)?[\s-]*")
ARC_UNITS = {"minute of arc": "minute", "second of arc": "second"}


def _unit_text(surface: str) -> str:
    """The unit part of a quantulum3 surface: "95 mph" -> "mph", "27-kilometer" -> "kilometer"."""
    return NUMBER_PART_RE.sub("", surface, count=1).strip()


@functools.lru_cache(maxsize=20000)
def quantulum_unit(snippet: str) -> Optional[tuple[str, str, str]]:
    """(unit name, entity, surface) of the quantity quantulum3 reads at the start of a short
    snippet ("95 mph" -> ("mile per hour", "speed", "95 mph")), None when it reads no unit there
    or one that news text does not mean (see ``_news_unit``). A currency is named by its ISO code."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns on import that its optional classifier is missing
        from quantulum3 import parser

        _stable_quantulum()
        try:
            found = parser.parse(snippet)
        except Exception:  # quantulum3 raises on odd input (its own bugs): the number then has no unit
            return None
    if not found or found[0].span[0] > 1:
        return None  # the first quantity must be the number at the snippet's start, not a later one
    q = found[0]
    number = re.match(r"[\d.]+", snippet)
    # a clock time ("5 pm", "2.13 am") or a whole number ("990 AM", a radio frequency)
    clock = not number or "." not in number.group(0) or bool(re.fullmatch(r"(?:1[0-2]|0?\d)\.[0-5]\d", number.group(0)))
    name = _news_unit(q.unit.name, q.unit.entity.name, _unit_text(q.surface), clock)
    if name is None:
        return None
    return (q.unit.currency_code or name), q.unit.entity.name, q.surface


def _news_unit(name: str, entity: str, unit_text: str, clock: bool = True) -> Optional[str]:
    """quantulum3's unit name as news means it: minutes and seconds of time (not of arc), no unit
    from a quote mark ("101\"") or a word such as "at", "AM"; a unit of unknown kind only when it
    is one word ("7.3 MWh", not "litre volt to the 10"). "am"/"pm" are attometre/picometre only
    after a decimal that cannot be a clock time (``clock`` False: "2.123 pm", not "5 pm", "2.13 am",
    "990 AM")."""
    if name == "dimensionless" or name.startswith("unk") or not unit_text or name in WORD_UNITS:
        return None
    if unit_text.lower() in NOT_UNIT_TEXTS and not (unit_text.lower() in ("am", "pm") and not clock):
        return None
    if unit_text in QUOTE_MARKS:
        return None
    if name in ARC_UNITS:
        return ARC_UNITS[name] if unit_text[0].isalpha() else None
    if entity == "unknown" and (" " in unit_text or " to the " in name):
        return None
    return name


def warm_up() -> None:
    """Load quantulum3's unit tables now rather than on the first number (for benchmarks)."""
    quantulum_unit("5 km")


def _end_of(doc: Doc, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


def trailing_unit(doc: Doc, k: int, unit: Optional[str]) -> tuple[Optional[str], int]:
    """(unit, token after it) of a percent or currency word right after the number at ``k``:
    "5 percent", "5 per cent", "17 billion dlrs", "52 cts", "40 million Swedish crowns"; "pounds"
    is money only in a money context or after a scale word ("200 million pounds", not "... pounds of beef"); "$40 US" keeps its dollar."""
    n = len(doc)
    if k + 1 < n and doc[k].lower_ == "percentage" and doc[k + 1].lower_ in ("point", "points"):
        return "percentage point", k + 2
    if k < n and doc[k].lower_ in PERCENT_WORDS:
        return "percent", k + 1
    if k + 1 < n and doc[k].lower_ == "per" and doc[k + 1].lower_ == "cent":
        return "percent", k + 2
    if k < n and doc[k].text.endswith("%"):
        return "percent", k
    if k < n and doc[k].lower_ in CURRENCY_WORDS and (doc[k].lower_ not in AMBIGUOUS_CURRENCY
                                                     or unit is None and (money_context(doc, k) or _scaled_pounds(doc, k))):
        return CURRENCY_WORDS[doc[k].lower_], k + 1
    national = national_currency(doc, k)
    if national is not None:
        return national
    if unit is not None and k < n and doc[k].text in ("US", "U.S."):
        return unit, k + 1  # "$40 US a tonne"
    return unit, k


def _scaled_pounds(doc: Doc, k: int) -> bool:
    """ "200 million pounds" with no "of" after: sterling ("two million pounds of beef" is a weight)."""
    return doc[k].lower_ == "pounds" and k > 0 and doc[k - 1].lower_ in ("million", "billion", "mln", "bln", "bn", "m") \
        and not (k + 1 < len(doc) and doc[k + 1].lower_ == "of")


def national_currency(doc: Doc, k: int) -> Optional[tuple[str, int]]:
    """(ISO code, token after) of a currency named with its country at ``k``: "Swedish crowns",
    "US dollars", "Hong Kong dollars"."""
    for width in (2, 1):
        if k + width >= len(doc):
            continue
        nation = " ".join(t.lower_ for t in doc[k:k + width])
        word = doc[k + width].lower_
        word = CURRENCY_PLURALS.get(word, word[:-1] if word.endswith("s") else word)
        code = NATIONAL_CURRENCIES.get(nation, {}).get(word)
        if code:
            return code, k + width + 1
    return None


RATE_NOT_AFTER = ("earlier", "ago", "before", "later", "after", "from", "since")


def rate_unit(doc: Doc, k: int, unit: str) -> tuple[str, int]:
    """ "$3.05 a gallon", "$62 per share", "$350 per kg", "$15.4/hour", "$95 per sq m": a unit per
    something; not "a year earlier"."""
    n = len(doc)
    if k + 1 >= n or " per " in unit and doc[k].lower_ != "per":
        return unit, k
    sep = doc[k]
    if sep.lower_ in ("a", "an") and k + 2 < n and doc[k + 2].lower_ in RATE_NOT_AFTER:
        return unit, k
    if not (sep.lower_ in ("per", "a", "an") or sep.text == "/" and not sep.whitespace_ and not doc[k - 1].whitespace_):
        return unit, k
    per = per_unit_name(doc, k + 1, any_unit=sep.lower_ not in ("a", "an"))
    if per is None:
        return unit, k
    name, after = per
    return f"{unit} per {name}", after


def per_unit_name(doc: Doc, i: int, *, any_unit: bool) -> Optional[tuple[str, int]]:
    """(name, token after) of what a rate is per at token ``i``: a PER_NOUNS word ("share",
    "barrel"), "square foot" / "sq m", or (``any_unit``) any unit quantulum3 knows ("kg", "hour")."""
    tok = doc[i]
    if tok.lower_ in ("square", "sq") and i + 1 < len(doc):
        found = quantulum_unit(f"1 {tok.lower_} {doc[i + 1].text.rstrip('.')}")
        return (found[0] if found else f"square {doc[i + 1].lemma_.lower()}"), i + 2
    if tok.lemma_.lower() in PER_NOUNS:
        return tok.lemma_.lower(), i + 1
    if any_unit and tok.is_alpha:
        found = quantulum_unit(f"1 {tok.text}")
        if found is not None and found[1] != "currency":
            return found[0], i + 1
    return None


def is_age(doc: Doc, k: int) -> bool:
    """ "73 years old", "a 95-year-old": the number is an age."""
    return age_unit(doc, k) is not None


def age_unit(doc: Doc, k: int) -> Optional[str]:
    """The unit of an age written after the number at ``k``: "73 years old" and "a 95-year-old" ->
    "year of age", "her 18-month-old daughter" -> "month of age" (NewsQuant's names)."""
    m = AGE_RE.match(" ".join(t.lower_ for t in doc[k:k + 4]))
    return f"{m.group('unit')} of age" if m else None


PERSONAL_PRONOUNS = {"he", "she", "i", "you", "we", "they"}


def is_person_age(tok: Token) -> bool:
    """ "He will be 35", "she was 19 when": a bare whole number after "be" whose subject is a person
    (a pronoun or a PERSON entity) is an age (NewsQuant's "year of age")."""
    verb = tok.head
    if tok.dep_ not in ("attr", "acomp") or verb.lemma_ != "be" or not tok.text.isdigit() or not 0 < int(tok.text) < 120:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in PERSONAL_PRONOUNS or subj.ent_type_ == "PERSON")


def measured_unit(doc: Doc, text: str, start: int, k: int, hint: Optional[float],
                  glued: Optional[str]) -> Optional[tuple[str, int]]:
    """(unit name, token after the unit words) of the unit after the number ending before token
    ``k``: one of ``OWN_UNITS``, else what quantulum3 reads in a window of three tokens ("95 mph",
    "30 yards", "27-kilometer"), else of two ("41 degrees Celsius" before "in"), else in the first
    word alone ("3.0 litre V6"). The number is
    shown to it as ``hint`` (or, without one, as the text from token ``start``). A currency it
    reads counts only in a money context ("pound" may be a weight)."""
    n = len(doc)
    own = _own_unit(doc, k, glued)
    if own is not None:
        return own
    rest_end = doc[min(k + 3, n) - 1]
    rest = text[_end_of(doc, k - 1):_end_of(doc, rest_end.i)] if k < n else ""
    number = f"{plain(hint)}{' ' + glued if glued else ''}" if hint is not None else text[doc[start].idx:_end_of(doc, k - 1)]
    if not (glued or maybe_unit(rest)):
        return None
    snippet = number + rest
    found = quantulum_unit(snippet)
    for width in (2, 1):  # "41 degrees Celsius" when "41 degrees Celsius in" reads as nothing
        if found is not None or k + width > n or rest_end.i < k + width - 1 or not maybe_unit(rest):
            break
        snippet = number + text[_end_of(doc, k - 1):_end_of(doc, k + width - 1)]
        found = quantulum_unit(snippet)
    if found is None or (found[1] == "currency" and not money_context(doc, k)):
        return None
    name, _, surface = found
    if surface in snippet and k < n:
        # extend the span over the unit words quantulum3 read
        consumed = snippet.find(surface) + len(surface) - len(number)
        surf_end = _end_of(doc, k - 1) + max(consumed, 0)
        for t in doc[k:min(k + 4, n)]:
            if t.text.rstrip(".") and t.idx + len(t.text.rstrip(".")) <= surf_end:  # "TeV." ending a sentence
                k = t.i + 1
    return name, k


def _own_unit(doc: Doc, k: int, glued: Optional[str]) -> Optional[tuple[str, int]]:
    """A unit of ``OWN_UNITS`` glued to the number or in the one or two words after it."""
    if glued is not None:
        name = OWN_UNITS.get(glued) or OWN_UNITS.get(glued.lower())
        return (name, k) if name else None
    n = len(doc)
    if k >= n:
        return None
    if k + 2 < n and not doc[k].whitespace_ and not doc[k + 1].whitespace_ and \
            doc[k].text + doc[k + 1].text + doc[k + 2].text in OWN_UNITS:  # "b/d" as the tokenizer splits it
        return OWN_UNITS[doc[k].text + doc[k + 1].text + doc[k + 2].text], k + 3
    two = f"{doc[k].lower_} {doc[k + 1].lower_}" if k + 1 < n else ""
    if two in OWN_UNITS:
        return OWN_UNITS[two], k + 2
    word = doc[k].text if doc[k].text in OWN_UNITS else doc[k].lower_
    if word in OWN_UNITS and word != "x":  # "5 x 10 metres" is no multiple
        return OWN_UNITS[word], k + 1
    if doc[k].lower_ == "in" and (k + 1 == n or doc[k + 1].lower_ in DIMENSION_WORDS):
        return "inch", k + 1  # "2 in thick", "2 in."
    return None
