"""The largest modules and functions of studyapp/ (lines, migrations left out), to keep the
layout's aim in sight: no app module over about 500 lines, no function over about 60.

    .venv/bin/python bench/sizes.py [ROOT]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    modules: list[tuple[int, str]] = []
    functions: list[tuple[int, str]] = []
    for path in sorted(root.joinpath("studyapp").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(root))
        modules.append((len(text.splitlines()), name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                functions.append((length, f"{name}::{node.name}"))
    modules.sort(reverse=True)
    functions.sort(reverse=True)
    print(f"modules over 500 lines: {sum(n > 500 for n, _ in modules)}")
    print(f"functions over 60 lines: {sum(n > 60 for n, _ in functions)}")
    for n, name in modules[:8]:
        print(f"{n:6d}  {name}")
    print("  ...")
    for n, name in functions[:8]:
        print(f"{n:6d}  {name}")


if __name__ == "__main__":
    main()
