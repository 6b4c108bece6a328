"""Texts: reading documents, splitting sentences, identifying language and variant."""
