"""Golden files of Articles: write once, compare on every run, refresh on request.

An :class:`ArticleSnapshot` compares an Article with a JSON file (the Article as
``Article.model_dump_json`` writes it, ``removals`` included, so a changed decision shows). In update
mode it writes or refreshes the file instead. The pytest plugin's ``article_snapshot`` fixture puts
the files beside the test, in ``__snapshots__/<test module>/<test name>.json``, and turns on update
mode with ``--newsclean-update``.

>>> import tempfile
>>> from pathlib import Path
>>> from newsclean import Article
>>> folder = Path(tempfile.mkdtemp())
>>> ArticleSnapshot(folder / "storm.json", update=True).check(Article(title="Storm"))
'written'
>>> ArticleSnapshot(folder / "storm.json").check(Article(title="Storm"))
'same'
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from newsclean.article import Article
from newsclean.testing.diff import CONTENT_FIELDS, article_diff

Outcome = Literal["same", "written", "updated"]
_UPDATE_HINT = "run pytest with --newsclean-update to write it"


def snapshot_text(article: Article) -> str:
    """The file contents for ``article``: indented JSON, ``body`` left out (it repeats the paragraphs)."""
    data = article.model_dump(mode="json", exclude={"body"})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class ArticleSnapshot:
    """One golden file.

    Args:
        path: the JSON file.
        update: write the file when it is missing or differs, instead of failing.
    """

    def __init__(self, path: Path, *, update: bool = False) -> None:
        self.path = path
        self.update = update

    def check(self, article: Article) -> Outcome:
        """Compare ``article`` with the file (or write it in update mode); raise AssertionError on a
        difference, with a field-by-field diff."""
        text = snapshot_text(article)
        exists = self.path.is_file()
        if exists and self.path.read_text(encoding="utf-8") == text:
            return "same"
        if self.update:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(text, encoding="utf-8")
            return "updated" if exists else "written"
        if not exists:
            raise AssertionError(f"no snapshot {self.path}; {_UPDATE_HINT}")
        try:
            expected = Article.model_validate_json(self.path.read_text(encoding="utf-8"))
        except ValidationError as exc:
            raise AssertionError(
                f"snapshot {self.path} is not a valid Article ({exc}); {_UPDATE_HINT}"
            ) from exc
        diff = article_diff(article, expected, fields=(*CONTENT_FIELDS, "removals", "schema_version"))
        # Equal fields with different text (key order, a hand edit) still count as a change.
        lines = diff or ["(same values, written differently)"]
        raise AssertionError(
            "\n".join(
                [
                    f"Article differs from snapshot {self.path}:",
                    *lines,
                    f"If the change is right, {_UPDATE_HINT}.",
                ]
            )
        )
