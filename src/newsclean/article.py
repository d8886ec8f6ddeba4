"""The typed output of newsclean: :class:`Article` and the values it holds.

All models are frozen and reject unknown fields, so an ``Article`` can be
passed around, hashed into caches and round-tripped through JSON safely.

>>> from newsclean.article import Article
>>> a = Article(title="Hello", paragraphs=("First.", "Second."))
>>> a.body
'First.\\n\\nSecond.'
>>> Article.model_validate_json(a.model_dump_json()) == a
True
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, computed_field, model_validator

SCHEMA_VERSION = "1.1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Author(_Frozen):
    """A person credited in the byline.

    ``raw`` is the name as the page printed it ("DANICA KIRKA"), ``name`` the
    normalised form ("Danica Kirka").
    """

    name: str
    raw: str
    role: str | None = None


class Contributor(_Frozen):
    """A person named in a trailer such as "Reporting by X; Editing by Y"."""

    name: str
    role: str


class Dateline(_Frozen):
    """The opening of a story that says where (and through whom) it was filed.

    ``raw`` is the prefix exactly as printed, dash included ("TOKYO —").
    """

    raw: str
    location: str | None = None
    agency: str | None = None
    date: str | None = None


class Caption(_Frozen):
    """An image caption and its photo credit, when the page gives one."""

    text: str
    credit: str | None = None


class Removal(_Frozen):
    """One block that did not end up in the body, and why.

    ``block`` is the block's index in the input (source order); ``rule`` is a
    stable id such as ``en/newsletter-signup`` that a user can look up in the
    pattern files or in the stage's documentation.
    """

    stage: str
    reason: str
    rule: str
    text: str
    block: int


class Article(_Frozen):
    """A cleaned news article.

    Paragraphs hold the body without its dateline; ``text_as_published`` keeps
    the body as the page printed it (dateline included). ``published`` carries
    a time zone only when the input stated one.
    """

    schema_version: str = SCHEMA_VERSION
    url: str | None = None
    language: str | None = None
    title: str | None = None
    site_name: str | None = None
    authors: tuple[Author, ...] = ()
    agency: str | None = None
    dateline: Dateline | None = None
    standfirst: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    paragraphs: tuple[str, ...] = ()
    text_as_published: str = ""
    captions: tuple[Caption, ...] = ()
    tags: tuple[str, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    removals: tuple[Removal, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _ignore_computed_body(cls, data: Any) -> Any:
        # ``body`` is derived from ``paragraphs``; a dumped Article carries it,
        # and reading that dump back must not trip ``extra="forbid"``.
        if isinstance(data, dict) and "body" in data:
            data = {k: v for k, v in data.items() if k != "body"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)
