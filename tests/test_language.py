"""Mixed-language folders: every article keeps its row and its language; only English is extracted from."""
from __future__ import annotations

from click.testing import CliRunner

import extract
from extract.cli import main
from extract.language import detect, is_english

# Made-up texts.
ENGLISH = "The regional council said on Monday that 40 families had been moved from the flooded valley."
FRENCH = ("Nous faisons tout pour que les familles puissent rentrer chez elles, a déclaré lundi le président "
          "du conseil régional, qui a ajouté que quarante familles avaient été relogées.")
GERMAN = ("Die Regierung hat am Dienstag angekündigt, dass die Wasserpreise im kommenden Jahr um zwölf Prozent "
          "steigen werden, sagte ein Sprecher des Ministeriums.")


def test_detect():
    assert detect(ENGLISH) == "en" and detect(FRENCH) == "fr" and detect(GERMAN) == "de"
    assert detect("Mayor resigns.") == "en"          # too short to tell: stays English
    assert detect("Biden, Harris, 2024: 41%") == "en"
    assert detect("") is None and detect("2024 — 41 %") is None
    assert is_english("en") and is_english(None) and not is_english("fr")


def test_mixed_folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (src / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (src / "de.txt").write_text(GERMAN, encoding="utf-8")
    r = CliRunner().invoke(main, ["run", str(src), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert r.exit_code == 0, r.output
    assert "2 article(s) not in English (1 de, 1 fr)" in r.output or "2 article(s) not in English (1 fr, 1 de)" in r.output
    frames = extract.load(tmp_path / "out")
    arts = frames["articles"].set_index(frames["articles"].source_path.str.rsplit("/", n=1).str[-1])
    assert arts.loc["en.txt", "language"] == "en" and arts.loc["en.txt", "n_claims"] >= 1
    for name, code in (("fr.txt", "fr"), ("de.txt", "de")):
        assert arts.loc[name, "language"] == code and arts.loc[name, "status"] == "ok"
        assert "not English" in arts.loc[name, "warnings"]
        assert arts.loc[name, "n_claims"] == 0 and arts.loc[name, "n_quantities"] == 0
    en_id = arts.loc["en.txt", "article_id"]
    assert set(frames["claims"].article_id) == {en_id}
    assert set(frames["quantities"].article_id) <= {en_id} and set(frames["dates"].article_id) <= {en_id}
