"""Evaluation against the public corpora: ``extract eval polnear|newsquant|timeml|speakers``.

Each module reads one corpus format, runs the library on it and returns a dict of scores that the
CLI prints; the same functions back the quality-floor tests.
"""
