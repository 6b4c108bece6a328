"""Every renderer the CLI offers resolves to a function (they are imported on first use)."""
import importlib

from provenance.render.registry import RENDERERS


def test_every_renderer_names_a_function_that_exists():
    for kind, renderers in RENDERERS.items():
        for fmt, renderer in renderers.items():
            module, name = renderer.function.split(":")
            assert callable(getattr(importlib.import_module(f"provenance.render.{module}"), name)), (kind, fmt)


def test_a_check_does_not_import_the_evaluation_renderer():
    import subprocess
    import sys

    code = ("import sys, provenance.cli; from provenance.render.registry import RENDERERS; "
            "print('provenance.render.evaluation' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
