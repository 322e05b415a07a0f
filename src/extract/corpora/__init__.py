"""Annotated corpora that both :mod:`extract.training` and :mod:`extract.evaluation` read.

* :mod:`.polnear`: the PolNeAR reader and its deterministic folds (for train-validation);
* :mod:`.parses`: a parse cache (spaCy ``DocBin`` files keyed by text hash and model) that makes
  repeated training and evaluation runs skip the parser. The ``extract run`` path never uses it.
"""
