"""Entity canonical names (:mod:`extract.entities`), on hand-made name lists (no model)."""
from __future__ import annotations

from extract.entities import canonical_map


def test_a_short_person_name_takes_the_fullest_name_it_ends():
    got = canonical_map([("PERSON", "Dana Quill"), ("PERSON", "Quill")])
    assert got[("PERSON", "Quill")] == "Dana Quill"


def test_a_capitalised_particle_at_a_sentence_start_still_matches():
    got = canonical_map([("PERSON", "Bill de Blasio"), ("PERSON", "De Blasio")])
    assert got[("PERSON", "De Blasio")] == "Bill de Blasio"


def test_an_acronym_takes_the_organisation_it_abbreviates():
    got = canonical_map([("ORG", "World Health Organization"), ("ORG", "WHO")])
    assert got[("ORG", "WHO")] == "World Health Organization"


def test_a_dateline_is_no_part_of_a_name():
    from extract.entities import clean_name

    assert clean_name("ROME - Bernie Sanders") == "Bernie Sanders"
    assert clean_name("Jean-Luc Picard") == "Jean-Luc Picard"
