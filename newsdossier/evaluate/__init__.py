"""Scoring extractors against gold data: readers for gold formats and the metrics."""
