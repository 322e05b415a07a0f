"""Who really spoke: canonical speakers scored on MEANTIME's speech events (``extract eval speakers``).

PolNeAR scores the source span as written; this scores the canonical speaker
(:mod:`extract.attribution.coreference`, :mod:`extract.attribution.sources`): whether "he said"
names the person, "the company said" the company, "Jobs said" Steve Jobs.

Gold comes from MEANTIME's cross-document annotation (``intra_cross-doc_annotation/``, 120 English
Wikinews articles, CC BY 4.0): every event mention that ``REFERS_TO`` an event instance of class
``SPEECH_COGNITIVE`` (the class is set on every instance and reads right: say, tell, announce,
statement, believe, expect, ...; no lexicon of reporting verbs is used) and has an ``Arg0``
participant (``HAS_PARTICIPANT``, PropBank) is one speech event; its speaker is the entity
instance its Arg0 mention ``REFERS_TO`` (``TAG_DESCRIPTOR`` its name, ``ent_type`` PER/ORG/...),
with all that instance's mentions in the article. An Arg0 mention that refers to no instance is an
entity of its own. About half the mentions of the cross-document files carry no ``syntactic_type``:
they are read as PRO (a pronoun), NAM (first word after an article capitalised) or NOM.

The article text is rebuilt from the tokens (:func:`extract.evaluation.timeml.cat_text`) and run
through the pipeline's parse, entity and attribution stages (parses cached as PolNeAR's are).

Scores:

* **cue recall**: a gold event is found when a claim's cue overlaps the event mention's tokens;
* **speaker accuracy**, on the found events (the overlapping claim with a speaker, else the first):
  *as written*, the claim's speaker span overlaps a mention of the Arg0 instance; *canonical*,
  ``right`` when the canonical speaker names the instance (equal after dropping case, a leading
  "the" and a possessive, or one's words a run of the other's, to a NAM mention or the
  ``TAG_DESCRIPTOR``; to a NOM or other mention when the instance has no NAM mention),
  ``unresolved`` when it is empty, a pronoun, or a description that matches only a NOM mention
  while a name exists ("the company" for Apple), else ``wrong``; overall and by the Arg0
  mention's syntactic type (NAM, NOM, PRO, other) and the entity type (PER, ORG, other);
* **off-speech claims** (precision-like): claims whose cue lies in the annotated part of the
  article (up to the end of the last sentence holding an annotated event mention: MEANTIME
  annotates the title and first sentences only) and overlaps no event mention of speech class
  (with or without Arg0); share of such claims among all claims in that part. Not a precision:
  MEANTIME does not annotate every cue PolNeAR would, and speech class includes thinking verbs.

Split by MEANTIME's four corpora: rules are shaped on the **discover** half (corpus_airbus +
corpus_apple) only, and checked on the **validate** half (corpus_gm + corpus_stock).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .timeml import cat_text

SPLITS = {
    "discover": ("corpus_airbus", "corpus_apple"),
    "validate": ("corpus_gm", "corpus_stock"),
    "all": ("corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"),
}
SPEECH = "SPEECH_COGNITIVE"
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "i", "we", "you", "me", "us", "his", "its", "their",
            "who", "which", "that", "this", "these", "those", "one"}
SYN_TYPES = ("NAM", "NOM", "PRO")
ENT_TYPES = ("PER", "ORG")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    syntactic_type: str


@dataclass
class GoldEntity:
    key: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class SpeechEvent:
    start: int
    end: int
    text: str
    arg0: Mention
    entity: GoldEntity


@dataclass
class SpeakerDoc:
    name: str
    corpus: str
    text: str
    dct: Optional[str]
    events: list[SpeechEvent]
    speech: list[tuple[int, int]]     # every speech-class event mention, Arg0 or not
    annotated_until: int              # end of the last sentence holding an annotated event mention


def read(path: Path, corpus: str = "") -> SpeakerDoc:
    """One CAT XML file of MEANTIME's cross-document annotation as speech events with Arg0 speakers."""
    root = ET.parse(path).getroot()
    text, offsets = cat_text(root)
    markables = root.find("Markables")
    relations = root.find("Relations")
    marks = list(markables) if markables is not None else []
    rels = list(relations) if relations is not None else []

    def span(el) -> Optional[tuple[int, int]]:
        anchors = [offsets[a.get("t_id")] for a in el.iter("token_anchor") if a.get("t_id") in offsets]
        return (min(a[0] for a in anchors), max(a[1] for a in anchors)) if anchors else None

    refers: dict[str, str] = {}
    for r in rels:
        if r.tag == "REFERS_TO":
            target = r.find("target")
            for s in r.iter("source"):
                if target is not None:
                    refers[s.get("m_id")] = target.get("m_id")
    instances = {el.get("m_id"): el for el in marks if el.tag in ("ENTITY", "EVENT")}
    entity_mentions: dict[str, Mention] = {}
    event_mentions: dict[str, tuple[int, int]] = {}
    for el in marks:
        sp = span(el)
        if sp is None:
            continue
        if el.tag == "ENTITY_MENTION":
            words = text[sp[0]:sp[1]]
            entity_mentions[el.get("m_id")] = Mention(sp[0], sp[1], words, el.get("syntactic_type") or _syntactic_type(words))
        elif el.tag == "EVENT_MENTION":
            event_mentions[el.get("m_id")] = sp
    entities: dict[str, GoldEntity] = {}
    by_mention: dict[str, GoldEntity] = {}
    for mid, m in entity_mentions.items():
        inst = instances.get(refers.get(mid, ""))
        if inst is None or inst.tag != "ENTITY":
            by_mention[mid] = GoldEntity("mention:" + mid, m.text, "", [m])
            continue
        key = inst.get("instance_id") or "entity:" + inst.get("m_id")
        ent = entities.setdefault(key, GoldEntity(key, inst.get("TAG_DESCRIPTOR") or "", inst.get("ent_type") or ""))
        ent.mentions.append(m)
        by_mention[mid] = ent

    def speech(mid: str) -> bool:
        inst = instances.get(refers.get(mid, ""))
        return inst is not None and inst.tag == "EVENT" and (inst.get("class") or "").upper() == SPEECH

    events = []
    seen = set()
    for r in rels:
        if r.tag != "HAS_PARTICIPANT" or r.get("sem_role") != "Arg0":
            continue
        src, tgt = r.find("source"), r.find("target")
        if src is None or tgt is None:
            continue
        ev, arg = src.get("m_id"), tgt.get("m_id")
        if ev in seen or ev not in event_mentions or arg not in entity_mentions or not speech(ev):
            continue
        seen.add(ev)
        s, e = event_mentions[ev]
        events.append(SpeechEvent(s, e, text[s:e], entity_mentions[arg], by_mention[arg]))
    events.sort(key=lambda x: x.start)
    speech_spans = sorted(sp for mid, sp in event_mentions.items() if speech(mid))
    last = max((sp[1] for sp in event_mentions.values()), default=len(text))
    newline = text.find("\n", last)
    dct = next((tx.get("value", "")[:10] for tx in marks
                if tx.tag == "TIMEX3" and tx.get("functionInDocument") == "CREATION_TIME"), None)
    return SpeakerDoc(path.stem, corpus, text, dct or None, events, speech_spans,
                      newline if newline >= 0 else len(text))


