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

from .attribution.chain import build_chain  # noqa: E402
from .compare.check import CheckResult, check  # noqa: E402
from .errors import CorpusError, InputError, ModelError, ProvenanceError  # noqa: E402
from .evaluation.evaluate import evaluate  # noqa: E402
from .text.document import load_text  # noqa: E402
from .translate.factory import make_translator  # noqa: E402

__all__ = ["check", "CheckResult", "load_text", "make_translator", "build_chain", "evaluate",
           "ProvenanceError", "InputError", "ModelError", "CorpusError", "__version__"]
