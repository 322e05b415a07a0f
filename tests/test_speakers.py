"""Run-level speaker keys: the same source across articles, conservatively (made-up names and text)."""
from __future__ import annotations

import pandas as pd
import pytest

from extract.speakers import entity_keys, run_names, is_acronym, name_key, speaker_keys, speakers_table


def frames(rows):
    """claims and entities frames from (article_id, speaker_canonical, speaker_type, entity label or None)."""
    claims = pd.DataFrame([{"article_id": a, "speaker_canonical": n, "speaker_type": t} for a, n, t, _ in rows])
    ents = pd.DataFrame([{"article_id": a, "text": n, "canonical": n, "label": lab}
                         for a, n, _, lab in rows if lab is not None],
                        columns=["article_id", "text", "canonical", "label"])
    return claims, ents


@pytest.mark.parametrize("a,b", [
    ("the U.S. Department of Energy", "US Energy Department"),
    ("Ministry of Transport", "the Transport Ministry"),
    ("Dr. Lena Ostrova's", "Lena Ostrova"),
    ("Tarvos Weather Council (TWC)", "the Tarvos Weather Council"),
    ("Marta’s", "marta's"),
])
def test_name_key_reads_variants_alike(a, b):
    assert name_key(a) == name_key(b) != ""


def test_name_key_keeps_different_names_apart():
    assert name_key("Justice Department") == "justice department"  # "Justice" is not stripped as a title here
    assert name_key("George W. Bush") != name_key("George H. W. Bush")
    assert name_key("US Energy Department") != name_key("Energy Department")


def test_acronyms():
    assert is_acronym("U.S.") and is_acronym("TWC") and not is_acronym("Twc") and not is_acronym("T")


def test_surname_merges_with_the_one_full_name_in_the_run():
    claims, ents = frames([("a1", "Vladimir Putin", "person", "PERSON"),
                           ("a2", "Putin", "person", "PERSON")])
    keys = speaker_keys(claims, ents)
    assert keys[0] == keys[1] == "vladimir putin"


def test_two_people_with_one_surname_stay_apart():
    claims, ents = frames([("a1", "Tomas Keller", "person", "PERSON"),
                           ("a2", "Irena Keller", "person", "PERSON"),
                           ("a3", "Keller", "person", "PERSON"),
                           ("a4", "Irena Keller", "person", "PERSON")])
    keys = speaker_keys(claims, ents).tolist()
    assert keys[1] == keys[3] == "irena keller"  # the same full name does merge
    assert keys[0] == "tomas keller" and keys[0] != keys[1]
    assert keys[2] == "keller@a3"  # ambiguous surname: scoped to its article


def test_a_surname_no_full_name_explains_stays_in_its_article():
    claims, ents = frames([("a1", "Okafor", "person", "PERSON"), ("a2", "Okafor", "person", "PERSON"),
                           ("a3", "Ngozi Adeyemi", "person", "PERSON"), ("a4", "Adeyemi", "person", "PERSON")])
    keys = speaker_keys(claims, ents).tolist()
    assert keys[0] == "okafor@a1" and keys[1] == "okafor@a2"
    assert keys[2] == keys[3] == "ngozi adeyemi"


def test_a_non_speaker_mention_makes_a_surname_ambiguous():
    claims, ents = frames([("a1", "Joan Marsh", "person", "PERSON"), ("a2", "Marsh", "person", "PERSON")])
    ents = pd.concat([ents, pd.DataFrame([{"article_id": "a3", "text": "Peter Marsh", "canonical": "Peter Marsh",
                                           "label": "PERSON"}])], ignore_index=True)
    keys = speaker_keys(claims, ents).tolist()
    assert keys == ["joan marsh", "marsh@a2"]


def test_descriptions_and_anonymous_sources_stay_in_their_article():
    claims, ents = frames([("a1", "officials", "anonymous", None), ("a2", "officials", "anonymous", None),
                           ("a1", "the regional governor", "person", None),
                           ("a2", "Lumbridge Harbour Authority", "organization", "ORG"),
                           ("a3", "the Lumbridge Harbour Authority", "organization", "ORG"), ("a3", None, "unknown", None)])
    keys = speaker_keys(claims, ents).tolist()
    assert keys[0] == "officials@a1" and keys[1] == "officials@a2"
    assert keys[2] == "regional governor@a1"
    assert keys[3] == keys[4] == "lumbridge harbour authority"  # named organisations merge across articles
    assert pd.isna(keys[5])


def test_acronym_merges_with_its_one_long_form():
    claims, ents = frames([("a1", "Tarvos Weather Council", "organization", "ORG"), ("a2", "TWC", "organization", "ORG"),
                           ("a3", "NRB", "organization", "ORG")])
    ents = pd.concat([ents, pd.DataFrame([
        {"article_id": "a4", "text": "National Rail Board", "canonical": "National Rail Board", "label": "ORG"},
        {"article_id": "a4", "text": "Northern River Basin", "canonical": "Northern River Basin", "label": "GPE"}])],
        ignore_index=True)
    keys = speaker_keys(claims, ents).tolist()
    assert keys[0] == keys[1] == "tarvos weather council"
    assert keys[2] == "nrb"  # two long names spell NRB: the acronym keeps its own key


def test_pentagon_is_not_the_defense_department():
    claims, ents = frames([("a1", "the Pentagon", "organization", "ORG"),
                           ("a2", "the U.S. Defense Department", "organization", "ORG")])
    keys = speaker_keys(claims, ents).tolist()
    assert keys == ["pentagon@a1", "us defense department"]  # "Pentagon" alone is also a common noun


