"""Every output format, by the kind of result it renders: the CLI dispatches through ``RENDERERS``.

A new format is a function ``(result) -> str`` (or one that draws on a rich console) and one line
here; the CLI's ``--format`` choices follow.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from .chain import chain_markdown, chain_to_dict, print_chain
from .check import check_markdown, check_to_dict, print_check
from .evaluation import print_evaluation
from .graph import chain_dot, chain_mermaid


@dataclass(frozen=True)
class Renderer:
    function: Callable
    console: bool = False  # draws on a rich console (the terminal, or plain text in a file)
    options: tuple[str, ...] = ()  # keyword options it takes (--details, --cases)

    def __call__(self, result, *console, **options):
        return self.function(result, *console, **{k: v for k, v in options.items() if k in self.options})


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, dict[str, Renderer]] = {
    "check": {
        "text": Renderer(print_check, console=True, options=("details",)),
        "json": Renderer(lambda result: _json(check_to_dict(result))),
        "markdown": Renderer(check_markdown),
    },
    "chain": {
        "text": Renderer(print_chain, console=True),
        "json": Renderer(lambda chain: _json(chain_to_dict(chain))),
        "markdown": Renderer(chain_markdown),
        "dot": Renderer(chain_dot),
        "mermaid": Renderer(chain_mermaid),
    },
    "evaluation": {
        "text": Renderer(print_evaluation, console=True),
        "json": Renderer(lambda result, cases=False: _json(result.as_dict(cases)), options=("cases",)),
    },
}


def formats(kind: str) -> tuple[str, ...]:
    return tuple(RENDERERS[kind])
