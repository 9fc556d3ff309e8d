"""HTML pages to article text and metadata; the only importer of trafilatura.

trafilatura finds the main text (dropping navigation, footers, scripts and comment sections) and
the metadata the page states: title, date, author, site name (our ``outlet``) and canonical URL.
Its text has one block (paragraph, heading, list item) per line; we separate blocks with a blank
line, the paragraph convention of every later stage.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

from newsdossier.errors import RecordError

# Only dates the page itself states (meta tags, <time>, visible dateline), not guesses from
# the URL or free text: ingest reports what the source says; inference is a later stage.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Fewer words than this is page furniture, not an article ("Home", "Log in | Subscribe"); the
# shortest real briefs (a one-sentence wire flash) run past a dozen words.
MIN_ARTICLE_WORDS = 8

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page holds: main text (paragraphs split by blank lines) and stated metadata."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text and metadata of one page; raises :class:`RecordError` (``no-article-text``)."""
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params=DATE_PARAMS,
    )
    text = _paragraphs(result.text if result is not None else None)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise RecordError(
            "no-article-text",
            "no article text was found in this HTML page (it may be an index, a login wall or a "
            "script-rendered page); save the article's text or its rendered HTML instead",
        )
    return Page(
        text=text,
        title=_clean(result.title),
        published=_clean(result.date),
        author=_clean(result.author),
        outlet=_clean(result.sitename),
        url=_clean(result.url) or url,
    )


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    blocks = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return "\n\n".join(block for block in blocks if block)


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


__all__ = ["Page", "extract_page"]
