"""Collections: ``.csv``, ``.jsonl`` and ``.json`` files of one article per row, read as a stream.

A news dump can be many gigabytes; the reading process never holds more than the record it is on
(and a read-ahead buffer of :data:`CHUNK` characters), whatever the file's size:

* the encoding is decided on a sample (:func:`~extract.reading.decoding.sniff`); a byte further on
  that does not decode is kept as a lone surrogate (``surrogateescape``) and read as Windows-1252
  in its record alone, with a warning;
* CSV goes through :mod:`csv` row by row (RFC 4180, quoted fields may hold line breaks);
* JSON Lines are read line by line, each line decoded and parsed on its own;
* a JSON array (or an object holding one under ``articles`` or ``data``) is cut into records by a
  small scanner (:class:`ArrayScanner`) that tracks only strings and bracket depth, and each record
  is parsed by :func:`json.loads`, so numbers, escapes and lone surrogates read exactly as they
  always did. An incremental parser such as ijson builds a prefix string per nesting level (memory
  quadratic in depth: 200,000 nested brackets take gigabytes), and its C backend turns a lone
  ``\\ud800`` escape into ``?`` silently; the scanner's memory is one record, and a record nested
  too deeply for ``json.loads`` is that record's error.

Every record comes out as a :class:`Row`: its number (the first is 1), its fields, or the reason
it could not be read. A problem that ends the file early (a JSON array cut short, a CSV with a NUL
byte) is one last error row, after every record before it.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, TextIO

from .decoding import SAMPLE_BYTES, SURROGATE_RE, redecode_escaped, sniff

CHUNK = 1 << 20
STRUCTURE_RE = re.compile(r'["\[\]{}]')
STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # a whole string, escapes included
SCALAR_END_RE = re.compile(r"[,\]}\s]")
WRAPPER_KEYS = ("articles", "data")
SINGLE_OBJECT_LIMIT = 256 << 20  # a top-level JSON object that is not a wrapper is one article

csv.field_size_limit(2**31 - 1)


@dataclass
class Row:
    """One record of a collection: ``fields`` (lower-cased keys) or ``error``; ``warnings``."""

    number: int
    fields: Optional[dict] = None
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


class CollectionError(ValueError):
    """The file as a whole is not a collection (no ``text`` column, not JSON, binary)."""


def iter_rows(path: Path) -> Iterator[Row]:
    """The records of a ``.csv``, ``.jsonl`` or ``.json`` collection, streamed. Raises
    :class:`CollectionError` (or OSError) when the file cannot be read as a collection at all."""
    suffix = path.suffix.lower()
    with open(path, "rb") as raw:
        sample = raw.read(SAMPLE_BYTES)
        if not sample.strip():
            raise CollectionError("empty file")
        try:
            encoding = sniff(sample)
        except ValueError as e:
            raise CollectionError(str(e)) from None
        raw.seek(0)
        if suffix == ".csv":
            yield from _csv_rows(raw, encoding)
        elif suffix == ".jsonl":
            yield from _jsonl_rows(raw, encoding)
        else:
            yield from _json_rows(raw, encoding)


def _text_stream(raw: BinaryIO, encoding: str) -> TextIO:
    return io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")


def _stray(n: int, encoding: str) -> str:
    return f"{n} byte(s) not in {encoding.replace('-sig', '')} like the rest of the file, read as Windows-1252"


def _fix_escaped(fields: dict, encoding: str, warnings: list[str]) -> dict:
    """Fields holding bytes the file's encoding could not decode (:func:`redecode_escaped`)."""
    for k, v in fields.items():
        if isinstance(v, str) and SURROGATE_RE.search(v):
            fields[k], n = redecode_escaped(v)
            if n:
                warnings.append(f"'{k}': {_stray(n, encoding)}")
    return fields


