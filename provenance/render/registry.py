"""Every output format, by the kind of result it renders: the CLI dispatches through ``RENDERERS``.

A new format is a function ``(result) -> str`` (or one that draws on a rich console) and one line
here; the CLI's ``--format`` choices follow.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import import_module
from typing import Callable


@dataclass(frozen=True)
class Renderer:
    function: str  # "module:function" under provenance.render, imported on first use: a check need not
    # import the evaluation's renderer (and the evaluation package behind it)
    console: bool = False  # draws on a rich console (the terminal, or plain text in a file)
    options: tuple[str, ...] = ()  # keyword options it takes (--details, --cases)
    as_json: bool = False  # the function gives a dict, printed as JSON

    def __call__(self, result, *console, **options):
        module, name = self.function.split(":")
        function: Callable = getattr(import_module(f"{__package__}.{module}"), name)
        output = function(result, *console, **{k: v for k, v in options.items() if k in self.options})
        return _json(output) if self.as_json else output


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _evaluation_dict(result, cases: bool = False) -> dict:
    return result.as_dict(cases)


RENDERERS: dict[str, dict[str, Renderer]] = {
    "check": {
        "text": Renderer("check:print_check", console=True, options=("details",)),
        "json": Renderer("check:check_to_dict", as_json=True),
        "markdown": Renderer("check:check_markdown"),
    },
    "chain": {
        "text": Renderer("chain:print_chain", console=True),
        "json": Renderer("chain:chain_to_dict", as_json=True),
        "markdown": Renderer("chain:chain_markdown"),
        "dot": Renderer("graph:chain_dot"),
        "mermaid": Renderer("graph:chain_mermaid"),
    },
    "evaluation": {
        "text": Renderer("evaluation:print_evaluation", console=True),
        "json": Renderer("registry:_evaluation_dict", as_json=True, options=("cases",)),
    },
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(RENDERERS[kind])
