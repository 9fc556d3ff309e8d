"""Cross-document linking: copies, timeline, claims, entities. Works on stage objects only."""