# --------------------------------------------------------------------------------------------- CSV
def _csv_rows(raw: BinaryIO, encoding: str) -> Iterator[Row]:
    reader = csv.reader(_text_stream(raw, encoding))
    try:
        header = next(reader)
    except StopIteration:
        raise CollectionError("empty file") from None
    except csv.Error as e:
        raise CollectionError(f"not CSV: {e}") from None
    names = [(h or "").strip().lower().lstrip("\ufeff") for h in header]
    if "text" not in names:
        raise CollectionError("no 'text' column")
    n = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield Row(n + 1, error=f"CSV unreadable from record {n + 1} on (line {reader.line_num}): {e}")
            return
        n += 1
        warnings: list[str] = []
        fields = {k: v for k, v in zip(names, values) if k}
        if len(values) > len(names):
            warnings.append(f"{len(values) - len(names)} cells beyond the header ignored")
        yield Row(n, fields=_fix_escaped(fields, encoding, warnings), warnings=warnings)


# ------------------------------------------------------------------------------------- JSON Lines
def _jsonl_rows(raw: BinaryIO, encoding: str) -> Iterator[Row]:
    if encoding.startswith(("utf-16", "utf-32")):  # line by line needs a text stream
        lines = (ln.encode("utf-8", "surrogateescape") for ln in _text_stream(raw, encoding))
        encoding = "utf-8"
    else:
        lines = iter(raw)
    n = 0
    for line_no, data in enumerate(lines, start=1):
        if not data.strip():
            continue
        n += 1
        warnings: list[str] = []
        line = data.decode(encoding if line_no == 1 else encoding.replace("-sig", ""), errors="surrogateescape")
        if SURROGATE_RE.search(line):
            line, stray = redecode_escaped(line)
            if stray:
                warnings.append(_stray(stray, encoding))
        try:
            obj = json.loads(line)
        except RecursionError:
            yield Row(n, error=f"line {line_no}: JSON nested too deeply")
            continue
        except ValueError as e:
            yield Row(n, error=f"line {line_no}: invalid JSON ({e})")
            continue
        yield _object_row(n, obj, warnings)


def _object_row(n: int, obj, warnings: list[str]) -> Row:
    if not isinstance(obj, dict):
        return Row(n, error=f"record is a JSON {type(obj).__name__}, not an object", warnings=warnings)
    fields = {str(k).strip().lower(): v for k, v in obj.items()}
    return Row(n, fields=fields, warnings=warnings)


# ------------------------------------------------------------------------------------------- JSON
def _json_rows(raw: BinaryIO, encoding: str) -> Iterator[Row]:
    scanner = ArrayScanner(_text_stream(raw, encoding))
    first = scanner.peek()
    if first == "[":
        records = scanner.items()
    elif first == "{":
        key = scanner.find_wrapper_array(WRAPPER_KEYS)
        if key is None:  # one object: one article
            raw.seek(0)
            text = _text_stream(raw, encoding).read(SINGLE_OBJECT_LIMIT + 1)
            if len(text) > SINGLE_OBJECT_LIMIT:
                raise CollectionError("a single JSON object over 256 MB without an 'articles' or 'data' list")
            records = iter([text])
        else:
            records = scanner.items()
    else:
        raise CollectionError("not JSON: expected a list of objects")
    n = 0
    while True:
        try:
            text = next(records)
        except StopIteration:
            return
        except ValueError as e:
            yield Row(n + 1, error=f"JSON unreadable from record {n + 1} on: {e}")
            return
        n += 1
        warnings: list[str] = []
        if SURROGATE_RE.search(text):  # only a stray byte can put a surrogate in the raw JSON text
            text, stray = redecode_escaped(text)
            if stray:
                warnings.append(_stray(stray, encoding))
        try:
            obj = json.loads(text)
        except RecursionError:
            yield Row(n, error="record nested too deeply")
            continue
        except ValueError as e:
            yield Row(n, error=f"invalid JSON ({e})")
            continue
        yield _object_row(n, obj, warnings)