def _syntactic_type(words: str) -> str:
    """A syntactic type for the mentions the cross-document files leave without one (about half):
    PRO for a pronoun, NAM when its first word after an article is capitalised, else NOM."""
    low = _words(words)
    if low and all(w in PRONOUNS for w in low):
        return "PRO"
    first = next((w for w in words.split() if w.lower() not in ("the", "a", "an")), "")
    return "NAM" if first[:1].isupper() else "NOM"


def iter_corpus(folder: str | Path, split: str = "all", limit: Optional[int] = None) -> Iterable[SpeakerDoc]:
    """The documents of ``split`` (:data:`SPLITS`), corpus by corpus, files in name order."""
    folder = Path(folder)
    base = folder / "intra_cross-doc_annotation" if (folder / "intra_cross-doc_annotation").exists() else folder
    n = 0
    for corpus in SPLITS[split]:
        for p in sorted((base / corpus).glob("*.xml")):
            yield read(p, corpus)
            n += 1
            if limit is not None and n >= limit:
                return


def _words(s: str) -> list[str]:
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b|[^\w\s&-]", " ", s)
    words = s.split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return words


def _same(a: str, b: str) -> bool:
    """Equal after normalising case, a leading article and a possessive, or one's words a run of the other's."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if all(w in PRONOUNS for w in short):
        return False
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def judge(canonical: Optional[str], entity: GoldEntity) -> str:
    """``right``, ``wrong`` or ``unresolved`` for a claim's canonical speaker against the gold entity."""
    words = _words(canonical or "")
    if not words or all(w in PRONOUNS for w in words):
        return "unresolved"
    names = [m.text for m in entity.mentions if m.syntactic_type == "NAM"] + ([entity.name] if entity.name else [])
    if any(_same(canonical, n) for n in names):
        return "right"
    others = [m.text for m in entity.mentions if m.syntactic_type != "NAM"
              and not all(w in PRONOUNS for w in _words(m.text))]
    if any(_same(canonical, n) for n in others):
        has_name = any(m.syntactic_type == "NAM" for m in entity.mentions)
        return "unresolved" if has_name else "right"
    return "wrong"


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score_doc(doc: SpeakerDoc, claims) -> tuple[dict, list[dict]]:
    """Counts for one document and its rows for ``--dump``."""
    counts: dict[str, int] = {}

    def add(key: str, n: int = 1) -> None:
        counts[key] = counts.get(key, 0) + n

    rows = []
    for ev in doc.events:
        syn = ev.arg0.syntactic_type if ev.arg0.syntactic_type in SYN_TYPES else "other"
        etype = ev.entity.type if ev.entity.type in ENT_TYPES else "other"
        groups = ("all", "syn " + syn, "ent " + etype)
        for g in groups:
            add(g + " gold")
        hits = [c for c in claims if _overlaps(c.cue.start, c.cue.end, ev.start, ev.end)]
        claim = next((c for c in hits if c.speaker is not None), hits[0] if hits else None)
        row = {"article": doc.name, "corpus": doc.corpus, "event": [ev.start, ev.end, ev.text],
               "arg0": [ev.arg0.start, ev.arg0.end, ev.arg0.text, ev.arg0.syntactic_type],
               "entity": ev.entity.name, "entity_type": ev.entity.type,
               "entity_mentions": [[m.text, m.syntactic_type] for m in ev.entity.mentions],
               "sentence": _sentence(doc.text, ev.start)}
        if claim is None:
            row["verdict"] = "missed"
            rows.append(row)
            continue
        written = claim.speaker is not None and any(
            _overlaps(claim.speaker.start, claim.speaker.end, m.start, m.end) for m in ev.entity.mentions)
        verdict = judge(claim.speaker_canonical, ev.entity)
        for g in groups:
            add(g + " found")
            add(g + " " + verdict)
            if written:
                add(g + " written")
        row.update(verdict=verdict, written=written, cue=[claim.cue.start, claim.cue.end, claim.cue.text],
                   speaker=[claim.speaker.start, claim.speaker.end, claim.speaker.text] if claim.speaker else None,
                   canonical=claim.speaker_canonical, speaker_type=claim.speaker_type, rule=claim.rule)
        rows.append(row)
    for c in claims:
        if c.cue.start >= doc.annotated_until:
            continue
        add("claims annotated part")
        if not any(_overlaps(c.cue.start, c.cue.end, s, e) for s, e in doc.speech):
            add("claims off speech")
            rows.append({"article": doc.name, "corpus": doc.corpus, "verdict": "off-speech",
                         "cue": [c.cue.start, c.cue.end, c.cue.text],
                         "speaker": [c.speaker.start, c.speaker.end, c.speaker.text] if c.speaker else None,
                         "canonical": c.speaker_canonical, "sentence": _sentence(doc.text, c.cue.start)})
    return counts, rows


