"""Web pages: main text by trafilatura, metadata from the page, boilerplate never a claim, bad pages rows."""
from __future__ import annotations

import json
import subprocess
import sys

import extract
from conftest import SHARED
from extract.evaluation.renditions import BOILERPLATE, news_page
from extract.reading import extract_page, iter_documents
from extract.reading.decoding import decode_page

# Made-up article: paragraphs with attributions, numbers and dates.
ARTICLE = (
    "The regional water authority said on Tuesday that reservoirs in the south had fallen to 38 percent of capacity.\n"
    "Officials told reporters that restrictions on garden irrigation would begin in 14 towns next week.\n"
    "\u201cWe are not yet in a crisis,\u201d said Marta Coelho, the authority's director of planning.\n"
    "Olive growers warned that the cuts could cost their members up to 120 million euros this season.\n"
)


def page(text=ARTICLE, **kw) -> str:
    kw = {"title": "Reservoirs fall to 38 percent", "published": "2024-06-04",
          "url": "https://news.example/water/reservoirs", **kw}
    return news_page(text, **kw)


def test_page_gives_main_text_and_metadata(tmp_path):
    (tmp_path / "p.html").write_text(page(), encoding="utf-8")
    (doc,) = iter_documents([tmp_path])
    assert doc.kind == "html" and doc.markup and doc.text == ""
    doc = extract_page(doc)
    assert doc.text.splitlines() == ARTICLE.splitlines()  # paragraphs stay lines
    assert doc.markup is None
    assert doc.metadata["title"] == "Reservoirs fall to 38 percent"
    assert doc.metadata["published"] == "2024-06-04"
    assert doc.metadata["publisher"] == "The Daily Example"
    assert doc.metadata["url"] == "https://news.example/water/reservoirs"
    assert not any(b[:20] in doc.text for b in BOILERPLATE)


def test_run_on_pages_claims_only_from_the_article(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(page(), encoding="utf-8")
    (src / "b.htm").write_text(page(ARTICLE.replace("Marta Coelho", "Rui Alves"), url="https://news.example/b"),
                               encoding="utf-8")
    summary = extract.run([str(src)], tmp_path / "out", workers=1)
    assert summary.articles == 2 and summary.failed == 0
    frames = extract.load(tmp_path / "out")
    arts, claims = frames["articles"], frames["claims"]
    assert (arts.published_source == "metadata").all() and (arts.published.dt.strftime("%Y-%m-%d") == "2024-06-04").all()
    assert set(arts.url) == {"https://news.example/water/reservoirs", "https://news.example/b"}
    assert set(arts.language) == {"en"}
    assert {"Marta Coelho", "Rui Alves"} <= set(claims.speaker_canonical.dropna())
    said = " ".join(claims.speaker.fillna("") + " " + claims.content.fillna(""))
    assert "Readers" not in said and "Subscribers" not in said and "cookies" not in said
    texts = [json.loads(line) for line in (tmp_path / "out" / "texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {t["article_id"] for t in texts} == set(arts.article_id)
    by_id = {t["article_id"]: t["text"] for t in texts}
    for c in claims.itertuples():
        assert by_id[c.article_id][c.content_start:c.content_end] == c.content
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "check_contract.py"), str(tmp_path / "out")],
                           capture_output=True, text=True)
    if (SHARED / "tools").exists():
        assert "contract: 0 problems" in check.stdout, check.stdout


def test_bad_pages_are_rows_not_crashes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.html").write_text(page(), encoding="utf-8")
    (src / "empty.html").write_bytes(b"")
    (src / "blank.htm").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (src / "gallery.html").write_text(
        "<html><head><title>Photos</title></head><body><nav><a href='/'>Home</a></nav><div class='gallery'>"
        + "".join(f"<figure><img src='/i/{i}.jpg'></figure>" for i in range(12))
        + "</div><footer>Sign in to see more</footer></body></html>", encoding="utf-8")
    (src / "broken.html").write_bytes(b"<html><body><p>Unclosed <b><i>" + b"<div>" * 50_000 + b"\xff\xfe<<<>>>")
    (src / "binary.html").write_bytes(bytes(range(256)) * 40)
    summary = extract.run([str(src)], tmp_path / "out", workers=1)
    arts = extract.load(tmp_path / "out")["articles"].set_index(
        extract.load(tmp_path / "out")["articles"].source_path.str.rsplit("/", n=1).str[-1])
    assert arts.loc["good.html", "status"] == "ok" and arts.loc["good.html", "n_claims"] > 0
    for name in ("empty.html", "blank.htm", "gallery.html", "broken.html", "binary.html"):
        assert arts.loc[name, "status"] == "error", name
        assert arts.loc[name, "error"], name
    assert "no article text" in arts.loc["gallery.html", "error"]
    assert summary.failed == 5


def test_a_charset_that_lies_is_caught():
    text = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9 \u201cquoted\u201d</p></body></html>"
    got, enc, warnings = decode_page(text.encode("utf-8"))
    assert "Caf\u00e9 \u201cquoted\u201d" in got and enc == "utf-8" and "declares" in warnings[0]
    lying_utf8 = text.replace("iso-8859-1", "utf-8").encode("cp1252")
    got, enc, warnings = decode_page(lying_utf8)
    assert "Caf\u00e9 \u201cquoted\u201d" in got and enc != "utf-8" and "declares" in warnings[0]
    honest = text.encode("cp1252").replace(b"iso-8859-1", b"windows-1252")
    got, enc, warnings = decode_page(honest)
    assert "Caf\u00e9 \u201cquoted\u201d" in got and enc == "cp1252" and not warnings
    got, _, _ = decode_page(text.encode("cp1252"), content_type="text/html; charset=windows-1252")
    assert "Caf\u00e9" in got
