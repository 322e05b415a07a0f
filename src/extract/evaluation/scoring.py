"""Precision / recall / F1 bookkeeping shared by the evaluations."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PRF:
    tp_p: float = 0.0   # predictions judged correct
    n_p: float = 0.0    # predictions
    tp_g: float = 0.0   # gold items found
    n_g: float = 0.0    # gold items

    def add(self, other: "PRF") -> None:
        self.tp_p += other.tp_p
        self.n_p += other.n_p
        self.tp_g += other.tp_g
        self.n_g += other.n_g

    @property
    def p(self) -> float:
        return self.tp_p / self.n_p if self.n_p else 0.0

    @property
    def r(self) -> float:
        return self.tp_g / self.n_g if self.n_g else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "n_pred": int(self.n_p), "n_gold": int(self.n_g)}


def format_table(rows: dict[str, dict]) -> str:
    """Render {name: {p, r, f1, ...}} as an aligned text table."""
    lines = [f"{'':28} {'P':>7} {'R':>7} {'F1':>7} {'pred':>7} {'gold':>7}"]
    for name, d in rows.items():
        lines.append(f"{name:28} {d['p']:7.3f} {d['r']:7.3f} {d['f1']:7.3f} {d['n_pred']:7d} {d['n_gold']:7d}")
    return "\n".join(lines)
