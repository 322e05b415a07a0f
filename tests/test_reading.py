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


# ------------------------------------------------------------------- streamed collections, bad input
def _docs(path):
    return list(iter_documents([str(path)]))


def test_json_array_wrapper_object_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "One."}, {"text": "Two.", "date": "2024-03-01"}]),
                                        encoding="utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps({"source": "feed", "meta": {"n": 2},
                                                       "articles": [{"text": "Three."}, {"text": "Four."}]}),
                                           encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"text": "Five.", "title": "T"}), encoding="utf-8")
    by = {(os.path.basename(d.source_path), d.source_row): d for d in _docs(tmp_path)}
    assert [by[("list.json", i)].text for i in (1, 2)] == ["One.", "Two."]
    assert by[("list.json", 2)].metadata["published"] == "2024-03-01"
    assert [by[("wrapped.json", i)].text for i in (1, 2)] == ["Three.", "Four."]
    assert by[("one.json", 1)].text == "Five." and by[("one.json", 1)].metadata["title"] == "T"


def test_deeply_nested_json_is_one_error_row_beside_good_articles(tmp_path):
    """200,000 nested brackets once aborted the whole run with a RecursionError."""
    (tmp_path / "a_good.txt").write_text("The council said the bridge would reopen.", encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "mixed.json").write_text('[{"text": "Kept."}, ' + "[" * 200_000 + "]" * 200_000 + ', {"text": "Also kept."}]',
                                         encoding="utf-8")
    (tmp_path / "z_sidecar.txt").write_text("Another good article.", encoding="utf-8")
    (tmp_path / "z_sidecar.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    docs = _docs(tmp_path)
    by = {(os.path.basename(d.source_path), d.source_row): d for d in docs}
    assert by[("a_good.txt", None)].text.startswith("The council") and not by[("a_good.txt", None)].error
    assert by[("deep.json", 1)].error and "nested" in by[("deep.json", 1)].error
    assert by[("mixed.json", 1)].text == "Kept." and by[("mixed.json", 3)].text == "Also kept."
    assert "nested" in by[("mixed.json", 2)].error
    side = by[("z_sidecar.txt", None)]
    assert side.text == "Another good article." and "nested too deeply" in side.warnings[0]


def test_truncated_json_keeps_the_records_before_the_cut(tmp_path):
    (tmp_path / "cut.json").write_text('[{"text": "First."}, {"text": "Second."}, {"text": "Thi', encoding="utf-8")
    docs = _docs(tmp_path / "cut.json")
    assert [d.text for d in docs[:2]] == ["First.", "Second."]
    assert docs[2].error and "ends inside" in docs[2].error and docs[2].source_row == 3


def test_lone_surrogate_is_repaired_and_noted(tmp_path):
    (tmp_path / "s.jsonl").write_text('{"text": "Cut emoji \\ud83d here.", "title": "x\\udc00"}\n', encoding="utf-8")
    (tmp_path / "s.json").write_text('[{"text": "Cut emoji \\ud83d here."}]', encoding="utf-8")
    for d in _docs(tmp_path):
        assert d.text == "Cut emoji \ufffd here." and not d.error
        assert any("surrogate" in w for w in d.warnings)
        d.text.encode("utf-8")  # writable now


def test_a_stray_byte_costs_only_its_own_record(tmp_path):
    good = "Paris café, record {}.\n"
    lines = [json.dumps({"text": good.format(i)}, ensure_ascii=False).encode("utf-8") for i in range(3)]
    lines.insert(1, b'{"text": "Caf\xe9 in Latin-1."}')  # one line from another encoding
    (tmp_path / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    rows = "text,title\n" + "".join(f'"{good.format(i)}",T{i}\n' for i in range(3))
    data = rows.encode("utf-8").replace(b"record 1", b"r\xe9cord 1")
    (tmp_path / "mixed.csv").write_bytes(data)
    docs = {(os.path.basename(d.source_path), d.source_row): d for d in _docs(tmp_path)}
    assert docs[("mixed.jsonl", 2)].text == "Café in Latin-1." and docs[("mixed.jsonl", 2)].warnings
    assert docs[("mixed.jsonl", 1)].text == good.format(0) and not docs[("mixed.jsonl", 1)].warnings
    assert docs[("mixed.csv", 2)].text == "Paris café, récord 1.\n" and docs[("mixed.csv", 2)].warnings
    assert docs[("mixed.csv", 3)].text == good.format(2) and not docs[("mixed.csv", 3)].warnings


def test_bad_collections_are_rows_not_crashes(tmp_path):
    (tmp_path / "a.txt").write_text("A good article.", encoding="utf-8")
    (tmp_path / "notext.csv").write_text("title,body\nx,y\n", encoding="utf-8")
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    (tmp_path / "scalar.json").write_text("42", encoding="utf-8")
    (tmp_path / "badline.jsonl").write_text('{"text": "ok"}\n{not json\n[1, 2]\n{"text": 3}\n', encoding="utf-8")
    docs = {(os.path.basename(d.source_path), d.source_row): d for d in _docs(tmp_path)}
    assert docs[("a.txt", None)].text == "A good article."
    assert "no 'text' column" in docs[("notext.csv", None)].error
    assert "empty" in docs[("empty.json", None)].error
    assert "not JSON" in docs[("scalar.json", None)].error
    assert docs[("badline.jsonl", 1)].text == "ok"
    assert "invalid JSON" in docs[("badline.jsonl", 2)].error
    assert "not an object" in docs[("badline.jsonl", 3)].error
    assert "not a string" in docs[("badline.jsonl", 4)].error


def test_html_column_in_a_collection_is_a_page(tmp_path):
    page = "<html><head><title>T</title></head><body><article><p>" + "The mayor said the bridge would reopen. " * 5 + "</p></article></body></html>"
    (tmp_path / "pages.jsonl").write_text(json.dumps({"html": page, "url": "https://x.example/a"}) + "\n", encoding="utf-8")
    (doc,) = _docs(tmp_path)
    assert doc.kind == "html" and doc.markup and doc.text == "" and doc.metadata["url"] == "https://x.example/a"


def _collection(path, n_bytes: int, body: str) -> int:
    """Write a collection of ``n_bytes`` or a little more, every record's text ``body``; how many records."""
    import csv as csv_module

    suffix, n = path.suffix, 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv_module.writer(f) if suffix == ".csv" else None
        if w:
            w.writerow(["id", "text"])
        f.write("[" if suffix == ".json" else "")
        while f.tell() < n_bytes:
            n += 1
            if w:
                w.writerow([f"a{n}", body])
            else:
                f.write(("," if suffix == ".json" and n > 1 else "") + json.dumps({"id": f"a{n}", "text": body}) + "\n")
        f.write("]" if suffix == ".json" else "")
    return n


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".json"])
def test_collections_stream_memory_does_not_grow_with_the_file(tmp_path, suffix):
    """Reading a collection to the end holds one record and a read-ahead buffer, not the file:
    Python's peak allocation on a 32 MB file is that of an 8 MB one (bench/reading.py measures the
    whole process on 1 GB)."""
    import tracemalloc

    body = "The harbour master said 12 ships were waiting outside the port. " * 40
    peaks = []
    for size in (8_000_000, 32_000_000):
        path = tmp_path / f"big{size}{suffix}"
        n = _collection(path, size, body)
        tracemalloc.start()
        try:
            count = sum(1 for d in iter_documents([path]) if d.text == body)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert count == n
        path.unlink()
    assert peaks[1] < peaks[0] + 2_000_000, peaks
    assert peaks[1] < 32_000_000 / 3, peaks


def test_a_txt_holding_a_page_is_known_by_its_opening():
    from extract.reading import looks_like_page

    assert looks_like_page(b"\xef\xbb\xbf  <!-- saved -->\n<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_page(b"<HTML lang='en'><p>The mayor said so.</p></HTML>")
    assert not looks_like_page(b"The mayor said <html> tags were banned.")
    assert not looks_like_page(b"<htmlish> is not a page")
