"""Static layout rules: the import graph of services/ and events/ has no cycle and respects the layers."""

from __future__ import annotations

import ast
import functools
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("services", "events")
MAX_LINES = 300
INFRASTRUCTURE = {"faststream", "aiokafka", "prometheus_client", "structlog", "logging", "psycopg", "sqlite3"}
INFRASTRUCTURE |= {"fastapi", "uvicorn", "httpx", "typer", "cloudevents", "pydantic_settings"}
SERVICES = tuple(f"services.{s}" for s in ("opvang", "huisvesting", "inburgering", "mzd"))
CORE = ("services.runtime", "services.domain", *SERVICES, "services.rapportage", "services.catalogus", "events")
ABOVE_THE_CORE = ("services.stack", "services.entrypoints.cli", "services.demo", "services.bench")
NOT_RUNTIME = SERVICES + tuple("services." + s for s in "rapportage catalogus entrypoints demo bench stack".split())


def under(name: str, *prefixes: str) -> bool:
    """Whether a dotted name is one of the prefixes or lies inside one of them."""
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def source_files(*tops: str) -> list[Path]:
    """Every .py file under the given top-level directories."""
    return sorted(p for top in tops for p in (ROOT / top).rglob("*.py"))


def _import_nodes(node: ast.AST):
    """All import statements at any depth, except those inside `if TYPE_CHECKING:`."""
    skip = isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
    for child in node.orelse if skip else ast.iter_child_nodes(node):
        yield from [child] if isinstance(child, ast.Import | ast.ImportFrom) else _import_nodes(child)


def imports_of(source: str, module: str, is_package: bool) -> set[str]:
    """Absolute dotted names imported by a module: `import a.b` -> a.b, `from a import b` -> a.b."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in _import_nodes(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            anchor = package.rsplit(".", node.level - 1)[0] if node.level else ""
            base = ".".join(filter(None, (anchor, node.module)))
            names |= {base if alias.name == "*" else f"{base}.{alias.name}" for alias in node.names}
        else:
            names |= {alias.name for alias in node.names}
    return names


@functools.cache
def modules() -> dict[str, Path]:
    """The project modules under services/ and events/ by dotted name; a package's `__init__` is the package."""
    dotted = {".".join(p.relative_to(ROOT).with_suffix("").parts): p for p in source_files(*PROJECT)}
    return {name.removesuffix(".__init__"): path for name, path in dotted.items()}


def resolve(name: str) -> str:
    """A project name to the longest project module that it names; other names stay as they are."""
    parts = name.split(".")
    prefixes = (".".join(parts[:i]) for i in range(len(parts), 0, -1))
    return next((prefix for prefix in prefixes if prefix in modules()), name)


@functools.cache
def graph() -> dict[str, frozenset[str]]:
    """Per project module everything it imports, project names resolved to modules."""
    read = {m: imports_of(p.read_text(encoding="utf-8"), m, p.name == "__init__.py") for m, p in modules().items()}
    return {m: frozenset(map(resolve, names)) for m, names in read.items()}


def project_graph() -> dict[str, set[str]]:
    """The import graph restricted to project modules, without self-imports."""
    return {m: {t for t in ts if t in modules() and t != m} for m, ts in graph().items()}


