"""Measuring the tool against annotated corpora."""
