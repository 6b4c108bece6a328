"""The package layout: packages import only the layers below them, and no module cycle hides anywhere."""
import ast
from pathlib import Path

from conftest import ROOT

# Bottom to top, as in README "Layout". The package root itself is only the API facade (and __version__).
LAYERS = ["errors", "progress", "lexicon", "text", "translate", "attribution", "compare", "evaluation", "archive", "render", "cli"]
RANK = {name: rank for rank, name in enumerate(LAYERS)}
RANK["progress"] = RANK["errors"]  # both are leaves
RANK["memo"] = RANK["errors"]  # a leaf too: results remembered on disk


def _modules() -> dict[str, Path]:
    package = ROOT / "provenance"
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(module: str, path: Path) -> set[str]:
    """provenance modules imported anywhere in ``path`` (inside functions too: a lazy import is no way round)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            if stem.startswith("provenance"):
                targets.add(stem)
                targets.update(f"{stem}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            targets.update(a.name for a in node.names if a.name.startswith("provenance"))
    return targets


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {t for t in _imports(name, path) if t in modules and t != name} for name, path in modules.items()}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_packages_import_only_layers_below():
    upward = []
    for module, targets in _graph().items():
        layer = _layer(module)
        if layer is None:
            continue  # the package root: the public API, importing from every layer
        for target in targets:
            other = _layer(target)
            if other is not None and other != layer and RANK[other] >= RANK[layer]:
                upward.append(f"{module} -> {target}")
    assert not upward


def test_no_import_cycles():
    graph = _graph()
    graph = {m: {t for t in targets if _layer(t) is not None} for m, targets in graph.items() if _layer(m) is not None}
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])
