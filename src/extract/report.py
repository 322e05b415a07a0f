"""Reports over an output folder: one self-contained HTML file, and a terminal view of one article.

The HTML report needs no network: CSS is inline and the plots are inline SVG drawn here. Every
piece of article text goes through escaping (Jinja2 autoescape and :func:`html.escape`), so an
article that contains ``<script>`` shows it as text and runs nothing.
"""
from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import Optional

import pandas as pd

from .output import load
from .reading import read_text_file

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
LABELS = {"speaker": "SPEAKER", "cue": "CUE", "content": "CONTENT", "quantity": "QTY", "date": "DATE"}
# innermost last: a quantity inside a content span is drawn inside it
NESTING = ["content", "speaker", "cue", "quantity", "date"]
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "one"}


# --------------------------------------------------------------------------------------------- data
def _article_text(row: pd.Series, collections: dict) -> Optional[str]:
    """The article text again, from its source (``.txt`` files; collections by row, each
    collection read once into ``collections``)."""
    path = Path(str(row["source_path"]))
    if not path.exists():
        return None
    if pd.isna(row.get("source_row")):
        doc = read_text_file(path, str(path))
        return doc.text if not doc.error else None
    if path not in collections:
        from .reading import iter_documents

        collections[path] = {doc.source_row: doc.text for doc in iter_documents([path])}
    return collections[path].get(int(row["source_row"]))


def summary(frames: dict) -> dict:
    """The summary cards: counts, share of named sources, the most quoted sources of the run (by
    run-level speaker key, so "Putin" and "Vladimir Putin" count as one), facts and disputes."""
    arts, claims, facts = frames["articles"], frames["claims"], frames["facts"]
    named = claims.speaker_type.isin(["person", "organization", "country_or_group", "document"]).sum()
    sp = frames["speakers"]
    sp = sp[(sp.scope == "run") & ~sp.name.str.lower().isin(PRONOUNS)]  # named sources only
    top = [(r.name, int(r.n_claims), int(r.n_articles)) for r in sp.head(10).itertuples()]
    per_fact = facts.groupby("fact_id", sort=False).disputed.first()
    return {
        "facts": len(per_fact), "disputed": int(per_fact.sum()),
        "articles": len(arts),
        "failed": int((arts.status == "error").sum()),
        "undated": int(((arts.status == "ok") & arts.published.isna()).sum()),
        "claims": len(claims),
        "named_share": (named / len(claims)) if len(claims) else 0.0,
        "top_speakers": top,
        "speaker_types": list(claims.speaker_type.value_counts().items()),
        "quantities": len(frames["quantities"]),
        "dates": len(frames["dates"]),
    }


