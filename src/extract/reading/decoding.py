"""Bytes to text: a file, a sample of a stream, a web page with a declared charset.

* The BOM when there is one, then strict UTF-8, then charset-normalizer's best guess (cp1252,
  Latin-1, ...). Line ends are read as Python's text mode reads them (``\\r\\n`` and ``\\r``
  become ``\\n``), so offsets match ``open(path).read()``. Nothing else is changed.
* A stream (a large collection) is detected on a sample (:data:`SAMPLE_BYTES`), never read whole;
  a byte further on that does not decode is read as Windows-1252 in its record alone, with a
  warning (:func:`redecode_escaped`).
* A web page's declared charset (``<meta charset>``, the HTTP header) is believed only when the
  bytes decode under it: strict UTF-8 first (a page that decodes as UTF-8 is UTF-8 whatever it
  says, the HTML5 and WHATWG encoding sniffing practice for mislabelled pages), then the declared
  charset, then the guess; a charset that lies is noted in the article's warnings.
* A lone surrogate (a ``\\ud800`` escape in JSON, a byte that does not decode in a stream read
  with ``surrogateescape``) cannot be written as UTF-8; :func:`repair_surrogates` replaces each
  with U+FFFD, one code point for one, so offsets are unchanged, and says how many.
"""
from __future__ import annotations

import codecs
import re
from typing import Optional

SAMPLE_BYTES = 1 << 20  # 1 MiB decides a stream's encoding
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
SURROGATE_RE = re.compile("[\ud800-\udfff]")
UTF16_32 = {"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}
META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{2,40})", re.I)


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding). Raises ValueError for binary data."""
    bom = _bom(data)
    if bom:
        enc = bom
        # utf-8 keeps the BOM as U+FEFF, as open(path, encoding="utf-8") does.
        return newlines(data.decode(enc)), enc + ("-sig" if enc == "utf-8" else "")
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 20:
        guess = _guess(data)
        if guess is None or codecs.lookup(guess[1]).name.replace("-", "_") not in UTF16_32:
            raise ValueError("binary file (NUL bytes), not text")
        return guess
    try:
        return newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(data)
    if guess is None:
        raise ValueError("binary file: no text encoding fits")
    return guess


def _bom(data: bytes) -> Optional[str]:
    for bom, enc in BOMS:
        if data.startswith(bom):
            return enc
    return None


def _guess(data: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if control_share(text) > 0.1:
        return None
    return newlines(text), best.encoding


def control_share(text: str) -> float:
    """Share of control characters (other than whitespace) in the first 20,000 characters."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / len(sample)


def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff(sample: bytes) -> str:
    """The encoding of a stream from its first bytes: the BOM's (``utf-8-sig`` for UTF-8, so the
    BOM is not read as text), UTF-8 when the sample decodes as UTF-8 (a character cut at the end of
    the sample does not count against it) or mostly does (more UTF-8 characters than stray bytes),
    else charset-normalizer's guess on the sample. Raises
    ValueError for binary data."""
    bom = _bom(sample)
    if bom:
        return "utf-8-sig" if bom == "utf-8" else bom
    if b"\x00" in sample[:4096] and sample.count(b"\x00") > len(sample) // 20:
        raise ValueError("binary file (NUL bytes), not text")
    text = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape").decode(sample, final=False)
    stray = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    if stray == 0 or sum(1 for c in text if c > "\x7f") > 2 * stray:
        return "utf-8"  # UTF-8, perhaps with a few records in another encoding: each decoded on its own
    guess = _guess(sample)
    if guess is None:
        raise ValueError("binary file: no text encoding fits")
    return guess[1]


def repair_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD (same length), and how many there were."""
    if not SURROGATE_RE.search(text):
        return text, 0
    return SURROGATE_RE.subn("\ufffd", text)


def redecode_escaped(text: str) -> tuple[str, int]:
    """Text read with ``errors="surrogateescape"`` whose bytes did not all decode: each stray byte
    (a surrogate U+DC80-U+DCFF) read as Windows-1252, the usual other encoding of a byte in a
    UTF-8 news dump (Latin-1 for the five bytes cp1252 leaves undefined); other lone surrogates
    become U+FFFD. One code point for one. Returns the text and how many bytes were read so."""
    n = 0

    def one(m) -> str:
        nonlocal n
        code = ord(m.group())
        if not 0xDC80 <= code <= 0xDCFF:
            return "\ufffd"
        n += 1
        byte = bytes([code - 0xDC00])
        try:
            return byte.decode("cp1252")
        except UnicodeDecodeError:
            return byte.decode("latin-1")

    return SURROGATE_RE.sub(one, text), n


def declared_charset(page: bytes, content_type: Optional[str] = None) -> Optional[str]:
    """The charset a page declares: the HTTP ``Content-Type`` header's, else the first
    ``<meta charset>`` / ``http-equiv`` in its first 4 KB. None when absent or unknown to Python."""
    names = []
    if content_type:
        m = HEADER_CHARSET_RE.search(content_type)
        if m:
            names.append(m.group(1))
    m = META_CHARSET_RE.search(page[:4096])
    if m:
        names.append(m.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            found = codecs.lookup(name).name
        except LookupError:
            continue
        # WHATWG Encoding: pages labelled Latin-1 or ASCII are decoded as windows-1252.
        return "cp1252" if found in ("latin-1", "iso8859-1", "ascii") else found
    return None


def decode_page(page: bytes, content_type: Optional[str] = None) -> tuple[str, str, list[str]]:
    """Decode a web page: (text, encoding, warnings). See the module docstring for the order.
    Raises ValueError when no encoding fits."""
    warnings: list[str] = []
    declared = declared_charset(page, content_type)
    bom = _bom(page)
    if bom:
        return newlines(page.decode(bom)), bom, warnings
    try:
        text = page.decode("utf-8")
        if declared and declared not in ("utf-8", "ascii") and not text.isascii():
            warnings.append(f"page declares charset {declared} but is UTF-8; read as UTF-8")
        return newlines(text), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            text = page.decode(declared)
            if control_share(text) <= 0.1:
                return newlines(text), declared, warnings
        except UnicodeDecodeError:
            pass
    text, enc = decode(page)
    if declared:
        warnings.append(f"page declares charset {declared} but its bytes do not decode so; read as {enc}")
    return text, enc, warnings
