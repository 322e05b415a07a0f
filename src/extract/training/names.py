"""Build the first-name gender lexicon that pronoun resolution reads (``models/names``).

    python -m extract.training.names ../shared/data/polnear/train models/names [--wikinews DIR]

Two sources, combined:

* **Name lists**: the English-language first-name lists of Faker's person providers (``en_US``,
  ``en_GB``, ``en_IE``, ``en_NZ``; MIT licence; the ``en_US`` lists, with frequencies, come from
  the US Social Security Administration's baby-name counts). A name in both a male and a female
  list is left out ("Jordan", "Leslie"), and so is one whose ``en_US`` frequency for the other
  gender is over a tenth of its own. Only English-language lists are read: "Hillary" is a man's
  name in Kenya's list, "Nicola" in Italy's.
* **News text**: in the articles given (PolNeAR train, optionally Wikinews), each person named
  with at least two words ("Hillary Clinton") as a verb's subject, followed by "he" or "she" as the
  subject of a clause under that verb ("... said she would"), counts that pronoun for the first
  name. A first name seen at least ``MIN_SEEN`` times with one gender at least ``MIN_SHARE`` of
  the time is added (news names missing from the lists: "Hillary", "Bernie", "Jeb"), and a
  listed name the text contradicts as strongly is dropped.

The lexicon only narrows which earlier person a he/she may take (:mod:`extract.attribution.coreference`);
a name not in it stays compatible with both, as before.
"""
from __future__ import annotations

import argparse
import collections
import csv
import importlib
import re
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ")
MIN_SEEN = 8
MIN_SHARE = 0.85
VETO_SHARE = 0.4  # a listed name read the other way this often (and MIN_SEEN times) is dropped
OTHER_FREQUENCY = 0.1
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def listed_names(locales: Iterable[str] = LOCALES) -> dict[str, str]:
    """Lower-cased first name -> "m"/"f" from Faker's English lists, ambiguous names left out."""
    genders: dict[str, set[str]] = collections.defaultdict(set)
    weight: dict[tuple[str, str], float] = {}
    for loc in locales:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr, g in (("first_names_male", "m"), ("first_names_female", "f")):
            names = getattr(provider, attr, None) or ()
            for name in names:
                if not (name.isascii() and name.isalpha()):
                    continue
                genders[name.lower()].add(g)
                if isinstance(names, dict):
                    weight[(name.lower(), g)] = float(names[name])
    out = {}
    for name, gs in genders.items():
        if len(gs) == 1:
            out[name] = next(iter(gs))
    # the en_US lists are weighted: a name common for both genders is in only one list when the other
    # gender's use falls under Faker's cut, so the weights are checked too
    for (name, g), w in weight.items():
        other = "f" if g == "m" else "m"
        if (name, other) in weight and weight[(name, other)] > OTHER_FREQUENCY * w:
            out.pop(name, None)
    return out


def text_counts(docs: Iterable) -> collections.Counter:
    """(first name, "m"/"f") -> how often a two-word name that is a verb's subject is followed, in a
    clause under that verb, by "he" or "she" as that clause's subject ("Hillary Clinton said she
    would ...", "Jeb Bush, who said he ...").

    Looser readings (the next subject pronoun in the next sentence) follow whoever the article is
    about: in PolNeAR train, "Hillary ..." was followed by "he" 75 times against 126 "she"."""
    counts: collections.Counter = collections.Counter()
    for doc in docs:
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ != "PERSON" or len(words) < 2 or not words[0].isalpha() or not words[0][:1].isupper():
                continue
            root = ent.root
            if root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            verb = root.head
            for tok in verb.subtree:
                if (tok.i >= ent.end and tok.dep_ in ("nsubj", "nsubjpass") and tok.head is not verb
                        and tok.lower_ in ("he", "she")):
                    counts[(words[0].lower(), "m" if tok.lower_ == "he" else "f")] += 1
                    break
    return counts


def combine(listed: dict[str, str], counts: collections.Counter) -> dict[str, tuple[str, str]]:
    """name -> (gender, source): the lists, with text evidence adding and vetoing names."""
    out = {name: (g, "list") for name, g in listed.items()}
    for name in {n for n, _ in counts}:
        m, f = counts[(name, "m")], counts[(name, "f")]
        seen = m + f
        if seen < MIN_SEEN:
            continue
        g = "m" if m >= f else "f"
        if max(m, f) / seen >= MIN_SHARE:
            if name not in out:
                out[name] = (g, "text")
            elif out[name][0] != g:
                del out[name]
        elif name in out and (f if out[name][0] == "m" else m) / seen >= VETO_SHARE:
            del out[name]  # the text often reads the name the other way: ambiguous in news
    return out


def write(out_dir: Path, table: dict[str, tuple[str, str]], counts: collections.Counter, sources: list[str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "first_names.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "gender", "source", "he", "she"])
        for name in sorted(table):
            g, src = table[name]
            w.writerow([name, g, src, counts[(name, "m")], counts[(name, "f")]])
    n_text = sum(1 for g, s in table.values() if s == "text")
    (out_dir / "MODEL_CARD.md").write_text(f"""# First-name gender lexicon

- **What**: `first_names.tsv` gives a first name's usual gender (`m`/`f`) where English-language
  news uses it for one gender. Pronoun resolution (`extract/attribution/coreference.py`) reads it
  so that "she said" does not take an earlier speaker named "Brian ..."; a title ("Mr", "Ms")
  before a mention outranks it, and a name not listed stays compatible with both.
- **Built**: {date.today().isoformat()} by `python -m extract.training.names` from Faker's English
  first-name lists ({", ".join(LOCALES)}; MIT licence; `en_US` from US Social Security
  Administration counts) and from the pronouns that follow two-word names in {", ".join(sources)}.
  {len(table)} names, {n_text} of them from the text alone; names in both genders' lists, or read
  the other way in the text, are left out.
- **Limits**: a name's usual gender is not a person's gender; the lexicon only narrows a choice
  the resolver would otherwise make by recency. Names from outside the English-language lists and
  the sampled news are missing. Columns `he`/`she` count the text evidence.
""", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("polnear_train", type=Path, help="PolNeAR's training split (its text/ folder is read)")
    ap.add_argument("out", type=Path, help="output folder, e.g. models/names")
    ap.add_argument("--wikinews", type=Path, help="folder of the Wikinews CSV files, read too")
    a = ap.parse_args(argv)
    from ..corpora.parses import parsed
    from ..corpora.polnear import iter_corpus

    texts = [art.text for art in iter_corpus(a.polnear_train)]
    sources = [f"PolNeAR train ({len(texts)} articles)"]
    if a.wikinews:
        wiki = []
        for path in sorted(a.wikinews.glob("*.csv")):
            with open(path, encoding="utf-8", newline="") as f:
                wiki.extend(row["text"] for row in csv.DictReader(f))
        texts += wiki
        sources.append(f"Wikinews ({len(wiki)} articles)")
    counts = text_counts(parsed(texts))
    table = combine(listed_names(), counts)
    write(a.out, table, counts, sources)
    print(f"{len(table)} names -> {a.out / 'first_names.tsv'}")


if __name__ == "__main__":
    main()