class ArrayScanner:
    """Cuts a JSON text stream into the raw texts of an array's items without parsing them.

    Tracks only strings (with their escapes) and bracket depth; holds the item being cut and at
    most :data:`CHUNK` characters read ahead. Raises ValueError where the text cannot be a JSON
    array (it ends inside an item, an item is followed by something other than ``,`` or ``]``).
    """

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.buf = ""
        self.pos = 0
        self.mark: Optional[int] = None  # start of the item being cut: kept across refills
        self.eof = False
        self.dropped = 0  # characters dropped before buf, for error messages

    def _more(self) -> bool:
        if self.eof:
            return False
        # a record longer than the buffer doubles the read, so cutting it costs linear time
        chunk = self.stream.read(max(CHUNK, len(self.buf) - (self.pos if self.mark is None else self.mark)))
        if not chunk:
            self.eof = True
            return False
        cut = self.pos if self.mark is None else self.mark
        self.buf = self.buf[cut:] + chunk
        self.dropped += cut
        self.pos -= cut
        if self.mark is not None:
            self.mark -= cut
        return True

    def _where(self) -> str:
        return f"character {self.dropped + self.pos}"

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end); does not consume it."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _string(self) -> str:
        """Consume a string starting at ``pos`` (a ``"``); return its raw text."""
        own_mark = self.mark is None
        if own_mark:
            self.mark = self.pos
        try:
            while True:
                m = STRING_RE.match(self.buf, self.pos)
                if m is not None:
                    self.pos = m.end()
                    return m.group()
                rel = self.pos - self.mark
                if not self._more():
                    raise ValueError(f"the text ends inside a string ({self._where()})")
                self.pos = self.mark + rel
        finally:
            if own_mark:
                self.mark = None

    def _value(self) -> None:
        """Consume one JSON value starting at ``pos``."""
        c = self.buf[self.pos]
        if c == '"':
            self._string()
            return
        if c not in "[{":
            while True:
                m = SCALAR_END_RE.search(self.buf, self.pos)
                if m is not None:
                    self.pos = m.start()
                    return
                if not self._more():
                    self.pos = len(self.buf)
                    return
        depth = 0
        while True:
            m = STRUCTURE_RE.search(self.buf, self.pos)
            if m is None:
                self.pos = len(self.buf)
                if not self._more():
                    raise ValueError(f"the text ends inside a record ({self._where()})")
                continue
            ch = m.group()
            if ch == '"':
                self.pos = m.start()
                self._string()
                continue
            self.pos = m.end()
            depth += 1 if ch in "[{" else -1
            if depth == 0:
                return

    def items(self) -> Iterator[str]:
        """The raw text of each item of the array that starts at the next character."""
        if self.peek() != "[":
            raise ValueError(f"expected a list ({self._where()})")
        self.pos += 1
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            if self.peek() == "":
                raise ValueError(f"the text ends inside the list ({self._where()})")
            self.mark = self.pos
            self._value()
            text = self.buf[self.mark:self.pos]
            self.mark = None
            yield text
            c = self.peek()
            if c == ",":
                self.pos += 1
            elif c == "]":
                self.pos += 1
                return
            else:
                raise ValueError(f"expected ',' or ']' after a record, found {c[:1]!r} ({self._where()})")

    def find_wrapper_array(self, keys: tuple[str, ...]) -> Optional[str]:
        """In a top-level object, move to the list under the first of ``keys`` that holds one;
        None when there is none (or the object is not well formed)."""
        if self.peek() != "{":
            return None
        self.pos += 1
        try:
            while True:
                c = self.peek()
                if c != '"':
                    return None
                key = json.loads(self._string())
                if self.peek() != ":":
                    return None
                self.pos += 1
                c = self.peek()
                if c == "":
                    return None
                if key in keys and c == "[":
                    return key
                self._value()
                c = self.peek()
                if c == ",":
                    self.pos += 1
                    continue
                return None
        except ValueError:
            return None
