from __future__ import annotations

import textwrap

from extract.evaluation.renditions import hard_wrap
from extract.records import Claim, Span
from extract.wrapping import is_wrapped, restore_spans, soft_breaks, unwrap

# Made-up wire copy: four paragraphs of ordinary news prose.
PARAGRAPHS = [
    "LISBON, June 3 (Wire) - The regional water authority said on Tuesday that reservoir levels in the "
    "southern provinces had fallen to 38 percent of capacity, the lowest reading for early June since "
    "records began in 1981.",
    "Officials from the authority told reporters that restrictions on garden irrigation would begin next "
    "week in 14 municipalities, and that farmers would be asked to cut their use by about a fifth.",
    "\u201cWe are not yet in a crisis, but we are closer than we would like to be,\u201d said Marta Vieira "
    "Coelho, the authority's director of planning, adding that a dry autumn would change the picture.",
    "An association representing olive growers warned that the cuts could cost its members up to 120 "
    "million euros this season.",
]
PLAIN = "\n\n".join(PARAGRAPHS) + "\n"


def wrapped(width: int, *, indent_paragraphs: bool = False) -> str:
    if indent_paragraphs:
        return "".join(textwrap.fill(p, width, initial_indent="    ") + "\n" for p in PARAGRAPHS)
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"


def test_wrapped_text_is_detected_and_unwrapped_to_paragraphs():
    for width in (60, 65, 72, 80):
        text = wrapped(width)
        assert is_wrapped(text), width
        flat = unwrap(text)
        assert len(flat) == len(text)
        assert flat.rstrip("\n").split("\n\n") == PARAGRAPHS


def test_indented_paragraphs_without_blank_lines_stay_apart():
    text = wrapped(68, indent_paragraphs=True)
    flat = unwrap(text)
    assert is_wrapped(text)
    assert [ln.strip() for ln in flat.splitlines()] == PARAGRAPHS


def test_soft_breaks_are_the_protocols_newlines():
    """hard_wrap replaces the last space before the column: exactly those are soft breaks."""
    text = hard_wrap(PLAIN, 65)
    assert len(text) == len(PLAIN)
    truth = tuple(i for i, (a, b) in enumerate(zip(PLAIN, text)) if a != b)
    assert truth and soft_breaks(text) == truth


def test_text_that_is_not_wrapped_reads_exactly_as_today():
    one_per_line = PLAIN.replace("\n\n", "\n")
    transcript = ("HOST: Welcome back to the programme on water policy in the south.\n"
                  "COELHO: Thank you, it is good to be here again with you today.\n"
                  "HOST: How low are the reservoirs this year, compared with the last?\n"
                  "COELHO: Lower than in any June since the records began in 1981.\n"
                  "HOST: And what will the authority ask of farmers in the valley?\n")
    a_list = ("Measures announced by the authority on Tuesday\n"
              "- garden irrigation banned between 8 am and 8 pm in 14 towns\n"
              "- car washing with hoses banned in all municipalities\n"
              "- farmers asked to cut their use by about a fifth this summer\n"
              "- public fountains switched off until the end of September\n")
    headline_and_short_paragraphs = ("Reservoirs in the south fall to 38 percent\n"
                                     "Water use will be cut in 14 towns from next week.\n"
                                     "Farmers are asked to cut their use by a fifth.\n"
                                     "Olive growers warn of heavy losses.\n"
                                     "The authority meets again on Friday.\n")
    for text in (PLAIN, one_per_line, transcript, a_list, headline_and_short_paragraphs):
        assert soft_breaks(text) == ()
        assert unwrap(text) is text


def test_a_headline_above_wrapped_copy_keeps_its_line():
    text = "Reservoirs fall to lowest June level\n" + wrapped(66)
    flat = unwrap(text)
    assert is_wrapped(text)
    assert flat.split("\n")[0] == "Reservoirs fall to lowest June level"
    assert PARAGRAPHS[1] in flat


def test_short_or_odd_texts_never_raise():
    for text in ("", "\n", "a\nb\nc\nd\ne", "\n" * 50, "x" * 500 + "\n" + "y" * 3, "\ud800\nb\nc\nd"):
        assert unwrap(text) is not None


def test_restore_spans_takes_span_texts_from_the_text_as_read():
    text = "Mayor Ana\nRuiz said the bridge\nwould reopen."
    flat = text.replace("\n", " ")
    claim = Claim(cue=Span.of(flat, 15, 19), content=Span.of(flat, 20, len(flat) - 1),
                  speaker=Span.of(flat, 0, 14), speaker_canonical="Ana Ruiz")
    back = restore_spans((claim,), text)[0]
    assert back.speaker.text == "Mayor Ana\nRuiz" and back.content.text == "the bridge\nwould reopen"
    assert back.cue is claim.cue  # unchanged spans are the same objects
    assert back.speaker_canonical == "Ana Ruiz"


def test_a_wrapped_article_gives_the_claims_of_the_plain_one(tmp_path):
    import subprocess
    import sys

    import extract
    from conftest import SHARED

    plain = "\n\n".join(PARAGRAPHS) + "\n"
    wrapped_text = hard_wrap(plain, 62)
    assert len(wrapped_text) == len(plain) and wrapped_text != plain
    a = extract.process_text(plain, {"published": "2024-06-04"})
    b = extract.process_text(wrapped_text, {"published": "2024-06-04"})
    key = lambda c: (c.cue.start, c.content.start, c.content.end, c.speaker and c.speaker.start, c.speaker_canonical)
    assert len(a.claims) >= 3
    assert [key(c) for c in b.claims] == [key(c) for c in a.claims]
    assert [(q.span.start, q.value) for q in b.quantities] == [(q.span.start, q.value) for q in a.quantities]
    for c in b.claims:  # span texts are the text as read, line breaks included
        assert wrapped_text[c.content.start:c.content.end] == c.content.text
    assert any("\n" in c.content.text for c in b.claims)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "wire.txt").write_text(wrapped_text, encoding="utf-8")
    extract.run([str(tmp_path / "in")], tmp_path / "out", workers=1)
    if (SHARED / "tools" / "check_contract.py").exists():
        check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(tmp_path / "out")],
                               capture_output=True, text=True)
        assert "contract: 0 problems" in check.stdout, check.stdout
