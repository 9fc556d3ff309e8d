"""Cleaning scraped text: page furniture out, metadata (title, date, author, outlet) in.

``clean_record(record, stats)`` turns one :class:`~newsdossier.model.RawRecord` into a
:class:`~newsdossier.model.Document` (or a :class:`~newsdossier.model.Rejection` with reason
``no-article-text`` when nothing of an article is left); ``CorpusStats.from_texts(texts)`` is
computed once per corpus beforehand so that lines repeated across many documents are recognised as
templates. Every removed line is kept in ``Document.removed`` with one of these reasons
(``removal_reasons()``):

* read as metadata: ``title``, ``repeated-title``, ``dateline``, ``byline``, ``source-trailer``,
  ``credit-trailer``;
* furniture families (patterns in ``newsdossier/data/clean/furniture.json``): ``comment-widget``,
  ``moderation-notice``, ``share-prompt``, ``navigation``, ``related-list``, ``advertisement``,
  ``view-counter``, ``image-credit``, ``cookie-notice``, ``paywall``, ``media-player``, ``promo``,
  ``agency-signoff``, ``social-embed``, ``contact``, ``copyright``;
* line evidence: ``image-caption`` (the headline with a gallery index), ``separator``, ``numeric``
  (bare numbers at the edges), ``section-label`` (short labels above the headline), ``boilerplate``
  (a line repeated across the corpus, at the edges).

Modules: ``normalize`` (str -> str cleaners), ``lines`` (line evidence), ``furniture`` (line
classifiers), ``metadata`` (dateline, byline and outlet parsers), ``stats`` (corpus statistics),
``document`` (``clean_record``), ``evaluate`` (sentence retention), ``commands`` (CLI).
"""

from __future__ import annotations

from newsdossier.clean.document import clean_record, removal_reasons
from newsdossier.clean.normalize import normalize_text
from newsdossier.clean.stats import CorpusStats

__all__ = ["CorpusStats", "clean_record", "normalize_text", "removal_reasons"]
