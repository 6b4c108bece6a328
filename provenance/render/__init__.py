"""Rendering results for people and programs; nothing here computes a score."""
