"""Command line: a thin layer over the library (:mod:`extract.pipeline`, :mod:`extract.evaluation`).

Exit codes: 0 every article processed, 1 some articles failed (their rows say why), 2 usage errors.
"""
from __future__ import annotations

import json
import os
import sys

import click

from .version import __version__
from .settings import DEFAULT_MODEL, Settings
from .timeutil import parse_iso_date

EPILOG_RUN = """\b
Examples:
  extract run data/raw --out data/out
  extract run articles/ more.csv --out out/ --published 2025-03-05 --workers 4
  extract run big_archive/ --out out/ --resume      # after a crash: reuse what was done
  extract run s3://bucket/news/ --out s3://bucket/tables/ --engine dask --scheduler tcp://10.0.0.5:8786
  python -c "import extract; print(extract.load('data/out')['claims'].head())"

\b
Inputs (folders are walked recursively):
  .txt              one article; optional NAME.json sidecar {"id","title","publisher","published","url"};
                    hard-wrapped wire copy is read by paragraph
  .csv .jsonl .json one article per row, with a "text" (or "html") column and the same optional
                    columns; streamed, whatever their size
  .html .htm        one web page: its main text, title, site name, date and canonical URL
  .warc .warc.gz    a crawl archive (e.g. CC-NEWS): every HTML response record is one article
Only English text is extracted from; other languages keep their row in articles.csv (language).
Writes articles.csv, claims.csv, quantities.csv, dates.csv, entities.csv, datapackage.json and,
for web pages, texts.jsonl (the extracted text the offsets point into) into --out.
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="extract")
def main() -> None:
    """Turn folders of news articles into tables of who claimed what, when.

    \b
    Start with:
      extract run data/raw --out data/out      process articles, write the tables
      extract eval polnear ../shared/data/polnear/dev   measure attribution
      extract run --help                        all options, with examples
    """


def _date(ctx, param, value):
    if value is None:
        return None
    if parse_iso_date(value) is None:
        raise click.BadParameter(f"{value!r} is not an ISO date such as 2025-03-05")
    return parse_iso_date(value).isoformat()


@main.command(epilog=EPILOG_RUN)
@click.argument("inputs", nargs=-1, required=True, type=str)
@click.option("--out", "-o", required=True, type=str,
              help="Output folder for the tables (created if missing); a path or an fsspec URL.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="spaCy pipeline name or path.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Worker processes, each loading the pipeline once.")
@click.option("--resume", is_flag=True,
              help="Reuse the articles a previous (perhaps killed) run into the same --out finished.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster (pip install 'extract[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the running scheduler (tcp://host:8786); default: a new LocalCluster.")
@click.option("--published", callback=_date, metavar="DATE",
              help="Fallback publication date (ISO) for articles that state none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Texts per nlp.pipe batch.")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True,
              help="parquet also writes each table as .parquet (needs pyarrow).")
@click.option("--excel-safe", is_flag=True, help="Prefix cells a spreadsheet would run as a formula with '.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--verbose", "-v", is_flag=True, help="Show tracebacks of failed articles.")
def run(inputs, out, model, workers, resume, engine, scheduler, published, batch_size, fmt, excel_safe, progress,
        verbose):
    """Extract claims, quantities, dates and entities from news articles, and line up the figures
    that several articles give for the same thing (facts.csv).

    INPUTS are folders, files, or fsspec URLs (s3://bucket/articles/).
    """
    from .remote import is_url

    for inp in inputs:
        if not is_url(inp) and not os.path.exists(inp):
            raise click.BadParameter(f"{inp!r} does not exist", param_hint="INPUTS")
    if scheduler and engine != "dask":
        raise click.BadParameter("--scheduler goes with --engine dask", param_hint="--scheduler")
    from .lock import FolderLocked
    from .nlp import ModelNotFound
    from .pipeline import run as run_pipeline
    from .reading import InputError
    from .resources import ModelFilesMissing

    settings = Settings(model=model, published=published, workers=workers, batch_size=batch_size,
                        progress=sys.stderr.isatty() if progress is None else progress, verbose=verbose,
                        excel_safe=excel_safe, fmt=fmt, resume=resume, engine=engine, scheduler=scheduler)
    try:
        summary = run_pipeline(list(inputs), out, settings=settings)
    except (InputError, ModelNotFound, ModelFilesMissing, FolderLocked) as e:
        click.echo(f"extract: {e}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("extract: interrupted; run again with --resume to go on", err=True)
        sys.exit(130)
    except Exception as e:  # never a traceback for the user; --verbose shows it
        if verbose:
            raise
        click.echo(f"extract: {type(e).__name__}: {e} (run with --verbose for details)", err=True)
        sys.exit(1)
    if summary.stale_lock:
        click.echo(f"extract: took over the lock a stopped run (pid {summary.stale_lock.get('pid', '?')}) left in {out}",
                   err=True)
    for folder in summary.skipped:
        click.echo(f"extract: skipped {folder}: it is an extract output folder, not input", err=True)
    reused = f", {summary.resumed} reused from the journal" if resume else ""
    click.echo(f"{summary.articles} articles ({summary.failed} failed{reused}): {summary.claims} claims, "
               f"{summary.quantities} quantities, {summary.dates} dates, {summary.facts} facts "
               f"({summary.disputed} disputed) -> {out}", err=True)
    if summary.undated:
        click.echo(f"  {summary.undated} article(s) had no publication date: relative dates (\"on Monday\", "
                   f"\"last week\") stay unresolved (XXXX-...); give a fallback with --published YYYY-MM-DD", err=True)
    if summary.other_language:
        langs = ", ".join(f"{n} {code}" for code, n in summary.other_language.most_common())
        click.echo(f"  {sum(summary.other_language.values())} article(s) not in English ({langs}): kept in "
                   f"articles.csv (language column), with no claims, quantities or dates", err=True)
    if summary.passed_over:
        click.echo("  passed over: " + ", ".join(f"{n} {what}" for what, n in sorted(summary.passed_over.items())),
                   err=True)
    for line in summary.errors[:10]:
        click.echo(f"  failed: {line}", err=True)
    if len(summary.errors) > 10:
        click.echo(f"  ... and {len(summary.errors) - 10} more (see articles.csv)", err=True)
    sys.exit(0 if summary.ok else 1)


@main.command(epilog="""\b
Example:
  extract run data/raw --out data/out && extract report data/out --html report.html
""")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--html", "html_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write the self-contained HTML report.")
def report(out_dir, html_path):
    """Write one self-contained HTML report of an output folder: summary, plots, highlighted articles."""
    from .report import write_html

    try:
        path = write_html(out_dir, html_path)
    except FileNotFoundError as e:
        click.echo(f"extract: {e}", err=True)
        sys.exit(2)
    click.echo(f"report written to {path}", err=True)


@main.command(epilog="""\b
Examples:
  extract show my_article.txt                  # processed now, nothing written
  extract show page.html --published 2025-03-05
  extract show data/raw/seed/article.txt       # read from data/out when a run there holds it
  extract show article-1872d4ff --out data/out
""")
@click.argument("article")
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Read the article from this run's output folder. Default: data/out when a run there "
                   "holds ARTICLE, else ARTICLE (a file) is processed now.")
@click.option("--published", callback=_date, metavar="DATE",
              help="When processing now: fallback publication date (ISO) for an article that states none.")
def show(article, out_dir, published):
    """Print one article's claims as a table, then its facts: every article's figure for each thing it
    measures that other articles of the run measure too.

    ARTICLE is a file (a .txt, .html, collection or archive: each article in it is shown), or the
    path or article_id of an article a run processed.
    """
    from .report import show as show_article

    if out_dir is None:
        held = _held_by("data/out", article)
        if held is None and os.path.exists(article):
            sys.exit(_show_processed(article, published))
        out_dir, article = "data/out", held or article
    try:
        show_article(out_dir, article)
    except (LookupError, FileNotFoundError) as e:
        click.echo(f"extract: {e}", err=True)
        sys.exit(2)


def _held_by(out_dir: str, article: str):
    """The article_id under which the run in ``out_dir`` holds ``article`` (an id or the path it
    was read from), or None."""
    import csv

    table = os.path.join(out_dir, "articles.csv")
    if not os.path.isfile(table):
        return None
    real = os.path.realpath(article)
    with open(table, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("article_id") == article or os.path.realpath(row.get("source_path") or "\0") == real:
                return row["article_id"]
    return None


def _show_processed(path: str, published) -> int:
    """Process ``path`` into a temporary folder and show each article in it; the exit code."""
    import csv
    import tempfile

    from .lock import FolderLocked
    from .nlp import ModelNotFound
    from .pipeline import run as run_pipeline
    from .report import show as show_article
    from .resources import ModelFilesMissing

    with tempfile.TemporaryDirectory(prefix="extract-show-") as tmp:
        try:
            summary = run_pipeline([path], tmp, settings=Settings(workers=1, published=published, progress=False))
        except (ModelNotFound, ModelFilesMissing, FolderLocked) as e:
            click.echo(f"extract: {e}", err=True)
            return 2
        with open(os.path.join(tmp, "articles.csv"), encoding="utf-8", newline="") as f:
            articles = list(csv.DictReader(f))
        for a in articles:
            if a["status"] != "ok":
                click.echo(f"extract: {a['source_path']}: {a['error']}", err=True)
                continue
            show_article(tmp, a["article_id"])
            if a.get("warnings"):
                click.echo(f"  warnings: {a['warnings']}", err=True)
        if not articles:
            click.echo(f"extract: no article in {path}", err=True)
            return 2
    click.echo(f"(processed {path} now; `extract run` writes the tables)", err=True)
    return 0 if summary.ok else 1


@main.group("eval")
def eval_() -> None:
    """Measure quality on the public corpora (see README, "Quality")."""


def _print(scores: dict, as_json: bool) -> None:
    from .evaluation.scoring import format_table

    if as_json:
        click.echo(json.dumps(scores, indent=2))
        return
    table = {k: v for k, v in scores.items() if isinstance(v, dict) and "f1" in v}
    click.echo(format_table(table))
    for k, v in scores.items():
        if not (isinstance(v, dict) and "f1" in v):
            click.echo(f"{k}: {v}")


@eval_.command("polnear")
@click.argument("split", type=click.Path(exists=True, file_okay=False))
@click.option("--limit", type=int, help="Only the first N articles (of each fold with --fold).")
@click.option("--fold", help="Train-validation: score fold K (0-4) of the split, or 'all' folds, each with cue "
              "tables and gate trained on the other folds (built once into the cache). Also prints 'draw sd': how much each "
              "score varies between dev-sized sets of these articles (12 per publisher).")
@click.option("--cache", is_flag=True, help="Read and keep parses in ~/.cache/extract (or $EXTRACT_CACHE): same "
              "scores, much faster on a second run.")
@click.option("--dump", type=click.Path(dir_okay=False), help="Write predicted claims and gold attributions as JSON lines.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
@click.option("--wrap", type=click.IntRange(min=20), metavar="COLUMN",
              help="Score the articles hard-wrapped at COLUMN (the last space before it becomes a newline).")
@click.option("--as", "render", type=click.Choice(["html", "warc"]),
              help="Score the articles read from news pages: a folder of .html files, or one .warc.gz.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, metavar="P",
              help="Score only claims whose confidence column is at least P (fewer, surer claims).")
@click.option("--fold-models", metavar="K",
              help="Score SPLIT with the models train-validation trains for fold K (0-4, or 'all' summed) of "
              "the train split beside it: four fifths of train. Shows how much of the dev / train-validation "
              "gap is training size.")
def eval_polnear(split, limit, fold, cache, dump, as_json, wrap, render, workers, min_confidence, fold_models):
    """Attribution P/R/F1 on a PolNeAR split.

    \b
    Examples:
      extract eval polnear ../shared/data/polnear/dev
      extract eval polnear ../shared/data/polnear/train --fold all     # train-validation, 5 folds
      extract eval polnear ../shared/data/polnear/dev --wrap 65    # as wire copy wrapped at 65 columns
      extract eval polnear ../shared/data/polnear/dev --as html    # as news web pages
      extract eval polnear ../shared/data/polnear/dev --min-confidence 0.7   # only claims users keep at 0.7
      extract eval polnear ../shared/data/polnear/dev --fold-models all   # dev with the folds' models
    """
    from pathlib import Path

    from .evaluation import polnear

    dump = Path(dump) if dump else None
    if fold_models is not None:
        train = Path(split).parent / "train"
        if fold is not None or wrap or render or dump:
            raise click.BadParameter("scores plain text with the folds' models; leave out --fold, --wrap, --as "
                                     "and --dump", param_hint="--fold-models")
        if not (fold_models == "all" or (fold_models.isdigit() and int(fold_models) < polnear.FOLDS)):
            raise click.BadParameter(f"expected 0-{polnear.FOLDS - 1} or 'all', got {fold_models!r}",
                                     param_hint="--fold-models")
        if not train.is_dir() or train.resolve() == Path(split).resolve():
            raise click.BadParameter(f"no train split beside {split} (looked for {train})", param_hint="--fold-models")
        folds = range(polnear.FOLDS) if fold_models == "all" else [int(fold_models)]
        scores = polnear.with_fold_models(split, train, folds=folds, limit=limit, progress=sys.stderr.isatty(),
                                          min_confidence=min_confidence)
    elif fold is None:
        scores = polnear.evaluate(split, limit=limit, progress=sys.stderr.isatty(), cache=cache, dump=dump,
                                  wrap=wrap, render=render, settings=Settings(workers=workers),
                                  min_confidence=min_confidence)
    elif wrap or render:
        raise click.BadParameter("--fold scores plain text; leave out --wrap and --as", param_hint="--fold")
    elif fold == "all" or (fold.isdigit() and int(fold) < polnear.FOLDS):
        folds = range(polnear.FOLDS) if fold == "all" else [int(fold)]
        scores = polnear.cross_validate(split, folds=folds, limit=limit, progress=sys.stderr.isatty(), dump=dump,
                                        min_confidence=min_confidence)
    else:
        raise click.BadParameter(f"expected 0-{polnear.FOLDS - 1} or 'all', got {fold!r}", param_hint="--fold")
    _print(scores, as_json)


@eval_.command("newsquant")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--part", type=click.Choice(["all", "tune", "held-out"]), default="all", show_default=True,
              help="Score only the even-numbered sentences (tune: rules were shaped on these) or the odd ones.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
def eval_newsquant(path, part, as_json):
    """Quantity P/R/F1 and qualifier accuracy on NewsQuant sentences.

    \b
    Examples:
      extract eval newsquant ../shared/data/newsquant/newsquant_dev.json
      extract eval newsquant ../shared/data/newsquant/newsquant_dev.json --part held-out
    """
    from .evaluation import newsquant

    _print(newsquant.evaluate(path, part=None if part == "all" else part), as_json)


@eval_.command("timeml")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--limit", type=int, help="Only the first N documents.")
@click.option("--part", type=click.Choice(["all", "tune", "held-out"]), default="all", show_default=True,
              help="Score only the even-numbered documents in file order (tune) or the odd ones.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
def eval_timeml(folder, limit, part, as_json):
    """Temporal expression span and value F1 on TimeML (.tml) or MEANTIME (CAT XML) files.

    \b
    Examples:
      extract eval timeml ../shared/data/timeml/tbaq
      extract eval timeml ../shared/data/timeml/tbaq --part held-out
      extract eval timeml ../shared/data/timeml/meantime_english
    """
    from .evaluation import timeml

    _print(timeml.evaluate(folder, limit=limit, part=None if part == "all" else part), as_json)


@eval_.command("speakers")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--split", type=click.Choice(["discover", "validate", "all"]), default="all", show_default=True,
              help="MEANTIME's corpora: discover = airbus + apple (rules shaped here), validate = gm + stock.")
@click.option("--limit", type=int, help="Only the first N documents.")
@click.option("--dump", type=click.Path(dir_okay=False), help="Write each speech event and off-speech claim as JSON lines.")
@click.option("--json", "as_json", is_flag=True, help="Print scores as JSON.")
def eval_speakers(folder, split, limit, dump, as_json):
    """Canonical speaker accuracy on MEANTIME's speech events (Arg0 = who spoke).

    \b
    Examples:
      extract eval speakers ../shared/data/timeml/meantime_english
      extract eval speakers ../shared/data/timeml/meantime_english --split discover --dump /tmp/spk.jsonl
    """
    from .evaluation import meantime_speakers

    scores = meantime_speakers.evaluate(folder, split=split, limit=limit, dump=dump)
    click.echo(json.dumps(scores, indent=2) if as_json else meantime_speakers.format_scores(scores))


if __name__ == "__main__":
    main()
