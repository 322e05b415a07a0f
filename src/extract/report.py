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
LIGHT_VERBS = {"be", "have", "do", "get", "make", "say", "include", "reach", "take"}


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
    arts, claims = frames["articles"], frames["claims"]
    named = claims.speaker_type.isin(["person", "organization", "country_or_group", "document"]).sum()
    who = claims.speaker_canonical.dropna()
    who = who[~who.str.lower().isin(PRONOUNS)]  # an unresolved pronoun is nobody in particular
    top = who.value_counts().head(10)
    return {
        "articles": len(arts),
        "failed": int((arts.status == "error").sum()),
        "claims": len(claims),
        "named_share": (named / len(claims)) if len(claims) else 0.0,
        "top_speakers": list(top.items()),
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


def numeric_claims(frames: dict, min_points: int = 2) -> list[tuple[str, pd.DataFrame]]:
    """Quantities inside claims, grouped by what they count (counted noun, else predicate)."""
    q = frames["quantities"].dropna(subset=["claim_id"])
    if q.empty:
        return []
    c = frames["claims"][["claim_id", "speaker_canonical", "claim_date"]]
    m = q.merge(c, on="claim_id", how="left")
    m["about"] = m.counted.fillna(m.predicate.where(~m.predicate.isin(LIGHT_VERBS)))
    m["number"] = m.value.fillna(m.high).fillna(m.low)
    m = m.dropna(subset=["about", "number"])
    groups = [(str(k), g) for k, g in m.groupby("about") if len(g) >= min_points]
    return sorted(groups, key=lambda kg: -len(kg[1]))[:6]


def _compact(v: float) -> str:
    for scale, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= scale:
            return f"{v / scale:.3g}{suffix}"
    return f"{v:.3g}"


def numeric_svg(about: str, g: pd.DataFrame, width: int = 640, height: int = 220) -> str:
    """Each speaker's numbers about one thing, over claim date."""
    pad = 50
    g = g.assign(when=pd.to_datetime(g.claim_date, errors="coerce"))
    g = g.dropna(subset=["when"])
    if g.empty:
        return ""
    t0, t1 = g.when.min(), g.when.max()
    span = (t1 - t0).total_seconds() or 1.0
    vmax = float(g.number.max()) or 1.0
    speakers = list(dict.fromkeys(g.speaker_canonical.fillna("(no source)")))
    body = [f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#888"/>',
            f'<line x1="{pad}" y1="{pad / 2}" x2="{pad}" y2="{height - pad}" stroke="#888"/>',
            f'<text x="{pad - 4}" y="{pad / 2 + 4}" font-size="10" text-anchor="end">{_compact(vmax)}</text>',
            f'<text x="{pad}" y="{height - pad + 14}" font-size="10">{t0.date()}</text>',
            f'<text x="{width - pad}" y="{height - pad + 14}" font-size="10" text-anchor="end">{t1.date()}</text>']
    for _, r in g.iterrows():
        who = r.speaker_canonical if isinstance(r.speaker_canonical, str) else "(no source)"
        color = PALETTE[speakers.index(who) % len(PALETTE)]
        x = pad + (width - 2 * pad) * ((r.when - t0).total_seconds() / span if span else 0.5)
        y = height - pad - (height - 1.5 * pad) * float(r.number) / vmax
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{color}"><title>{html.escape(who)}: '
                    f'{html.escape(str(r.text))} ({r.when.date()})</title></circle>')
    for i, who in enumerate(speakers[:8]):
        body.append(f'<rect x="{width - 190}" y="{8 + 14 * i}" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
                    f'<text x="{width - 175}" y="{17 + 14 * i}" font-size="10">{html.escape(who[:30])}</text>')
    return _svg(width, height, body, f"Numbers about {about} by speaker")


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
    numeric = [(about, numeric_svg(about, g)) for about, g in numeric_claims(frames)]
    page = env.get_template("report.html.j2").render(
        s=summary(frames), over_time=claims_over_time_svg(frames["claims"]), numeric=[n for n in numeric if n[1]],
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
    """Print one article's claims as a table; ``article`` is an article_id or a source path. Returns how many."""
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
    return len(claims)
