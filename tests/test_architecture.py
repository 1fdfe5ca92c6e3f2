"""Imports run one way: shared words <- helpers <- content <- features, and features never import each other.

The rules are import-linter contracts in pyproject.toml ([tool.importlinter]), which `make lint` runs
too; they follow indirect imports, so a chain through another module breaks them as well. Here the
suite runs them on the code, and on a copy of it with one bad import, to see that they catch it. The
tests are not in the package, so the rule that tests never import a migration is read here with `ast`.
The layout is described in README.md ("Layout").
"""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run([sys.executable, "-c", LINT], cwd=where, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_code_keeps_the_import_contracts():
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 kept, 0 broken" in run.stdout


@pytest.fixture(scope="module")
def copy_of_the_code(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "backpain", where / "backpain", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where)
    return where


@pytest.mark.parametrize(("path", "source", "broken"), [
    ("backpain/routines/probe.py", "from backpain.checker import rules\n",
     "backpain.routines.probe -> backpain.checker.rules"),
    ("backpain/content/probe.py", "from ..guide.views import home\n", "backpain.content.probe -> backpain.guide.views"),
    ("backpain/markdown_probe.py", "from backpain.content import models\n",
     "backpain.markdown -> backpain.markdown_probe"),
    ("backpain/vocabulary_words.py", "import django\n", "backpain.vocabulary -> backpain.vocabulary_words"),
], ids=["feature-imports-feature", "content-imports-feature", "helper-imports-content-indirectly",
        "shared-words-use-django-indirectly"])
def test_the_contracts_catch_a_bad_import(copy_of_the_code, path, source, broken):
    probe = copy_of_the_code / path
    probe.write_text(source)
    # An indirect import: the helper or the shared words import the probe, which imports what they must not.
    module = {"backpain/markdown_probe.py": "markdown", "backpain/vocabulary_words.py": "vocabulary"}.get(path)
    original = None
    if module:
        target = copy_of_the_code / "backpain" / f"{module}.py"
        original = target.read_text()
        target.write_text(original + f"\nfrom backpain import {probe.stem}  # noqa\n")
    try:
        run = lint_imports(copy_of_the_code)
    finally:
        probe.unlink()
        if original is not None:
            target.write_text(original)
    assert run.returncode == 1, run.stdout
    assert broken in run.stdout and "BROKEN" in run.stdout


def test_the_contracts_catch_code_importing_a_migration(copy_of_the_code):
    probe = copy_of_the_code / "backpain" / "guide" / "probe.py"
    probe.write_text("import backpain.content.migrations  # noqa\n")
    try:
        run = lint_imports(copy_of_the_code)
    finally:
        probe.unlink()
    assert run.returncode == 1 and "Code never imports a migration BROKEN" in " ".join(run.stdout.split())


def imports(path: Path) -> list[str]:
    """Every module a test file imports (`from backpain.content import migrations` counts as one)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return found


@pytest.mark.parametrize("path", sorted(Path(__file__).parent.rglob("*.py")), ids=lambda path: path.name)
def test_tests_never_import_a_migration(path):
    assert [module for module in imports(path) if ".migrations" in module] == []
