"""Reproducible builders for what lives in ``models/`` (each writes its files and model card)."""
