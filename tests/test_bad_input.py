"""Every bad input of issue 13, side by side with good articles in one folder: one clear row each,
the good articles processed, the tables written, never a crash."""
from __future__ import annotations

import gzip

from click.testing import CliRunner

import extract
from extract.cli import main
from extract.evaluation.renditions import gzip_members, news_page, warc_record, warc_response

# Made-up article.
GOOD = "Harbour officials said on Monday that 12 ships had been held outside the port by the storm.\n"


def test_one_folder_of_every_bad_input(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "good_page.html").write_text(news_page(GOOD * 3, title="Storm", published="2024-01-08",
                                                  url="https://news.example/storm"), encoding="utf-8")
    bad = {
        "nested.json": ("[" * 200_000 + "]" * 200_000).encode(),
        "malformed.html": b"<html><body><div><p>Unclosed <b>" + b"<div>" * 20_000 + b"\xff<<>>",
        "empty.html": b"",
        "gallery.html": ("<html><head><title>Photos</title></head><body><nav><a href='/'>Home</a></nav>"
                         + "".join(f"<img src='/{i}.jpg'>" for i in range(20)) + "</body></html>").encode(),
        "login.htm": b"<html><body><form><input name='user'><input type='password'></form></body></html>",
        "truncated.warc.gz": gzip_members([warc_response("https://news.example/a", news_page(
            GOOD * 2, title="A", published="2024-01-08", url="https://news.example/a").encode()),
            warc_response("https://news.example/b", news_page(GOOD * 2, title="B", published=None,
                                                               url="https://news.example/b").encode())])[:-150],
        "images.warc.gz": gzip_members([warc_record("warcinfo", "", b"x: y\r\n", "application/warc-fields"),
                                        warc_response("https://news.example/i.png", b"\x89PNG", content_type="image/png")]),
    }
    for name, data in bad.items():
        (src / name).write_bytes(data)
    # a declared charset that lies: processed, with a warning
    (src / "lying.html").write_bytes(news_page(GOOD * 3, title="Caf\u00e9", published="2024-01-08",
                                               url="https://news.example/lie").encode("cp1252"))
    r = CliRunner().invoke(main, ["run", str(src), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert r.exit_code == 1, r.output  # some failed, none crashed
    frames = extract.load(tmp_path / "out")
    arts = frames["articles"]
    name = arts.source_path.str.rsplit("/", n=1).str[-1]
    ok = arts[arts.status == "ok"]
    assert set(name[arts.status == "ok"]) == {"good.txt", "good_page.html", "lying.html", "truncated.warc.gz"}
    assert (ok.n_claims > 0).all()
    assert "declares charset utf-8" in arts.warnings[name == "lying.html"].iloc[0]
    errors = {f"{n}#{'' if row is None or row != row else int(row)}": e
              for n, row, status, e in zip(name, arts.source_row.astype(object).where(arts.source_row.notna(), None),
                                           arts.status, arts.error) if status == "error"}
    assert "nested" in errors["nested.json#1"]
    assert "truncated" in errors["truncated.warc.gz#2"]
    assert "no HTML page" in errors["images.warc.gz#"]
    for page in ("malformed.html#", "empty.html#", "gallery.html#", "login.htm#"):
        assert errors[page], page
    assert len(errors) == 7
    assert gzip.decompress(bad["images.warc.gz"])  # the archive itself is whole: it just holds no page
