"""Comparing an English article with candidate sources: anchors, alignment, scores, the check itself."""
