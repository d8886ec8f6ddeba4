"""``import newsclean`` stays light: no spaCy, no trafilatura until they are needed."""

from __future__ import annotations

import subprocess
import sys


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys; {code}; print(','.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.strip().split(","))


def test_import_does_not_load_heavy_dependencies() -> None:
    modules = _loaded_after("import newsclean")
    heavy = {m for m in modules if m.split(".")[0] in {"spacy", "trafilatura", "thinc", "lxml", "htmldate"}}
    assert heavy == set()


def test_cleaning_a_dump_does_not_need_trafilatura() -> None:
    modules = _loaded_after(
        "import newsclean; newsclean.clean('Title | Site\\n\\nTitle\\n\\nBy Jane Doe\\n\\n"
        "The first paragraph of the story is long enough to be prose.')"
    )
    assert "trafilatura" not in modules
    assert "spacy" in modules  # the byline Matcher ran
