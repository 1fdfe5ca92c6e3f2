"""Imports run one way: shared words <- content <- features, and features never import each other.

Read from the source with `ast`, so a new import that breaks the layering fails here, with the file
and line, before it becomes a cycle. The layout is described in README.md ("Layout").
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ("backpain.guide", "backpain.checker", "backpain.routines", "backpain.running", "backpain.prescribe")
CONTENT = "backpain.content"
# Project-wide helpers that any app may use; they use no app but content.
SHARED = ("backpain.vocabulary", "backpain.markdown", "backpain.services", "backpain.caching", "backpain.qr",
          "backpain.dose")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Every module this file imports, absolute, with its line (relative imports resolved)."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = []
    for node in ast.walk(ast.parse(source or path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.append((node.lineno, module))
            # `from backpain import vocabulary` imports a module too.
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


SOURCES = sorted((ROOT / "backpain").rglob("*.py"))


def broken_rules(path: Path, source: str | None = None) -> list[str]:
    me = module_name(path)
    problems = []
    for line, module in imports(path, source):
        where = f"{path.relative_to(ROOT)}:{line} imports {module}"
        if not within(module, "backpain"):
            if me == "backpain.vocabulary" and within(module, "django"):
                problems.append(f"{where}: the shared words use no Django")
            continue
        if ".migrations" in module and ".migrations" not in me:
            problems.append(f"{where}: code never imports a migration")
        if within(me, CONTENT) and any(within(module, feature) for feature in FEATURES):
            problems.append(f"{where}: content must not depend on a feature app")
        if any(within(me, shared) for shared in SHARED) and any(within(module, f) for f in FEATURES):
            problems.append(f"{where}: shared helpers must not depend on a feature app")
        if me == "backpain.vocabulary":
            problems.append(f"{where}: the shared words import nothing of the project")
        for feature in FEATURES:
            if within(me, feature):
                others = [f for f in FEATURES if f != feature and within(module, f)]
                if others:
                    problems.append(f"{where}: feature apps never import each other (link by URL name)")
    return problems


def test_the_sources_are_found():
    names = {module_name(path) for path in SOURCES}
    assert {"backpain.vocabulary", "backpain.content.models", "backpain.checker.rules",
            "backpain.routines.compose", "backpain.guide.views"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_imports_run_one_way(path):
    assert broken_rules(path) == []


def test_the_rule_catches_a_feature_importing_another():
    # The check itself, on a file that breaks it: a routine module importing the checker's rules.
    probe = ROOT / "backpain" / "routines" / "probe.py"
    assert broken_rules(probe, "from backpain.checker import rules\n") == [
        "backpain/routines/probe.py:1 imports backpain.checker: "
        "feature apps never import each other (link by URL name)",
        "backpain/routines/probe.py:1 imports backpain.checker.rules: "
        "feature apps never import each other (link by URL name)",
    ]
    assert broken_rules(ROOT / "backpain" / "content" / "probe.py", "from ..guide.views import home\n") == [
        "backpain/content/probe.py:1 imports backpain.guide.views: content must not depend on a feature app",
        "backpain/content/probe.py:1 imports backpain.guide.views.home: content must not depend on a feature app",
    ]


@pytest.mark.parametrize("path", sorted(Path(__file__).parent.rglob("*.py")), ids=lambda path: path.name)
def test_tests_never_import_a_migration(path):
    assert [module for _, module in imports(path) if ".migrations" in module] == []
