"""Claims relayed by a claim the check dropped (:func:`extract.attribution.orphans`)."""
from types import SimpleNamespace

from extract.attribution import orphans
from extract.attribution.common import Context
from extract.records import Claim, Span


class Judge:
    """A stand-in for the claim check: keeps the claims whose cue text it is given."""

    threshold = 0.3

    def __init__(self, good):
        self.good = set(good)

    def prob(self, claim, ctx, hood):
        return 0.9 if claim.cue.text in self.good else 0.1


TEXT = "Aides suggested the mayor denied the report and the council insisted it was wrong."


def _claim(cue, content, speaker, relayed_by=None):
    at = TEXT.index
    return Claim(cue=Span.of(TEXT, at(cue), at(cue) + len(cue)),
                 content=Span.of(TEXT, at(content), at(content) + len(content)),
                 speaker=Span.of(TEXT, at(speaker), at(speaker) + len(speaker)), relayed_by=relayed_by)


def _ctx(judge):
    return Context(doc=None, text=TEXT, entities=(), lexicon=SimpleNamespace(claims=judge))


def test_relayed_claim_of_a_dropped_claim_stands_alone_when_the_check_keeps_it():
    outer = _claim("suggested", "the mayor denied the report", "Aides")
    denied = _claim("denied", "the report", "the mayor", relayed_by=outer.cue)
    insisted = _claim("insisted", "it was wrong", "the council")
    # the check dropped "suggested" (not in kept); "denied" is judged on its own and kept, unlinked
    kept = orphans([denied, insisted], [outer, denied, insisted], _ctx(Judge({"denied", "insisted"})))
    assert [c.cue.text for c in kept] == ["denied", "insisted"]
    assert kept[0].relayed_by is None and kept[0].speaker.text == "the mayor"


def test_relayed_claim_of_a_dropped_claim_goes_when_the_check_rejects_it():
    outer = _claim("suggested", "the mayor denied the report", "Aides")
    denied = _claim("denied", "the report", "the mayor", relayed_by=outer.cue)
    insisted = _claim("insisted", "it was wrong", "the council")
    kept = orphans([denied, insisted], [outer, denied, insisted], _ctx(Judge({"insisted"})))
    assert [c.cue.text for c in kept] == ["insisted"]


def test_relayed_claim_of_a_kept_claim_stays_relayed():
    outer = _claim("suggested", "the mayor denied the report", "Aides")
    denied = _claim("denied", "the report", "the mayor", relayed_by=outer.cue)
    kept = orphans([outer, denied], [outer, denied], _ctx(Judge({"denied", "suggested"})))
    assert kept == [outer, denied] and kept[1].relayed_by == outer.cue


def test_relayed_claim_of_a_dropped_claim_links_to_another_kept_claim_holding_it():
    # "insisted" (kept) also holds "denied" in its content: the orphan is relinked there, unjudged
    wide = "Aides suggested the mayor denied the report and the council insisted the mayor denied the report."
    at = wide.index
    outer = Claim(cue=Span.of(wide, at("suggested"), at("suggested") + 9),
                  content=Span.of(wide, at("the mayor"), at(" and")), speaker=Span.of(wide, 0, 5))
    holder = Claim(cue=Span.of(wide, at("insisted"), at("insisted") + 8),
                   content=Span.of(wide, at("insisted") + 9, len(wide) - 1), speaker=Span.of(wide, at("the council"), at(" insisted")))
    second = wide.rindex("denied")
    denied = Claim(cue=Span.of(wide, second, second + 6), content=Span.of(wide, second + 7, len(wide) - 1),
                   speaker=Span.of(wide, second - 10, second - 1), relayed_by=outer.cue)
    ctx = Context(doc=None, text=wide, entities=(), lexicon=SimpleNamespace(claims=Judge(set())))
    kept = orphans([holder, denied], [outer, holder, denied], ctx)
    assert [c.cue.text for c in kept] == ["insisted", "denied"] and kept[1].relayed_by == holder.cue
