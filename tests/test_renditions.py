"""The attribution corpus as users hold it: hard-wrapped, as news pages, as a crawl archive.

Scores are compared within the same build (plain text against the rendition), never against the
README's numbers, so a change to the attribution rules moves both sides. The pages and the archive
are generated in a temporary folder at test time; no corpus text is ever written into the project.
"""
from __future__ import annotations

import pytest

from conftest import SHARED, need_shared
from extract.evaluation.renditions import hard_wrap, news_page, offset_map, map_span, write_pages
from extract.settings import Settings

DEV = SHARED / "data" / "polnear" / "dev"


def test_hard_wrap_protocol():
    text = "One two three four five six seven eight nine ten.\n\nShort.\n" + "x" * 30 + " tail"
    wrapped = hard_wrap(text, 20)
    assert len(wrapped) == len(text)
    assert all(len(line) <= 20 or " " not in line for line in wrapped.split("\n"))
    assert wrapped.replace("\n", " ") == text.replace("\n", " ")


def test_offset_map_finds_the_article_in_a_derived_text():
    original = "First para.\n\nSecond  para here.\n"
    derived = "First para.\nSecond para here."
    m = offset_map(derived, original)
    s = derived.index("Second")
    assert map_span(m, s, s + len("Second para here")) == (original.index("Second"), original.index(" here.") + 5)
    page = news_page(original, title="T", published="2024-01-02", url="https://x.example/a")
    assert "<article>" in page and 'content="2024-01-02T08:00:00Z"' in page and "Second  para here." in page


@pytest.fixture(scope="module")
def scores():
    from extract.evaluation import polnear

    root = need_shared(DEV)
    settings = Settings(workers=2)
    return {how: polnear.evaluate(root, settings=settings, **kw)
            for how, kw in (("plain", {}), ("wrap65", {"wrap": 65}), ("html", {"render": "html"}))}


@pytest.mark.slow
def test_wrapped_at_65_scores_as_plain(scores):
    plain, wrapped = scores["plain"], scores["wrap65"]
    for key in ("relation", "content exact"):
        assert wrapped[key]["f1"] >= plain[key]["f1"] - 0.02, (key, wrapped[key], plain[key])
    seen, total = map(int, wrapped["articles read as wrapped"].split("/"))
    assert seen == total > 80


@pytest.mark.slow
def test_news_pages_score_as_plain_with_nothing_from_the_boilerplate(scores):
    plain, html = scores["plain"], scores["html"]
    for key in ("relation", "source exact", "cue exact", "content exact"):
        assert html[key]["f1"] >= plain[key]["f1"] - 0.03, (key, html[key], plain[key])
    assert html["pages failed"] == 0
    assert html["claims outside the article text"] == 0
    assert html["pages with boilerplate in the text"] == 0
    dated, total = map(int, html["dates read from the meta tags"].split("/"))
    assert dated == total > 80


@pytest.mark.slow
def test_the_pages_as_one_warc_give_the_tables_of_the_html_folder(tmp_path):
    import extract
    from extract.evaluation.polnear import iter_corpus
    from extract.evaluation.renditions import corpus_metadata

    articles = list(iter_corpus(need_shared(DEV), limit=15))
    md = corpus_metadata(DEV)
    (tmp_path / "html").mkdir()
    (tmp_path / "warc").mkdir()
    (folder,) = write_pages(articles, tmp_path / "html", "html", md)
    (archive,) = write_pages(articles, tmp_path / "warc", "warc", md)
    extract.run([folder], tmp_path / "o1", workers=2)
    summary = extract.run([archive], tmp_path / "o2", workers=2)
    assert summary.articles == 15 and summary.failed == 0 and summary.passed_over["WARC request records"] == 15

    def keyed(out):
        frames = extract.load(out)
        arts = frames["articles"]
        url = dict(zip(arts.article_id, arts.url))
        got = {"articles": arts[["url", "title", "publisher", "published", "published_source", "language", "n_chars",
                                 "n_claims", "n_quantities", "n_dates"]].sort_values("url").reset_index(drop=True)}
        for t in ("claims", "quantities", "dates", "entities"):
            df = frames[t].drop(columns=[c for c in frames[t].columns if c.endswith(("_id", "_key")) or c == "relayed_by"])
            df.insert(0, "url", frames[t].article_id.map(url))
            got[t] = df.sort_values(list(df.columns[:4])).reset_index(drop=True)
        return got

    a, b = keyed(tmp_path / "o1"), keyed(tmp_path / "o2")
    assert len(a["claims"]) > 100
    for t in a:
        assert a[t].equals(b[t]), t
