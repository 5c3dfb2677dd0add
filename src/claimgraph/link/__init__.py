"""Cross-document work on stored analyses: near-duplicates, claim clusters, relations, origins, timeline."""