def test_speakers_table():
    claims, ents = frames([("a1", "Vladimir Putin", "person", "PERSON"), ("a2", "Putin", "person", "PERSON"),
                           ("a2", "Putin", "person", "PERSON"), ("a1", "officials", "anonymous", None)])
    keys = speaker_keys(claims, ents)
    table = speakers_table(claims, keys)
    top = table.iloc[0]
    assert top.speaker_key == "vladimir putin" and top["name"] == "Vladimir Putin" and top.scope == "run"
    assert top.n_claims == 3 and top.n_articles == 2 and top.variants == "Putin; Vladimir Putin"
    local = table[table.speaker_key == "officials@a1"].iloc[0]
    assert local.scope == "article" and local.n_claims == 1


def test_entity_keys_scope_unresolved_surnames():
    ents = pd.DataFrame([{"article_id": "a1", "text": "Kim", "canonical": "Kim", "label": "PERSON"},
                         {"article_id": "a2", "text": "Kim", "canonical": "Kim", "label": "PERSON"},
                         {"article_id": "a2", "text": "Lisbon", "canonical": "Lisbon", "label": "GPE"},
                         {"article_id": "a3", "text": "Lisbon", "canonical": "Lisbon", "label": "GPE"}])
    keys = entity_keys(ents, run_names(ents)).tolist()
    assert keys == ["kim@a1", "kim@a2", "lisbon", "lisbon"]


def test_a_one_word_name_the_run_also_tags_as_a_place_is_that_place():
    ents = pd.DataFrame([{"article_id": "a1", "text": "Varna", "canonical": "Varna", "label": "PERSON"},
                         {"article_id": "a2", "text": "Varna", "canonical": "Varna", "label": "GPE"},
                         {"article_id": "a3", "text": "Okafor", "canonical": "Okafor", "label": "PERSON"}])
    assert entity_keys(ents).tolist() == ["varna", "varna", "okafor@a3"]


def test_a_one_word_person_tagged_as_a_place_stays_in_its_article():
    """The claim says the source is a person: its one word is a surname, not a place's name."""
    claims, ents = frames([("a1", "Ri", "person", "GPE"), ("a2", "Ri", "person", "GPE"),
                           ("a3", "Quill", "organization", "ORG"), ("a4", "Quill", "organization", "ORG")])
    ents = pd.concat([ents, pd.DataFrame([{"article_id": "a5", "text": "Dana Quill", "canonical": "Dana Quill",
                                           "label": "PERSON"}])], ignore_index=True)
    keys = speaker_keys(claims, ents).tolist()
    assert keys[:2] == ["ri@a1", "ri@a2"]
    assert keys[2:] == ["quill@a3", "quill@a4"]  # a body, or the one person Quill of the run: unsure


def test_speaker_name_shown_without_brackets():
    claims, ents = frames([("a1", "The Tarvos Weather Council (", "organization", "ORG"),
                           ("a2", "Tarvos Weather Council", "organization", "ORG")])
    table = speakers_table(claims, speaker_keys(claims, ents))
    assert table.name.tolist() == ["Tarvos Weather Council"] and table.n_articles.tolist() == [2]


def test_bodies_every_country_has_stay_in_their_article():
    claims, ents = frames([("a1", "the Interior Ministry", "organization", "ORG"),
                           ("a2", "Interior Ministry", "organization", "ORG"),
                           ("a3", "the Spanish Interior Ministry", "organization", "ORG"),
                           ("a4", "Spanish Interior Ministry", "organization", "ORG"),
                           ("a5", "Court", "organization", "ORG"), ("a6", "Court", "organization", "ORG"),
                           ("a7", "Reuters", "organization", "ORG"), ("a8", "Reuters", "organization", "ORG"),
                           ("a9", "Protesters", "country_or_group", "NORP"),
                           ("a10", "Protesters", "country_or_group", "NORP")])
    ents = pd.concat([ents, pd.DataFrame([{"article_id": "a3", "text": "Spanish", "canonical": "Spanish",
                                           "label": "NORP"}])], ignore_index=True)
    keys = speaker_keys(claims, ents).tolist()
    assert keys[:2] == ["interior ministry@a1", "interior ministry@a2"]
    assert keys[2] == keys[3] == "spanish interior ministry"
    assert keys[4:6] == ["court@a5", "court@a6"]
    assert keys[6] == keys[7] == "reuters"
    assert keys[8:] == ["protesters@a9", "protesters@a10"]


def test_docstring_examples_of_speakers():
    import doctest

    import extract.speakers

    result = doctest.testmod(extract.speakers)
    assert result.attempted > 0 and result.failed == 0


def test_a_body_named_after_a_person_keeps_apart_from_the_person():
    """"The Biden campaign" (an organization whose canonical name is the person's) is not the
    person's run-level key; the person's own claims still share one."""
    import pandas as pd

    from extract.speakers import speaker_keys

    claims = pd.DataFrame({"article_id": ["a", "b", "b"],
                           "speaker_canonical": ["Joe Biden", "Joe Biden", "Joe Biden"],
                           "speaker_type": ["person", "person", "organization"]})
    ents = pd.DataFrame({"article_id": ["a", "b"], "label": ["PERSON", "PERSON"],
                         "text": ["Joe Biden", "Biden"], "canonical": ["Joe Biden", "Joe Biden"]})
    keys = speaker_keys(claims, ents).tolist()
    assert keys[0] == keys[1] == "joe biden"
    assert keys[2] != "joe biden" and keys[2].endswith("@b")