def strongly_connected(g: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, each sorted."""
    index, low, stack, found = {}, {}, [], []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            at = stack.index(v)
            found.append(sorted(stack[at:]))
            del stack[at:]
    for v in sorted(g):
        if v not in index:
            visit(v)
    return found


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """A shortest cycle (first module repeated at the end) through each component of more than one module."""
    result = []
    for start, *rest in (c for c in strongly_connected(g) if len(c) > 1):
        paths, queue = {start: [start]}, [start]
        for v in queue:  # breadth first, inside the component, back to start
            if start in g[v]:
                result.append(paths[v] + [start])
                break
            for w in sorted(g[v] & set(rest) - paths.keys()):
                paths[w] = paths[v] + [w]
                queue.append(w)
    return result


def reachable(g: dict[str, set[str]], start: str) -> set[str]:
    """Every module transitively imported by start."""
    seen, todo = set(), [start]
    while todo:
        new = g[todo.pop()] - seen
        seen |= new
        todo += new
    return seen


def allowed_in_domain(module: str, name: str) -> bool:
    """stdlib bar infrastructure, stdnum, eventsourcing.domain, services.domain and the own services.<svc>.domain."""
    if under(name, *PROJECT):
        return under(name, "services.domain", ".".join(module.split(".")[:3]))
    top = name.split(".")[0]
    stdlib = top in sys.stdlib_module_names and top not in INFRASTRUCTURE
    return stdlib or top == "stdnum" or under(name, "eventsourcing.domain")


def imports_into(g: dict[str, set[str]], sources: tuple[str, ...], targets: tuple[str, ...]) -> list[str]:
    """Every import by a module under sources of a module under targets."""
    return [f"{m} imports {t}" for m in g if under(m, *sources) for t in sorted(g[m]) if under(t, *targets)]


def fail_if(offenders: list[str], header: str) -> None:
    if offenders:
        pytest.fail(f"{header} ({len(offenders)}):\n  " + "\n  ".join(sorted(offenders)), pytrace=False)


def test_the_walker_sees_the_project():
    src = "from . import a\nfrom ..b import c\nimport x.y\ndef f():\n    from z import w\n"
    src += "if TYPE_CHECKING:\n    import hidden\nelse:\n    import shown\n"
    assert imports_of(src, "p.q.m", is_package=False) == {"p.q.a", "p.b.c", "x.y", "z.w", "shown"}
    assert imports_of("from . import a\nfrom .. import b", "p.q", is_package=True) == {"p.q.a", "p.b"}
    assert len(modules()) > 40, sorted(modules())
    assert resolve("services.domain.Domeinfout") == "services.domain"
    assert {"services.runtime.settings", "services.catalogus", "structlog"} <= graph()["services.stack"]


def test_the_cycle_finder_finds_a_cycle():
    g = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(g) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    assert reachable(g, "b") == {"a", "b", "c", "d"}


def test_the_import_graph_of_services_and_events_has_no_cycle():
    fail_if([" -> ".join(c) for c in cycles(project_graph())], "import cycles")


def test_domain_modules_import_no_infrastructure():
    domain = [m for m in graph() if under(m, "services.domain") or re.fullmatch(r"services\.\w+\.domain(\..+)?", m)]
    assert len(domain) > 10, domain
    offenders = [f"{m} imports {n}" for m in domain for n in sorted(graph()[m]) if not allowed_in_domain(m, n)]
    fail_if(offenders, "domain modules importing infrastructure or outer layers")


def test_nothing_below_the_composition_root_imports_it():
    g = project_graph()
    below = reachable(g, "services.stack") - {"services.stack"}
    offenders = [f"{m} imports services.stack, which imports it" for m in below if "services.stack" in g[m]]
    offenders += imports_into(g, CORE, ABOVE_THE_CORE)
    fail_if(offenders, "modules below the composition root importing it or the layers above")


def test_the_runtime_knows_no_service():
    offenders = imports_into(project_graph(), ("services.runtime",), NOT_RUNTIME)
    fail_if(offenders, "runtime modules importing a service or an outer layer")


def test_every_module_opens_with_a_one_line_docstring():
    texts = {p: p.read_text(encoding="utf-8") for p in source_files(*PROJECT, "tests")}
    docs = {p: ast.get_docstring(ast.parse(t), clean=False) if t.strip() else "empty file" for p, t in texts.items()}
    offenders = [str(p.relative_to(ROOT)) for p, doc in docs.items() if not (doc and doc.split("\n")[0].strip())]
    fail_if(offenders, "files without a module docstring opening on its first line")


def test_files_stay_under_300_lines():
    counts = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in source_files(*PROJECT, "tests")}
    offenders = [f"{p.relative_to(ROOT)}: {n} lines" for p, n in counts.items() if n > MAX_LINES]
    fail_if(offenders, f"files over {MAX_LINES} lines")
