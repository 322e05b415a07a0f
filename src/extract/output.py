"""Output: the tables of ``../shared/CONTRACT.md``, written atomically, and read back with dtypes.

One schema (:data:`SCHEMA`) drives everything: the column order of each CSV, the Frictionless
``datapackage.json`` that documents every column, and the pandas dtypes :func:`load` gives back.
Tables are written to a temporary file in the output folder and renamed into place, so a killed
run never leaves a truncated table where a good one was.
"""
from __future__ import annotations

import csv
import json
import os
import secrets
from pathlib import Path
from typing import Iterable, Optional

from .records import ArticleResult

# (column, frictionless type, description[, closed set of values])
SCHEMA: dict[str, list[tuple]] = {
    "articles": [
        ("article_id", "string", "Unique in the run, stable across runs: the sidecar id, else a slug of the file name and a hash of its path and row."),
        ("source_path", "string", "The input path as given, joined with the file's place below it."),
        ("source_row", "integer", "Record number inside a .csv/.jsonl/.json collection, the first being 1; empty for .txt."),
        ("title", "string", "Title from the metadata, else the headline line."),
        ("publisher", "string", "Publisher from the metadata, else the agency in the dateline."),
        ("published", "date", "Publication date (ISO)."),
        ("published_source", "string", "Where the publication date came from (crawl: only the archive's fetch date was known).", ["metadata", "dateline", "crawl", "default", "unknown"]),
        ("status", "string", "ok, or error when the article could not be processed.", ["ok", "error"]),
        ("error", "string", "Why the article failed (one line); empty when ok."),
        ("url", "string", "URL from the metadata."),
        ("dateline_place", "string", "Place named in the dateline (\"SEOUL\")."),
        ("encoding", "string", "Text encoding the file was decoded with."),
        ("n_chars", "integer", "Length of the text in characters."),
        ("n_claims", "integer", "Claims found."),
        ("n_quantities", "integer", "Quantities found."),
        ("n_dates", "integer", "Temporal expressions found."),
        ("warnings", "string", "Problems that did not stop processing (a malformed sidecar, ...), '; '-separated."),
        ("language", "string", "ISO 639-1 code of the text (en, fr, ...); only English text is extracted from."),
    ],
    "claims": [
        ("claim_id", "string", "Unique id: article_id:cN."),
        ("article_id", "string", "The article the claim is in."),
        ("speaker", "string", "The source as written in the sentence; empty when the claim has no stated source."),
        ("speaker_start", "integer", "Character offset of the speaker (str index, end exclusive)."),
        ("speaker_end", "integer", "End offset of the speaker."),
        ("speaker_canonical", "string", "Fullest name of the source in the article: pronouns and short names resolved."),
        ("speaker_type", "string", "Kind of source.", ["person", "organization", "country_or_group", "document", "anonymous", "unknown"]),
        ("cue", "string", "The verb or phrase that attributes (\"said\", \"according to\")."),
        ("cue_start", "integer", "Character offset of the cue."),
        ("cue_end", "integer", "End offset of the cue."),
        ("content", "string", "What was claimed (for split content, from the first piece to the last)."),
        ("content_start", "integer", "Character offset of the content."),
        ("content_end", "integer", "End offset of the content."),
        ("content_spans", "string", "start-end;start-end when the content is split (e.g. by 'he said')."),
        ("content_text", "string", "The words claimed: a split content's pieces joined with ' … ' (without the cue "
                                   "between them); the same as content when in one piece."),
        ("quote", "string", "Direct quotation, indirect speech, or a mix.", ["direct", "indirect", "mixed"]),
        ("claim_date", "date", "ISO date the claim was made: the date the text gives, else the publication date."),
        ("speaker_role", "string", "Titles and roles of a named speaker (\"Ukrainian defense intelligence chief\")."),
        ("hedge", "string", "The hedging word when the attribution is hedged (\"suggest\", \"reportedly\")."),
        ("relayed_by", "string", "claim_id of the claim that relays this one (\"..., citing a briefing by X\")."),
        ("rule", "string", "Which rule found the claim (for debugging)."),
        ("confidence", "number", "The claim check's probability that this is an attribution as PolNeAR marks them "
                                 "(claims under 0.3 are dropped); keep those above 0.5 or 0.7 for fewer wrong ones "
                                 "(README, Quality); empty for a claim relayed inside another's content."),
        ("speaker_key", "string", "The source's key across the run (speakers.csv): one per named source however "
                                  "written (\"Putin\", \"Vladimir Putin\"); NAME@ARTICLE_ID for a source "
                                  "named in no other way (\"officials\"); empty when no source is stated."),
    ],
    "quantities": [
        ("quantity_id", "string", "Unique id: article_id:qN."),
        ("article_id", "string", "The article the quantity is in."),
        ("claim_id", "string", "The claim whose content holds it; empty when outside any claim."),
        ("text", "string", "The quantity as written, with its qualifier and counted noun."),
        ("start", "integer", "Character offset of the text."),
        ("end", "integer", "End offset of the text."),
        ("value", "number", "The number; empty for a range."),
        ("low", "number", "Lower bound (equal to value for an exact number)."),
        ("high", "number", "Upper bound (equal to value for an exact number)."),
        ("qualifier", "string", "How the number is bounded.", ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range"]),
        ("unit", "string", "Unit (ISO currency code, percent, quantulum3 unit name); empty for a bare count."),
        ("counted", "string", "The noun counted (\"troops\")."),
        ("predicate", "string", "Lemma of the governing verb (\"kill\")."),
        ("change", "string", "increase or decrease when the number is a change (\"rose 5%\")."),
        ("sentence_start", "integer", "Character offset of the sentence that holds the quantity."),
        ("sentence_end", "integer", "End offset of that sentence."),
    ],
    "dates": [
        ("date_id", "string", "Unique id: article_id:dN."),
        ("article_id", "string", "The article the expression is in."),
        ("claim_id", "string", "The claim it belongs to; empty when none."),
        ("text", "string", "The temporal expression as written."),
        ("start", "integer", "Character offset of the text."),
        ("end", "integer", "End offset of the text."),
        ("type", "string", "TIMEX3 type.", ["date", "time", "duration", "set"]),
        ("value", "string", "TimeML TIMEX3 value (2024-10, 2025-W09, 2025-02-23/2025-02-26, P3Y, PRESENT_REF)."),
        ("start_date", "date", "First day the expression covers; empty for durations and sets."),
        ("end_date", "date", "Last day the expression covers; empty for durations and sets."),
    ],
    "entities": [
        ("entity_id", "string", "Unique id: article_id:eN."),
        ("article_id", "string", "The article the mention is in."),
        ("text", "string", "The mention as written."),
        ("start", "integer", "Character offset of the mention."),
        ("end", "integer", "End offset of the mention."),
        ("label", "string", "spaCy entity label.", ["PERSON", "ORG", "GPE", "NORP"]),
        ("canonical", "string", "Fullest name of the entity in the article (\"Budanov\" -> \"Kyrylo Budanov\")."),
    ],
    # run-level tables: computed once from the tables above when a run ends (extract.ledger)
    "facts": [
        ("fact_id", "string", "The fact: one measured thing that two or more articles give a figure for."),
        ("fact", "string", "Readable label: counted noun or unit · event · entities of the sentence (\"people · kill · Valencia\")."),
        ("quantity_id", "string", "The quantity (quantities.csv)."),
        ("claim_id", "string", "The claim that holds it (claims.csv); empty when the outlet states it unattributed."),
        ("article_id", "string", "The article it is in."),
        ("publisher", "string", "The article's publisher."),
        ("published", "date", "The article's publication date."),
        ("speaker_canonical", "string", "Who gives the figure (the claim's canonical speaker); empty when unattributed."),
        ("value", "number", "As in quantities.csv."),
        ("low", "number", "As in quantities.csv."),
        ("high", "number", "As in quantities.csv."),
        ("unit", "string", "As in quantities.csv."),
        ("counted", "string", "As in quantities.csv."),
        ("predicate", "string", "As in quantities.csv."),
        ("disputed", "boolean", "True when two different sources give figures whose ranges do not overlap (the same on every row of a fact)."),
        ("text", "string", "The quantity as written."),
        ("qualifier", "string", "As in quantities.csv.", ["exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range"]),
        ("claim_date", "date", "When the figure was given: the claim date, else the publication date."),
        ("speaker_key", "string", "The source's key across the run (speakers.csv)."),
        ("range_low", "number", "Lower end of the range the figure stands for (approximations widened by 10%); empty when open."),
        ("range_high", "number", "Upper end of that range; empty when open (\"at least 41\")."),
        ("repeat_of", "string", "quantity_id of the same figure from the same source earlier in the fact: agreement, not new evidence."),
        ("n_articles", "integer", "Articles that report the fact."),
        ("n_sources", "integer", "Different sources (speakers, else outlets) that give a figure for it."),
    ],
    "speakers": [
        ("speaker_key", "string", "Key of the source across the run (claims.speaker_key)."),
        ("name", "string", "Its fullest name as written."),
        ("speaker_type", "string", "Its most frequent type.", ["person", "organization", "country_or_group", "document", "anonymous", "unknown"]),
        ("scope", "string", "run: a named source, merged across articles; article: a source keyed within its article only.", ["run", "article"]),
        ("n_claims", "integer", "Claims it makes."),
        ("n_articles", "integer", "Articles it is quoted in."),
        ("variants", "string", "Its canonical names as the articles wrote them, most frequent first, '; '-separated."),
    ],
}
ARTICLE_TABLES = ("articles", "claims", "quantities", "dates", "entities")   # rows written article by article
RUN_TABLES = ("facts", "speakers")                                          # computed once when the run ends
TABLES = ARTICLE_TABLES + RUN_TABLES
TEXTS = "texts"  # texts.jsonl: {"article_id", "text"} of each article whose text was extracted from markup
EXCEL_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def columns(table: str) -> list[str]:
    return [c[0] for c in SCHEMA[table]]


def rows(result: ArticleResult) -> dict[str, list[dict]]:
    """The table rows of one article."""
    d, m = result.document, result.meta
    aid = d.article_id
    out: dict[str, list[dict]] = {t: [] for t in ARTICLE_TABLES}
    out["articles"].append({
        "article_id": aid, "source_path": d.source_path, "source_row": d.source_row,
        "title": m.title, "publisher": m.publisher, "published": m.published,
        "published_source": m.published_source, "status": result.status, "error": result.error or d.error,
        "url": m.url, "dateline_place": m.dateline_place, "encoding": d.encoding, "n_chars": len(d.text),
        "n_claims": len(result.claims), "n_quantities": len(result.quantities), "n_dates": len(result.dates),
        "warnings": "; ".join(d.warnings + m.warnings) or None, "language": m.language,
    })
    if d.kind != "text" and d.text:  # a text extracted from markup: offsets point into it (contract)
        out[TEXTS] = [{"article_id": aid, "text": d.text}]
    for c in result.claims:
        sp = c.speaker
        out["claims"].append({
            "claim_id": c.claim_id, "article_id": aid,
            "speaker": sp.text if sp else None, "speaker_start": sp.start if sp else None,
            "speaker_end": sp.end if sp else None, "speaker_canonical": c.speaker_canonical,
            "speaker_type": c.speaker_type, "cue": c.cue.text, "cue_start": c.cue.start, "cue_end": c.cue.end,
            "content": c.content.text, "content_start": c.content.start, "content_end": c.content.end,
            "content_spans": ";".join(f"{s.start}-{s.end}" for s in c.content_spans) if len(c.content_spans) > 1 else None,
            "content_text": " … ".join(s.text for s in c.spans),
            "quote": c.quote, "claim_date": c.claim_date, "speaker_role": c.speaker_role, "hedge": c.hedge,
            "relayed_by": c.relayed_by_id, "rule": c.rule,
            "confidence": round(c.confidence, 3) if c.confidence is not None else None,
        })
    for q in result.quantities:
        out["quantities"].append({
            "quantity_id": q.quantity_id, "article_id": aid, "claim_id": q.claim_id, "text": q.span.text,
            "start": q.span.start, "end": q.span.end, "value": q.value, "low": q.low, "high": q.high,
            "qualifier": q.qualifier, "unit": q.unit, "counted": q.counted, "predicate": q.predicate,
            "change": q.change, "sentence_start": q.sentence_start, "sentence_end": q.sentence_end,
        })
    for t in result.dates:
        out["dates"].append({
            "date_id": t.date_id, "article_id": aid, "claim_id": t.claim_id, "text": t.span.text,
            "start": t.span.start, "end": t.span.end, "type": t.type, "value": t.value,
            "start_date": t.start_date, "end_date": t.end_date,
        })
    for i, e in enumerate(result.entities):
        out["entities"].append({
            "entity_id": f"{aid}:e{i + 1}", "article_id": aid, "text": e.span.text, "start": e.span.start,
            "end": e.span.end, "label": e.label, "canonical": e.canonical,
        })
    return out


def _cell(v, excel_safe: bool) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)  # shortest text that reads back as the same float
    s = str(v)
    if excel_safe and s.startswith(EXCEL_TRIGGERS):
        return "'" + s
    return s