# -------------------------------------------------------------------------------------------- plots
def _svg(width: int, height: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="{html.escape(title)}" viewBox="0 0 {width} {height}">' + "".join(body) + "</svg>")


def claims_over_time_svg(claims: pd.DataFrame, width: int = 640, height: int = 220) -> str:
    """Bars of claims per month of claim date."""
    dates = pd.to_datetime(claims.claim_date, errors="coerce").dropna()
    if dates.empty:
        return "<p class='empty'>No claim dates.</p>"
    counts = dates.dt.to_period("M").value_counts().sort_index()
    months = pd.period_range(counts.index.min(), counts.index.max(), freq="M")
    counts = counts.reindex(months, fill_value=0)
    pad, top = 40, int(counts.max()) or 1
    bw = (width - 2 * pad) / len(counts)
    body = [f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#888"/>']
    for i, (month, n) in enumerate(counts.items()):
        h = (height - 2 * pad) * n / top
        x = pad + i * bw
        body.append(f'<rect x="{x + 1:.1f}" y="{height - pad - h:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}" '
                    f'fill="{PALETTE[0]}"><title>{month}: {n} claims</title></rect>')
        if len(counts) <= 24 or i % max(len(counts) // 12, 1) == 0:
            body.append(f'<text x="{x + bw / 2:.1f}" y="{height - pad + 14}" font-size="10" text-anchor="middle">'
                        f'{html.escape(str(month))}</text>')
    body.append(f'<text x="{pad - 6}" y="{pad}" font-size="10" text-anchor="end">{top}</text>')
    return _svg(width, height, body, "Claims over time by claim date")


def _compact(v: float) -> str:
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= scale:
            return f"{v / scale:.3g}{suffix}"
    return f"{v:.3g}"


# -------------------------------------------------------------------------------------------- facts
def _sources(facts: pd.DataFrame, speakers: pd.DataFrame) -> pd.Series:
    """Who gives each figure, by run-level source: the speaker's fullest name in the run (so
    "Lopez" and "Maria Lopez" are one source), else the outlet that printed it unattributed."""
    names = speakers.drop_duplicates("speaker_key").set_index("speaker_key").name
    who = facts.speaker_key.map(names).fillna(facts.speaker_canonical)
    outlet = facts.publisher.fillna(facts.article_id).astype("string") + " (unattributed)"
    return who.fillna(outlet).astype(str)


def fact_groups(facts: pd.DataFrame, speakers: pd.DataFrame, limit: int = 60) -> list[dict]:
    """The facts of a run for the report, in the order of ``facts.csv`` (disputed first), each
    with its figures in claim-date order and a timeline; at most ``limit`` facts."""
    out = []
    facts = facts.assign(src=_sources(facts, speakers))
    for fact_id, g in facts.groupby("fact_id", sort=False):
        if len(out) >= limit:
            break
        g = g.sort_values(["claim_date", "article_id"], kind="stable")
        rows = [{"date": "" if pd.isna(r.claim_date) else str(r.claim_date.date()), "source": r.src,
                 "text": str(r.text), "publisher": r.publisher if isinstance(r.publisher, str) else "",
                 "article_id": str(r.article_id), "repeat": isinstance(r.repeat_of, str)}
                for r in g.itertuples(index=False)]
        out.append({"id": fact_id, "label": str(g.fact.iloc[0]), "disputed": bool(g.disputed.iloc[0]),
                    "n_articles": int(g.n_articles.iloc[0]), "n_sources": int(g.n_sources.iloc[0]),
                    "rows": rows, "svg": fact_timeline_svg(g)})
    return out


def fact_timeline_svg(g: pd.DataFrame, width: int = 560, height: int = 170) -> str:
    """Each source's figure for one fact over claim date: a dot at the figure, a bar over the
    range it stands for (to the edge when open, "at least 41"); one colour per source (``src``)."""
    pad_l, pad_r, pad_t, pad_b = 56, 190, 12, 26
    g = g.assign(when=pd.to_datetime(g.claim_date, errors="coerce"))
    g = g.dropna(subset=["when"])
    if g.empty:
        return ""
    point = g.value.astype("Float64").fillna(g.low).fillna(g.high).astype(float)
    lo = g.range_low.astype("Float64").astype(float)
    hi = g.range_high.astype("Float64").astype(float)
    finite = pd.concat([point, lo, hi]).dropna()
    vmin, vmax = float(finite.min()), float(finite.max())
    margin = (vmax - vmin) * 0.15 or abs(vmax) * 0.1 or 1.0
    vmin, vmax = vmin - margin, vmax + margin
    t0, t1 = g.when.min(), g.when.max()
    days = max((t1 - t0).days, 0)
    plot_w, plot_h = width - pad_l - pad_r, height - pad_t - pad_b

    def x(when, i: int) -> float:
        if days == 0:
            return pad_l + plot_w * (i + 1) / (len(g) + 1)
        return pad_l + plot_w * ((when - t0).days / days) * 0.9 + plot_w * 0.05

    def y(v: float) -> float:
        v = min(max(v, vmin), vmax)
        return pad_t + plot_h * (1 - (v - vmin) / (vmax - vmin))

    sources = list(dict.fromkeys(g.src))
    body = [f'<line x1="{pad_l}" y1="{pad_t + plot_h}" x2="{pad_l + plot_w}" y2="{pad_t + plot_h}" stroke="#888"/>',
            f'<line x1="{pad_l}" y1="{pad_t}" x2="{pad_l}" y2="{pad_t + plot_h}" stroke="#888"/>',
            f'<text x="{pad_l - 4}" y="{pad_t + 8}" font-size="10" text-anchor="end">{_compact(vmax)}</text>',
            f'<text x="{pad_l - 4}" y="{pad_t + plot_h}" font-size="10" text-anchor="end">{_compact(vmin)}</text>',
            f'<text x="{pad_l}" y="{height - 8}" font-size="10">{t0.date()}</text>']
    if days:
        body.append(f'<text x="{pad_l + plot_w}" y="{height - 8}" font-size="10" text-anchor="end">{t1.date()}</text>')
    for i, (r, p, a, b) in enumerate(zip(g.itertuples(), point, lo, hi)):
        color = PALETTE[sources.index(r.src) % len(PALETTE)]
        cx = x(r.when, i)
        top = pad_t if pd.isna(b) else y(b)
        bottom = pad_t + plot_h if pd.isna(a) else y(a)
        tip = html.escape(f"{r.src}: {r.text} ({r.when.date()}, {r.publisher if isinstance(r.publisher, str) else ''})")
        body.append(f'<line x1="{cx:.1f}" y1="{top:.1f}" x2="{cx:.1f}" y2="{bottom:.1f}" stroke="{color}" '
                    f'stroke-width="3" stroke-opacity="0.45"/>')
        if not pd.isna(p):
            body.append(f'<circle cx="{cx:.1f}" cy="{y(p):.1f}" r="5" fill="{color}"><title>{tip}</title></circle>')
    for i, who in enumerate(sources[:9]):
        body.append(f'<rect x="{width - pad_r + 12}" y="{pad_t + 14 * i}" width="10" height="10" '
                    f'fill="{PALETTE[i % len(PALETTE)]}"/><text x="{width - pad_r + 27}" y="{pad_t + 9 + 14 * i}" '
                    f'font-size="10">{html.escape(who[:32])}</text>')
    return _svg(width, height, body, f"Figures for {g.fact.iloc[0]} by source over time")


# ------------------------------------------------------------------------------------- highlighting
def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escaped HTML of ``text`` with (start, end, kind, title) spans marked, displaCy style.

    The text is cut wherever a span starts or ends; each piece is wrapped in the marks of the
    spans covering it, so overlapping spans never produce broken markup.
    """
    spans = list({(s, e, k): (max(0, s), min(len(text), e), k, t) for s, e, k, t in spans if e > s}.values())
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        active = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        active.sort(key=lambda sp: NESTING.index(sp[2]))
        for s, e, kind, title in reversed(active):
            label = f'<span class="lbl">{LABELS[kind]}</span>' if e == b else ""  # at the span's end
            piece = f'<mark class="{kind}" title="{html.escape(title)}">{piece}{label}</mark>'
        out.append(piece)
    return "".join(out)


def article_spans(aid: str, frames: dict) -> list[tuple[int, int, str, str]]:
    spans = []
    for _, c in frames["claims"][frames["claims"].article_id == aid].iterrows():
        if not pd.isna(c.speaker_start):
            spans.append((int(c.speaker_start), int(c.speaker_end), "speaker", f"{c.speaker_canonical} ({c.speaker_type})"))
        spans.append((int(c.cue_start), int(c.cue_end), "cue", f"{c.claim_id}"))
        pieces = str(c.content_spans).split(";") if isinstance(c.content_spans, str) else [f"{c.content_start}-{c.content_end}"]
        for p in pieces:
            s, e = p.split("-")
            spans.append((int(s), int(e), "content", f"{c.claim_id}: {c.quote}"))
    for _, q in frames["quantities"][frames["quantities"].article_id == aid].iterrows():
        spans.append((int(q.start), int(q.end), "quantity", f"{q.qualifier} {q.value if not pd.isna(q.value) else ''}"))
    for _, d in frames["dates"][frames["dates"].article_id == aid].iterrows():
        spans.append((int(d.start), int(d.end), "date", f"{d.type} {d.value}"))
    return spans


# ------------------------------------------------------------------------------------------- render
def render_html(out_dir: str | os.PathLike, *, max_articles: int = 200) -> str:
    """The whole report as one HTML string."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    frames = load(out_dir)
    env = Environment(loader=PackageLoader("extract", "templates"), autoescape=select_autoescape(["html", "j2"]))
    articles = []
    collections: dict = {}
    for _, a in frames["articles"].head(max_articles).iterrows():
        text = _article_text(a, collections) if a.status == "ok" else None
        claims = frames["claims"][frames["claims"].article_id == a.article_id]
        articles.append({
            "id": a.article_id, "title": a.title if isinstance(a.title, str) else a.source_path,
            "publisher": a.publisher if isinstance(a.publisher, str) else "",
            "published": a.published.date().isoformat() if not pd.isna(a.published) else "",
            "status": a.status, "error": a.error if isinstance(a.error, str) else "",
            "html": highlight(text, article_spans(a.article_id, frames)) if text is not None else None,
            "claims": [{k: ("" if pd.isna(v) else v) for k, v in r.items()} for _, r in
                       claims[["speaker", "speaker_canonical", "speaker_type", "cue", "content", "quote",
                               "claim_date"]].iterrows()],
        })
    page = env.get_template("report.html.j2").render(
        s=summary(frames), over_time=claims_over_time_svg(frames["claims"]),
        facts=fact_groups(frames["facts"], frames["speakers"]),
        articles=articles, generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), out_dir=str(out_dir),
        shown=len(articles), total=len(frames["articles"]))
    return page


def write_html(out_dir: str | os.PathLike, path: str | os.PathLike) -> Path:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render_html(out_dir), encoding="utf-8")
    os.replace(tmp, path)
    return path


def show(out_dir: str | os.PathLike, article: str, console=None) -> int:
    """Print one article's claims as a table, then the facts it gives a figure for, each with every
    article's figure for it (this article's rows marked). ``article`` is an article_id or a source
    path. Returns how many claims."""
    from rich.console import Console
    from rich.table import Table

    frames = load(out_dir)
    arts = frames["articles"]
    hit = arts[(arts.article_id == article) | (arts.source_path == article) |
               arts.source_path.map(lambda p: Path(p).name == Path(article).name)]
    if hit.empty:
        raise LookupError(f"no article {article!r} in {out_dir}")
    a = hit.iloc[0]
    console = console or Console()
    claims = frames["claims"][frames["claims"].article_id == a.article_id]
    table = Table(title=f"{a.title if isinstance(a.title, str) else a.source_path} — {len(claims)} claims",
                  show_lines=True, expand=True)
    for col in ("speaker", "type", "cue", "content", "quote", "date"):
        table.add_column(col, overflow="fold")
    for _, c in claims.iterrows():
        who = c.speaker_canonical if isinstance(c.speaker_canonical, str) else "—"
        table.add_row(who, str(c.speaker_type), str(c.cue), str(c.content), str(c.quote),
                      "" if pd.isna(c.claim_date) else str(c.claim_date.date()))
    console.print(table)
    show_facts(frames, a.article_id, console)
    return len(claims)


def show_facts(frames: dict, article_id: str, console) -> int:
    """Print the facts an article gives a figure for: per fact, every article's figure for it,
    this article's marked "▶". Returns how many facts."""
    from rich.table import Table

    facts = frames["facts"]
    ids = list(dict.fromkeys(facts.fact_id[facts.article_id == article_id]))
    if not ids:
        console.print("No facts: no other article of the run gives a figure for what this one measures.")
        return 0
    rows = facts[facts.fact_id.isin(ids)]
    rows = rows.assign(src=_sources(rows, frames["speakers"]))
    for fact_id in ids:
        g = rows[rows.fact_id == fact_id].sort_values(["claim_date", "article_id"], kind="stable")
        status = "[bold red]disputed[/]" if bool(g.disputed.iloc[0]) else "no dispute"
        table = Table(title=f"Fact: {g.fact.iloc[0]} — {status}, {int(g.n_articles.iloc[0])} articles",
                      expand=True)
        for col in ("", "date", "source", "figure", "publisher"):
            table.add_column(col, overflow="fold")
        for r in g.itertuples(index=False):
            table.add_row("▶" if r.article_id == article_id else "",
                          "" if pd.isna(r.claim_date) else str(r.claim_date.date()), r.src,
                          str(r.text) + (" (repeated)" if isinstance(r.repeat_of, str) else ""),
                          r.publisher if isinstance(r.publisher, str) else str(r.article_id))
        console.print(table)
    return len(ids)
