"""Run the code examples of the documentation pages.

Every ``pycon`` block runs as a doctest and every ``python`` block runs as a
script; the blocks of one page share one namespace, in page order, so a page
reads as one session. A block right after ``<!-- write: NAME -->`` is written
to the file NAME for the examples that follow. In a ``console`` block, each
``$ command`` runs in a shell and its output (stdout and stderr) must equal
the lines under it; ``--update`` rewrites those lines instead.

The working directory is a temporary one that holds a link to the
repository's ``examples/``, so paths such as ``examples/pages/storm.txt``
work and files written by an example vanish.

Run from the repository root: ``python docs/_ext/check_examples.py [--update] [PAGE ...]``.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
import tempfile
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
_FENCE = re.compile(
    r"(?:^<!-- write: (?P<write>\S+) -->\n\n?)?"
    r"^(?P<indent>[ ]*)```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$",
    re.M | re.S,
)
_SNIPPET = re.compile(r'^--8<-- "(?P<path>[^"]+)"$', re.M)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _dedent(body: str, indent: str) -> str:
    return "".join(line[len(indent) :] if line.startswith(indent) else line for line in body.splitlines(True))


def _run_console(body: str, name: str) -> tuple[str, int]:
    """Run each ``$ command`` of a console block; return the block as it should read, and failures."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    out: list[str] = []
    failures = 0
    chunks = re.split(r"^(?=\$ )", body, flags=re.M)
    for chunk in chunks:
        if not chunk.startswith("$ "):
            out.append(chunk)
            continue
        command, _, shown = chunk.partition("\n")
        result = subprocess.run(
            command[2:],
            shell=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            check=False,
        )
        actual = result.stdout.rstrip("\n")
        if actual != shown.rstrip("\n"):
            print(f"{name}: output of {command!r} differs:\n{actual}")
            failures += 1
        out.append(f"{command}\n{actual}\n" if actual else f"{command}\n")
    return "".join(out), failures


def check_page(page: Path, *, update: bool = False) -> int:
    """Run one page's examples; return the number of failures."""
    text = page.read_text(encoding="utf-8")
    replacements: list[tuple[int, int, str]] = []
    # A real module, so that dataclasses and pickle can find what the examples define.
    module = types.ModuleType(f"docs_{page.stem.replace('-', '_')}")
    sys.modules[module.__name__] = module
    namespace = module.__dict__
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    failures = 0
    for n, m in enumerate(_FENCE.finditer(text), start=1):
        body = _dedent(m["body"], m["indent"])
        # pymdownx.snippets includes a repository file in place of the marker line.
        body = _SNIPPET.sub(lambda s: (REPO / s["path"]).read_text(encoding="utf-8"), body)
        line = text.count("\n", 0, m.start()) + 2
        name = f"{page.name}:{line}"
        if m["write"]:
            # A block marked <!-- write: NAME --> is a file the following examples read.
            Path(m["write"]).write_text(body, encoding="utf-8")
        elif m["lang"] == "pycon":
            test = parser.get_doctest(body, namespace, name, str(page), line)
            result = runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # DocTest works on a copy of the namespace
            failures += result.failed
        elif m["lang"] == "python":
            try:
                exec(compile(body, name, "exec"), namespace)
            except Exception as exc:
                print(f"{name}: block {n} raised {type(exc).__name__}: {exc}")
                failures += 1
        elif m["lang"] == "console" and not m["indent"]:
            expected, failed = _run_console(body, name)
            if update:
                replacements.append((m.start("body"), m.end("body"), expected))
            else:
                failures += failed
    if replacements:
        for start, end, new in reversed(replacements):
            text = text[:start] + new + text[end:]
        page.write_text(text, encoding="utf-8")
    return failures


def main(argv: list[str]) -> int:
    """Check the given pages (all of ``docs/*.md`` by default)."""
    update = "--update" in argv
    pages = [Path(p).resolve() for p in argv if p != "--update"] or sorted(DOCS.glob("*.md"))
    failures = 0
    cwd = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "examples").symlink_to(REPO / "examples")
        os.chdir(tmp)
        try:
            for page in pages:
                failed = check_page(page, update=update)
                print(f"{page.name}: {'ok' if not failed else f'{failed} failed'}")
                failures += failed
        finally:
            os.chdir(cwd)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
