"""provenance: which text is a translated news article from, who reported it to whom, and how well we know.

The Python API behind the ``provenance`` command::

    from provenance import check, build_chain, evaluate, make_translator
    result = check("article.en.txt", ["source.sr.txt", "other.bs.txt"])
    print(result.source, result.ranking[0].score.match_score)
"""
__version__ = "0.1.0"

import os as _os
import signal as _signal
import sys as _sys

if _os.path.basename(_sys.argv[0]) == "provenance" or _sys.orig_argv[1:3] == ["-m", "provenance.cli"]:
    # The command line: a Ctrl-C while the modules below load (seconds on a busy machine) has
    # nothing to lose; end as any interrupt does, not with an import traceback. cli.main takes over.
    def _interrupted_while_loading(signum, frame):
        _os.write(2, b"provenance: interrupted\n")
        _os._exit(130)

    if _signal.getsignal(_signal.SIGINT) is not _signal.SIG_IGN:
        _signal.signal(_signal.SIGINT, _interrupted_while_loading)

from .errors import CorpusError, InputError, ModelError, ProvenanceError  # noqa: E402

# The API is imported when first used, not with the package: `provenance check` then never compiles the
# attribution grammar (a quarter of a second of regular expressions) and `provenance chain` never loads alignment.
_LAZY = {"check": ".compare.check", "CheckResult": ".compare.check", "build_chain": ".attribution.chain",
         "evaluate": ".evaluation.evaluate", "load_text": ".text.document", "make_translator": ".translate.factory"}


def __getattr__(name):
    if name in _LAZY:
        import importlib
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["check", "CheckResult", "load_text", "make_translator", "build_chain", "evaluate",
           "ProvenanceError", "InputError", "ModelError", "CorpusError", "__version__"]