def _sentence(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def summarise(counts: dict[str, int], documents: int) -> dict:
    """Rates from the summed counts: cue recall, and right / wrong / unresolved and as-written on the found."""
    def rate(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    out: dict = {"documents": documents}
    groups = ["all"] + ["syn " + s for s in SYN_TYPES + ("other",)] + ["ent " + t for t in ENT_TYPES + ("other",)]
    for g in groups:
        gold, found = counts.get(g + " gold", 0), counts.get(g + " found", 0)
        if not gold:
            continue
        row = {"gold": gold, "found": found, "cue recall": rate(found, gold)}
        for v in ("right", "wrong", "unresolved", "written"):
            row[v] = counts.get(g + " " + v, 0)
            row[v + " rate"] = rate(row[v], found)
        out[g] = row
    n = counts.get("claims annotated part", 0)
    out["off speech"] = {"claims": n, "off speech": counts.get("claims off speech", 0),
                         "share": rate(counts.get("claims off speech", 0), n)}
    return out


def evaluate(folder: str | Path, *, split: str = "all", limit: Optional[int] = None,
             dump: Optional[str | Path] = None, settings=None) -> dict:
    """Score the canonical speakers of the pipeline's claims on the MEANTIME documents of ``split``."""
    from .. import attribution, entities, metadata
    from ..corpora.parses import parsed
    from ..records import Document
    from ..settings import Settings

    settings = settings or Settings()
    docs = list(iter_corpus(folder, split, limit))
    totals: dict[str, int] = {}
    out = open(dump, "w", encoding="utf-8") if dump else None
    try:
        for start in range(0, len(docs), 32):
            chunk = docs[start:start + 32]
            for d, parse in zip(chunk, parsed([d.text for d in chunk], model=settings.model)):
                meta = metadata.analyze(Document(d.name, d.name, d.text, metadata={"published": d.dct}),
                                        fallback=settings.published)
                claims = attribution.extract(parse, entities.extract(parse, meta), meta)
                counts, rows = score_doc(d, claims)
                for k, v in counts.items():
                    totals[k] = totals.get(k, 0) + v
                if out is not None:
                    for row in rows:
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            out.close()
    return summarise(totals, len(docs))


def format_scores(scores: dict) -> str:
    """A text table of :func:`evaluate`'s scores."""
    lines = [f"documents: {scores.get('documents', 0)}",
             f"{'':12} {'gold':>5} {'found':>5} {'recall':>7} {'right':>6} {'wrong':>6} {'unres.':>6} {'written':>7}"]
    for g, row in scores.items():
        if not isinstance(row, dict) or "gold" not in row:
            continue
        lines.append(f"{g:12} {row['gold']:5d} {row['found']:5d} {row['cue recall']:7.3f} {row['right rate']:6.3f} "
                     f"{row['wrong rate']:6.3f} {row['unresolved rate']:6.3f} {row['written rate']:7.3f}")
    off = scores.get("off speech", {})
    lines.append(f"claims in the annotated part: {off.get('claims', 0)}, cue on no speech event: "
                 f"{off.get('off speech', 0)} ({off.get('share', 0):.3f})")
    return "\n".join(lines)