def _temp_file(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file with a unique name in ``folder``, created with mode 0666 less the umask like any
    file a program writes (``tempfile.mkstemp`` would make it 0600, and the rename keeps that)."""
    for _ in range(100):
        path = folder / f"{prefix}{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(path)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


class TableWriter:
    """Streams rows into temporary CSV files and renames them into place on :meth:`close`.

    Before the rename, :meth:`close` computes the run-level tables from the article tables just
    written (:func:`finish_run`: facts, speakers, and each claim's ``speaker_key``), so every
    engine, and a resumed run, ends with the same tables, and a run killed at any point leaves
    the tables of the previous run whole.
    """

    def __init__(self, out_dir: str | os.PathLike, *, excel_safe: bool = False):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.excel_safe = excel_safe
        self._files = {}
        self._writers = {}
        for t in ARTICLE_TABLES:
            fd, tmp = _temp_file(self.out, f".{t}.", ".csv.tmp")
            f = os.fdopen(fd, "w", encoding="utf-8", newline="")
            w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            w.writerow(columns(t))
            self._files[t] = (f, tmp)
            self._writers[t] = w

    def add_rows(self, table_rows: dict[str, list[dict]]) -> None:
        for t, rs in table_rows.items():
            if t == TEXTS:
                self._add_texts(rs)
                continue
            cols = columns(t)
            w = self._writers[t]
            for r in rs:
                w.writerow([_cell(r.get(c), self.excel_safe) for c in cols])

    def _add_texts(self, rs: list[dict]) -> None:
        if TEXTS not in self._files:
            fd, tmp = _temp_file(self.out, f".{TEXTS}.", ".jsonl.tmp")
            self._files[TEXTS] = (os.fdopen(fd, "w", encoding="utf-8", newline="\n"), tmp)
        f = self._files[TEXTS][0]
        for r in rs:
            f.write(json.dumps({"article_id": r["article_id"], "text": r["text"]}, ensure_ascii=False) + "\n")

    def close(self) -> None:
        for f, _ in self._files.values():
            f.flush()
            os.fsync(f.fileno())
            f.close()
        temps = {t: tmp for t, (_, tmp) in self._files.items()}
        texts = temps.pop(TEXTS, None)
        try:
            temps.update(finish_run(self.out, temps, excel_safe=self.excel_safe))
        except BaseException:
            for tmp in list(temps.values()) + [texts]:
                if tmp:
                    Path(tmp).unlink(missing_ok=True)
            raise
        for t in TABLES:
            os.replace(temps[t], self.out / f"{t}.csv")
        if texts:
            os.replace(texts, self.out / f"{TEXTS}.jsonl")
        else:
            (self.out / f"{TEXTS}.jsonl").unlink(missing_ok=True)  # a previous run's, for other articles
        write_datapackage(self.out)

    def abort(self) -> None:
        for f, tmp in self._files.values():
            f.close()
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _plain(v):
    """A frame cell as the plain value :func:`_cell` writes (NA -> None, dates as ISO days)."""
    import pandas as pd

    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def _write_frame(folder: Path, table: str, df, *, excel_safe: bool) -> str:
    """Write ``df`` as ``table`` (its schema's columns, in order) to a new temporary file."""
    fd, tmp = _temp_file(folder, f".{table}.", ".csv.tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        cols = columns(table)
        w.writerow(cols)
        for row in df.reindex(columns=cols).itertuples(index=False, name=None):
            w.writerow([_cell(_plain(v), excel_safe) for v in row])
        f.flush()
        os.fsync(f.fileno())
    return tmp


def finish_run(folder: Path, temps: dict, *, excel_safe: bool = False) -> dict:
    """The run-level tables from the article tables of a run (``temps``: table -> CSV path).

    Facts and speakers are computed once from the written tables (:func:`extract.ledger.build`),
    and the claims table is written again with its ``speaker_key`` column filled. Returns the new
    temporary files by table (``facts``, ``speakers``, ``claims``); the old claims file is removed.
    """
    from .ledger import build

    frames = {t: read_table(temps[t], t) for t in ("articles", "claims", "quantities", "entities")}
    led = build(frames)
    out = {"facts": _write_frame(folder, "facts", led.facts, excel_safe=excel_safe),
           "speakers": _write_frame(folder, "speakers", led.speakers, excel_safe=excel_safe)}
    fd, tmp = _temp_file(folder, ".claims.", ".csv.tmp")
    keys = led.speaker_keys.tolist()
    with open(temps["claims"], encoding="utf-8", newline="") as src, \
            os.fdopen(fd, "w", encoding="utf-8", newline="") as dst:
        reader, w = csv.reader(src), csv.writer(dst, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        header = next(reader)
        at = header.index("speaker_key")
        w.writerow(header)
        for i, row in enumerate(reader):
            row[at] = _cell(_plain(keys[i]), excel_safe)
            w.writerow(row)
        dst.flush()
        os.fsync(dst.fileno())
    os.unlink(temps["claims"])
    out["claims"] = tmp
    return out


def write_tables(results: Iterable[ArticleResult], out_dir: str | os.PathLike, *, excel_safe: bool = False,
                 fmt: str = "csv") -> Path:
    """Write all tables for ``results`` into ``out_dir`` (atomically, table by table)."""
    return write_rows((rows(r) for r in results), out_dir, excel_safe=excel_safe, fmt=fmt)


def write_rows(article_rows: Iterable[dict[str, list[dict]]], out_dir: str | os.PathLike, *,
               excel_safe: bool = False, fmt: str = "csv") -> Path:
    """Write the tables from each article's rows (as :func:`rows` gives them)."""
    writer = TableWriter(out_dir, excel_safe=excel_safe)
    try:
        for r in article_rows:
            writer.add_rows(r)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    if fmt == "parquet":
        to_parquet(out_dir)
    return Path(out_dir)


def datapackage() -> dict:
    resources = []
    for t, cols in SCHEMA.items():
        fields = []
        for c in cols:
            f = {"name": c[0], "type": c[1], "description": c[2]}
            if len(c) > 3:
                f["constraints"] = {"enum": c[3]}
            fields.append(f)
        resources.append({"name": t, "path": f"{t}.csv", "profile": "tabular-data-resource", "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8",
                          "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                          "schema": {"fields": fields, "missingValues": [""]}})
    return {"name": "extract-output", "profile": "tabular-data-package",
            "title": "Who claimed what, when: claims, quantities, dates and entities extracted from news articles, "
                     "and the figures several articles give for the same thing (facts)",
            "resources": resources}


def write_datapackage(out_dir: Path) -> None:
    tmp = out_dir / ".datapackage.json.tmp"
    tmp.write_text(json.dumps(datapackage(), indent=2), encoding="utf-8")
    os.replace(tmp, out_dir / "datapackage.json")


def _dtypes(table: str) -> dict:
    out = {}
    for c in SCHEMA[table]:
        name, typ = c[0], c[1]
        if len(c) > 3:
            out[name] = "category"
        elif typ == "integer":
            out[name] = "Int64"
        elif typ == "number":
            out[name] = "Float64"
        elif typ == "boolean":
            out[name] = "boolean"
        else:
            out[name] = "string"
    return out


def load(out_dir: str | os.PathLike, tables: Optional[Iterable[str]] = None) -> dict:
    """Read an output folder back as pandas DataFrames with proper dtypes.

    Offsets come back as nullable integers, dates as datetimes, closed sets as categories. With
    all tables loaded, ``"who_claimed_what"`` is also there: one row per claim with its article's
    title, publisher, URL and publication date, and its quantities and dates (see :func:`joined`).
    ``"facts"`` is the claim ledger (one row per figure of a fact, disputed facts first) and
    ``"speakers"`` the run's sources, by the ``speaker_key`` that claims also carry.

    >>> frames = load("data/out")          # doctest: +SKIP
    >>> frames["claims"].speaker_type.cat.categories.tolist()  # doctest: +SKIP
    >>> frames["facts"].groupby("fact_id").disputed.first().sum()  # disputed facts  # doctest: +SKIP
    """
    import pandas as pd

    out_dir = Path(out_dir)
    frames = {}
    for t in tables or TABLES:
        path = out_dir / f"{t}.csv"
        if not path.exists():
            pq = out_dir / f"{t}.parquet"
            if pq.exists():
                frames[t] = pd.read_parquet(pq)
                continue
            if t in RUN_TABLES and (out_dir / "claims.csv").exists():
                raise FileNotFoundError(f"{path} not found: {out_dir} was written by an older extract; "
                                        "run `extract run` again to compute it")
            raise FileNotFoundError(f"{path} not found: is {out_dir} the --out folder of an `extract run`?")
        frames[t] = read_table(path, t)
    if tables is None:
        frames["who_claimed_what"] = joined(frames)
    return frames


def read_table(path: str | os.PathLike, table: str):
    """One CSV table as a DataFrame with the dtypes of its schema."""
    import pandas as pd

    dtypes = _dtypes(table)
    dates = [c[0] for c in SCHEMA[table] if c[1] == "date"]
    df = pd.read_csv(path, dtype={k: v for k, v in dtypes.items() if k not in dates and v != "category"},
                     keep_default_na=False, na_values=[""], encoding="utf-8")
    for c in SCHEMA[table]:
        if len(c) > 3 and c[0] in df:
            df[c[0]] = pd.Categorical(df[c[0]], categories=c[3])
    for c in dates:
        if c in df:
            df[c] = pd.to_datetime(df[c], errors="coerce", format="ISO8601")
    return df


def joined(frames: dict):
    """One row per claim: the claim, its article's metadata, and lists of its quantities and dates.

    ``quantities`` holds dicts (text, value, low, high, qualifier, unit, counted, predicate) and
    ``dates`` dicts (text, type, value, start_date, end_date); ``n_quantities`` / ``n_dates`` count them.
    """
    import pandas as pd

    arts = frames["articles"][["article_id", "title", "publisher", "url", "published", "source_path"]]
    out = frames["claims"].merge(arts, on="article_id", how="left")

    def packed(df, cols) -> dict:
        by_claim: dict = {}
        for cid, *row in df[["claim_id"] + cols].itertuples(index=False):
            if not pd.isna(cid):
                by_claim.setdefault(cid, []).append({c: (None if pd.isna(v) else v) for c, v in zip(cols, row)})
        return by_claim

    q = packed(frames["quantities"], ["text", "value", "low", "high", "qualifier", "unit", "counted", "predicate"])
    d = packed(frames["dates"], ["text", "type", "value", "start_date", "end_date"])
    out["quantities"] = pd.Series([q.get(c, []) for c in out.claim_id], index=out.index, dtype=object)
    out["dates"] = pd.Series([d.get(c, []) for c in out.claim_id], index=out.index, dtype=object)
    out["n_quantities"] = out.quantities.map(len).astype("Int64")
    out["n_dates"] = out.dates.map(len).astype("Int64")
    return out


def to_parquet(out_dir: str | os.PathLike) -> None:
    """Write each CSV table of ``out_dir`` again as Parquet, with the same columns and dtypes."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise RuntimeError("--format parquet needs pyarrow: pip install 'extract[parquet]'") from e
    frames = load(out_dir, TABLES)
    for t, df in frames.items():
        tmp = Path(out_dir) / f".{t}.parquet.tmp"
        df.to_parquet(tmp, index=False)
        os.replace(tmp, Path(out_dir) / f"{t}.parquet")
