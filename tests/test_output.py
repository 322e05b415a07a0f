from __future__ import annotations

import json

import pandas as pd

from extract import output
from extract.records import ArticleMeta, ArticleResult, Claim, Document, Span


def tricky_result():
    text = 'He said "a, b" and\nnew =lines, "quoted".'
    cue = Span.of(text, 3, 7)
    content = Span.of(text, 8, len(text))
    doc = Document("id1", "x.txt", text)
    return ArticleResult(doc, ArticleMeta(published="2024-01-02", published_source="metadata"),
                         claims=(Claim(cue=cue, content=content, speaker=Span.of(text, 0, 2), claim_id="id1:c1",
                                       speaker_type="person", claim_date="2024-01-02"),))


def test_csv_round_trip_and_dtypes(tmp_path):
    output.write_tables([tricky_result()], tmp_path)
    frames = output.load(tmp_path)
    c = frames["claims"].iloc[0]
    assert c.content == tricky_result().claims[0].content.text
    assert frames["claims"].speaker_start.dtype == "Int64"
    assert str(frames["claims"].speaker_type.dtype) == "category"
    assert frames["articles"].published.dtype.kind == "M"
    raw = pd.read_csv(tmp_path / "claims.csv", keep_default_na=False)
    assert raw.content[0] == c.content


def test_datapackage_documents_every_column(tmp_path):
    output.write_tables([tricky_result()], tmp_path)
    pkg = json.loads((tmp_path / "datapackage.json").read_text())
    for res in pkg["resources"]:
        header = (tmp_path / res["path"]).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert [f["name"] for f in res["schema"]["fields"]] == header


def formula_result():
    """Claims whose cells start with each character a spreadsheet runs as a formula."""
    text = "=SUM(A1) said +1 -2 @cmd and"
    doc = Document("id2", "y.txt", text)
    spans = [(0, 8), (14, 16), (17, 19), (20, 24)]
    claims = tuple(Claim(cue=Span.of(text, 9, 13), content=Span.of(text, a, b), claim_id=f"id2:c{i}")
                   for i, (a, b) in enumerate(spans))
    return ArticleResult(doc, ArticleMeta(), claims=claims)


def test_excel_safe(tmp_path):
    import csv

    output.write_tables([formula_result()], tmp_path / "plain")
    output.write_tables([formula_result()], tmp_path / "safe", excel_safe=True)
    with open(tmp_path / "plain" / "claims.csv", encoding="utf-8", newline="") as f:
        plain = [r["content"] for r in csv.DictReader(f)]
    with open(tmp_path / "safe" / "claims.csv", encoding="utf-8", newline="") as f:
        safe = [r["content"] for r in csv.DictReader(f)]
    assert plain == ["=SUM(A1)", "+1", "-2", "@cmd"]
    assert safe == ["'=SUM(A1)", "'+1", "'-2", "'@cmd"]
    assert output.load(tmp_path / "safe")["claims"].cue.tolist() == ["said"] * 4  # other cells untouched


def test_tables_follow_the_umask(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        output.write_tables([tricky_result()], tmp_path)
    finally:
        os.umask(old)
    for name in ("articles.csv", "claims.csv", "datapackage.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_no_temp_files_left(tmp_path):
    output.write_tables([tricky_result()], tmp_path)
    assert (tmp_path / "claims.csv").exists() and (tmp_path / "datapackage.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_content_text_joins_the_pieces_of_a_split_quotation_without_the_cue():
    text = '"We will rebuild," she said. "All of it."'
    def at(words):
        return Span.of(text, text.index(words), text.index(words) + len(words))
    first, second = at("We will rebuild,"), at("All of it.")
    claim = Claim(cue=at("said"), content=Span.of(text, first.start, second.end), content_spans=(first, second),
                  speaker=at("she"), claim_id="a:c1", quote="direct")
    row = output.rows(ArticleResult(Document("a", "a.txt", text), ArticleMeta(), claims=(claim,)))["claims"][0]
    assert row["content_text"] == "We will rebuild, … All of it."
    assert row["content"] == text[row["content_start"]:row["content_end"]]  # the contract's span stays whole
    one = output.rows(tricky_result())["claims"][0]
    assert one["content_text"] == one["content"]
