"""The per-document NLP stage: spaCy pipeline, extractors as components, stage objects out."""
