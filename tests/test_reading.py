from __future__ import annotations

import json
import os

import pytest

from extract.reading import InputError, decode, iter_documents


def test_decodes_common_encodings():
    text = "Café “quoted” – naïve\nline"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == "\ufeff" + text  # as open(encoding="utf-8")
    assert decode(text.encode("utf-16"))[0] == text
    t, enc = decode("Café costs 5 €, “ok”".encode("cp1252"))
    assert t == "Café costs 5 €, “ok”"


def test_crlf_read_as_text_mode():
    assert decode(b"a\r\nb\rc")[0] == "a\nb\nc"


def test_binary_is_an_error():
    with pytest.raises(ValueError):
        decode(bytes(range(256)) * 20 + b"\x00" * 500)


def test_folder_walk_sidecars_and_collections(tmp_path):
    (tmp_path / "a.txt").write_text("Text A.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "A", "published": "2024-01-02"}), encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("Text B.", encoding="utf-8")
    (sub / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.csv").write_text('text,title\n"Row one, with comma.",One\nRow two.,Two\n', encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"text": "Line one."}\n\n{"title": "no text"}\n', encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)]))
    by = {(os.path.basename(d.source_path), d.source_row): d for d in docs}
    assert by[("a.txt", None)].metadata["title"] == "A"
    assert by[("b.txt", None)].warnings and not by[("b.txt", None)].error
    assert by[("c.csv", 1)].text == "Row one, with comma." and by[("c.csv", 2)].metadata["title"] == "Two"
    assert by[("d.jsonl", 1)].text == "Line one."
    assert by[("d.jsonl", 2)].error  # a record without text gets a row saying why
    assert len({d.article_id for d in docs}) == len(docs)
    again = [d.article_id for d in iter_documents([str(tmp_path)])]
    assert again == [d.article_id for d in docs]  # stable across runs


def test_source_path_reopens_from_cwd(tmp_path, monkeypatch):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("Hi.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (doc,) = iter_documents(["x"])
    assert open(doc.source_path, encoding="utf-8").read() == "Hi."


def test_symlink_loop_and_missing_input(tmp_path):
    (tmp_path / "a.txt").write_text("Hi.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    assert len(list(iter_documents([tmp_path]))) == 1
    with pytest.raises(InputError):
        list(iter_documents([tmp_path / "nope"]))


def test_empty_and_binary_files_yield_documents(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 1000)
    docs = {os.path.basename(d.source_path): d for d in iter_documents([tmp_path])}
    assert docs["empty.txt"].text == "" and not docs["empty.txt"].error
    assert docs["bin.txt"].error
