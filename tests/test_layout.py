"""The layout's rules that import-linter cannot see (its contracts, in pyproject.toml, check
which modules import which; `make lint` runs them)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(p for p in (ROOT / "studyapp").rglob("*.py") if "migrations" not in p.parts)


def _private_imports(path: Path, root: Path = ROOT) -> list[str]:
    """`from x import _name`: a private helper used outside its module. (Dunder names such as
    __version__ are public.)"""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(root)}:{node.lineno} imports {alias.name} from {node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]


def test_the_scan_finds_a_private_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from __future__ import annotations\n"
        "from studyapp.text import names, __doc__\n"
        "def f():\n    from studyapp.decks.generate import _helper\n",
        encoding="utf-8",
    )
    assert _private_imports(bad, tmp_path) == [
        "bad.py:4 imports _helper from studyapp.decks.generate"
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_another_modules_private_names(path):
    assert _private_imports(path) == []
