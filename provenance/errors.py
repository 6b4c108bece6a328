"""Errors that the CLI turns into one-line messages and exit statuses."""
from __future__ import annotations

# Exit statuses, documented in README.md.
EXIT_SOURCE_FOUND = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_NO_SOURCE = 3


class ProvenanceError(Exception):
    """An error caused by the user's input or environment, reported without a traceback."""

    exit_code = EXIT_USAGE


class InputError(ProvenanceError):
    """A file or text that cannot be read or used."""


class ModelError(ProvenanceError):
    """A translation model that cannot be found or loaded."""


class CorpusError(ProvenanceError):
    """A malformed evaluation corpus."""


class WorkerError(ProvenanceError):
    """A worker process that ended abruptly (killed, out of memory)."""

    exit_code = EXIT_INTERNAL


class InputWarning(UserWarning):
    """Input that could be read, but maybe not as its author meant (the CLI prints it on stderr)."""
