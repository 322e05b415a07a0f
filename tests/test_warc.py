"""Crawl archives: every HTML response is an article, the rest is counted; damage is a row, not a crash."""
from __future__ import annotations

import collections
import gzip

import extract
from conftest import tables
from extract.evaluation.renditions import gzip_members, news_page, warc_record, warc_response, write_warc
from extract.reading import iter_documents

# Made-up articles, one page each.
STORIES = [
    ("https://news.example/world/flood-toll",
     "Rescue officials said on Wednesday that 41 people had died in the floods.\n"
     "The governor told reporters that 3,000 homes were damaged, according to a statement from her office.\n"),
    ("https://news.example/business/rail-strike",
     "The union said its members would strike for 48 hours from Friday.\n"
     "\u201cWe have no choice,\u201d said Paula Reyes, the union's general secretary.\n"),
    ("https://news.example/politics/budget",
     "The finance minister said the deficit would fall to 2.9 percent of output next year.\n"
     "Economists at two banks said the forecast was optimistic.\n"),
]


def pages(dated=True):
    return [(url, news_page(text, title=url.rsplit("/", 1)[-1], published="2024-05-01" if dated else None, url=url))
            for url, text in STORIES]


def test_records_are_articles_and_the_rest_is_counted(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    n = write_warc(path, pages(dated=False))
    counts = collections.Counter()
    docs = list(iter_documents([path], counts=counts))
    assert n == 7 and len(docs) == 3
    assert [d.metadata["url"] for d in docs] == [u for u, _ in STORIES]
    assert [d.source_row for d in docs] == [3, 5, 7]  # warcinfo 1, then request/response pairs
    assert all(d.kind == "html" and d.metadata["crawled"] == "2024-05-01" for d in docs)
    assert counts == {"WARC request records": 3, "WARC warcinfo records": 1}


def test_crawl_date_is_the_last_resort(tmp_path):
    write_warc(tmp_path / "a.warc.gz", pages(dated=False)[:1], date="2024-05-03T01:02:03Z")
    write_warc(tmp_path / "b.warc", pages(dated=True)[1:2])  # uncompressed works too
    (tmp_path / "b.warc").write_bytes(gzip.decompress((tmp_path / "b.warc").read_bytes()))
    summary = extract.run([str(tmp_path)], tmp_path / "out", workers=1)
    arts = extract.load(tmp_path / "out")["articles"].sort_values("source_path")
    assert list(arts.published_source) == ["crawl", "metadata"]
    assert list(arts.published.dt.strftime("%Y-%m-%d")) == ["2024-05-03", "2024-05-01"]
    assert summary.passed_over["WARC request records"] == 2


def test_same_tables_as_the_html_folder(tmp_path):
    html = tmp_path / "html"
    html.mkdir()
    for url, page in pages():
        (html / (url.rsplit("/", 1)[-1] + ".html")).write_text(page, encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", pages())
    extract.run([str(html)], tmp_path / "o1", workers=1)
    extract.run([str(tmp_path / "crawl.warc.gz")], tmp_path / "o2", workers=1)

    def keyed(out):
        frames = extract.load(out)
        ids = dict(zip(frames["articles"].article_id, frames["articles"].url))
        found = {}
        for t in ("claims", "quantities", "dates", "entities"):
            df = frames[t].drop(columns=[c for c in frames[t].columns if c.endswith(("_id", "_key")) or c == "relayed_by"])
            df.insert(0, "url", frames[t].article_id.map(ids))
            found[t] = df.sort_values(list(df.columns[:4])).reset_index(drop=True)
        return found

    a, b = keyed(tmp_path / "o1"), keyed(tmp_path / "o2")
    assert len(a["claims"]) >= 4
    for t in a:
        assert a[t].equals(b[t]), t
    assert (tmp_path / "o2" / "texts.jsonl").read_text(encoding="utf-8") != ""


def test_truncated_archive_keeps_the_records_before_the_break(tmp_path):
    data = gzip_members([warc_response(url, page.encode("utf-8")) for url, page in pages()])
    cut = data[: len(data) * 5 // 6]
    (tmp_path / "cut.warc.gz").write_bytes(cut)
    (tmp_path / "good.txt").write_text("The mayor said 12 homes burned.", encoding="utf-8")
    docs = list(iter_documents([tmp_path]))
    warc = [d for d in docs if d.source_path.endswith("cut.warc.gz")]
    assert [d.metadata.get("url") for d in warc[:2]] == [STORIES[0][0], STORIES[1][0]] and not warc[1].error
    assert len(warc) == 3 and "truncated" in warc[2].error and "record 3" in warc[2].error
    assert [d.text for d in docs if d.source_path.endswith("good.txt")] == ["The mayor said 12 homes burned."]


def test_archive_with_no_html_or_no_warc_at_all(tmp_path):
    recs = [warc_record("warcinfo", "", b"software: x\r\n", "application/warc-fields"),
            warc_response("https://news.example/logo.png", b"\x89PNG....", content_type="image/png"),
            warc_response("https://news.example/old", b"", content_type="text/html", status="301 Moved")]
    (tmp_path / "images.warc.gz").write_bytes(gzip_members(recs))
    (tmp_path / "garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    (tmp_path / "text.warc").write_text("hello, this is not an archive\n", encoding="utf-8")
    docs = {d.source_path.rsplit("/", 1)[-1]: d for d in iter_documents([tmp_path])}
    assert "no HTML page" in docs["images.warc.gz"].error
    assert "1 WARC responses that are not HTML" in docs["images.warc.gz"].error
    assert "301" in docs["images.warc.gz"].error
    for name in ("garbage.warc.gz", "text.warc"):
        assert docs[name].error, name
    summary = extract.run([str(tmp_path)], tmp_path / "out", workers=1)
    assert summary.articles == 3 and summary.failed == 3


def test_tables_of_a_warc_run_are_stable(tmp_path):
    write_warc(tmp_path / "c.warc.gz", pages()[:1])
    extract.run([str(tmp_path / "c.warc.gz")], tmp_path / "o1", workers=1)
    extract.run([str(tmp_path / "c.warc.gz")], tmp_path / "o2", workers=1)
    assert tables(tmp_path / "o1") == tables(tmp_path / "o2")
