"""TimeML temporal expression evaluation: TimeBank/AQUAINT ``.tml`` and MEANTIME CAT XML.

Each document's text is run with its document creation time (DCT) as the publication date.
Predictions and gold TIMEX3 are matched one to one by character overlap:

* span P/R/F1: overlapping pairs;
* value F1: a gold expression counts when the overlapping prediction has the same value
  (precision from the predicted side likewise), as in TempEval-3's value score.

MEANTIME annotates only the title and the first five sentences of each article, so predictions
after those are not scored there.

``part="tune"`` scores the even-numbered documents (in file order) only, ``part="held-out"`` the
odd-numbered ones. The date rules were tuned on TimeBank + AQUAINT's tuning half; its held-out
half and all of MEANTIME are only ever scored.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .scoring import PRF

TAG_RE = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "%", "'s", "n't", "'", "’s", "''", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "$", "``", "#"}
ANNOTATED_SENTENCES = 6  # MEANTIME: title + the first five sentences carry annotations


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class TimeDoc:
    name: str
    text: str
    dct: Optional[str]
    timexes: list[Timex]
    scored_until: Optional[int] = None   # MEANTIME annotates the title and first five sentences only


def read_tml(path: Path) -> Optional[TimeDoc]:
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not body_m:
        return None
    body = body_m.group(1)
    out, timexes, open_timex = [], [], None
    pos = 0
    length = 0
    for m in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            a = dict(ATTR_RE.findall(attrs))
            open_timex = (length, a.get("type", ""), a.get("value", ""))
        elif open_timex is not None:
            timexes.append(Timex(open_timex[0], length, open_timex[1].lower(), open_timex[2]))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return TimeDoc(path.stem, "".join(out), dct_m.group(1)[:10] if dct_m else None, timexes)


def cat_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """A CAT XML document's text rebuilt from its tokens (one line a sentence, spaces as English
    writes them) and each token id's character offsets in it."""
    pieces, offsets = [], {}
    length, prev_sent, prev_tok = 0, None, None
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif word in NO_SPACE_BEFORE or prev_tok in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        pieces.append(sep)
        length += len(sep)
        offsets[tok.get("t_id")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        prev_sent, prev_tok = sent, word
    return "".join(pieces), offsets


def read_cat(path: Path) -> Optional[TimeDoc]:
    root = ET.parse(path).getroot()
    text, offsets = cat_text(root)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    scored_until = starts[ANNOTATED_SENTENCES] if len(starts) > ANNOTATED_SENTENCES else len(text)
    dct = None
    timexes = []
    markables = root.find("Markables")
    for tx in (markables.iter("TIMEX3") if markables is not None else []):
        anchors = [offsets[a.get("t_id")] for a in tx.iter("token_anchor") if a.get("t_id") in offsets]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = (tx.get("value") or "")[:10] or dct
        if not anchors:
            continue
        timexes.append(Timex(min(a[0] for a in anchors), max(a[1] for a in anchors), (tx.get("type") or "").lower(),
                             tx.get("value") or ""))
    return TimeDoc(path.stem, text, dct, timexes, scored_until)


def iter_corpus(folder: str | Path, limit: Optional[int] = None) -> Iterator[TimeDoc]:
    folder = Path(folder)
    files = sorted(p for p in folder.rglob("*.tml") if "testpipeline" not in p.parts)
    if not files:
        # MEANTIME: the document-level annotation only (the cross-document folder repeats it)
        base = folder / "intra-doc_annotation" if (folder / "intra-doc_annotation").exists() else folder
        files = sorted(base.rglob("*.xml"))
    n = 0
    for p in files:
        doc = read_tml(p) if p.suffix == ".tml" else read_cat(p)
        if doc is None or not doc.dct:
            continue
        yield doc
        n += 1
        if limit is not None and n >= limit:
            return


def _norm(v: str) -> str:
    return v.strip().upper()


def score_doc(gold: list[Timex], pred) -> dict[str, PRF]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.span.start < g.end and g.start < p.span.end:
                used.add(i)
                pairs.append((g, p))
                break
    span = PRF(len(pairs), len(pred), len(pairs), len(gold))
    ok = sum(1 for g, p in pairs if _norm(g.value) == _norm(p.value))
    value = PRF(ok, len(pred), ok, len(gold))
    typ = sum(1 for g, p in pairs if g.type == p.type)
    return {"span": span, "value": value, "type": PRF(typ, len(pred), typ, len(gold))}


def evaluate(folder: str | Path, *, settings=None, limit: Optional[int] = None, details: bool = False,
             part: Optional[str] = None) -> dict:
    """Run the date stage over a TimeML corpus (the documents of ``part``, see
    :func:`extract.evaluation.newsquant.in_part`) and score spans and values."""
    from ..pipeline import process_many
    from ..records import Document
    from .newsquant import in_part

    docs = [d for i, d in enumerate(iter_corpus(folder, limit)) if in_part(i, part)]
    inputs = [Document(d.name, d.name, d.text, metadata={"published": d.dct}) for d in docs]
    totals: dict[str, PRF] = {}
    errors = []
    for d, res in zip(docs, process_many(inputs, settings=settings)):
        preds = [p for p in res.dates if d.scored_until is None or p.span.start < d.scored_until]
        for k, v in score_doc(d.timexes, preds).items():
            totals.setdefault(k, PRF()).add(v)
        if details:
            errors.append((d, res))
    out = {k: v.as_dict() for k, v in totals.items()}
    out["documents"] = len(docs)
    if details:
        out["_details"] = errors
    return out
