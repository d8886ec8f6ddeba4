"""Stages and the :class:`Pipeline` that runs them.

A stage is any callable ``(Document) -> Document``; its name is its ``name``
attribute, else its function or class name. A :class:`Pipeline` is an
immutable, ordered tuple of named stages: editing one returns a new one.

>>> from newsclean import Pipeline
>>> def shout(doc):
...     for block in doc.kept():
...         block.set_text(block.text.upper())
...     return doc
>>> p = Pipeline.default().insert(shout, after="main_content")
>>> p.names[p.names.index("main_content") + 1]
'shout'
>>> "shout" in Pipeline.default().names
False
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from newsclean.article import Article, Caption
from newsclean.document import Document
from newsclean.errors import NewscleanError, StageError, UnknownStageError
from newsclean.loading import Limits, load_document

logger = logging.getLogger(__name__)

#: Entry-point group through which other packages offer stages.
ENTRY_POINT_GROUP = "newsclean.stages"


@runtime_checkable
class Stage(Protocol):
    """The stage contract: take the document, return it (usually the same object)."""

    def __call__(self, doc: Document, /) -> Document: ...


def stage_name(stage: Callable[[Document], Document]) -> str:
    """The name a pipeline knows ``stage`` by.

    >>> def my_stage(doc): return doc
    >>> stage_name(my_stage)
    'my_stage'
    """
    name = getattr(stage, "name", None)
    if isinstance(name, str) and name:
        return name
    name = getattr(stage, "__name__", None)
    if isinstance(name, str) and name:
        return name
    return type(stage).__name__


def available_plugin_stages() -> dict[str, str]:
    """Stages offered by installed packages: entry-point name -> ``module:attr``."""
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def load_plugin_stage(name: str) -> Callable[[Document], Document]:
    """Load the stage registered as ``name`` in the ``newsclean.stages`` group.

    The entry point may name a stage or a zero-argument factory (a class).
    """
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            obj = ep.load()
            stage = obj() if isinstance(obj, type) else obj
            if not callable(stage):
                raise StageError(f"entry point {name!r} did not give a callable stage", stage=name)
            return stage  # type: ignore[no-any-return]
    choices = ", ".join(sorted(available_plugin_stages())) or "none installed"
    raise UnknownStageError(f"no stage {name!r} in entry-point group {ENTRY_POINT_GROUP!r} ({choices})")


StageLike = Callable[[Document], Document] | str


class Pipeline:
    """An immutable, ordered sequence of named stages.

    Call it on a page (HTML or text, ``str``, ``bytes`` or a path) to get an
    :class:`~newsclean.Article`; use :meth:`run` to get the final
    :class:`~newsclean.Document` instead (what ``newsclean explain`` shows).
    """

    __slots__ = ("_limits", "_stages")

    def __init__(self, stages: Iterable[StageLike] = (), *, limits: Limits | None = None) -> None:
        resolved = tuple(_resolve(s) for s in stages)
        names = [stage_name(s) for s in resolved]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"stage names must be unique; repeated: {', '.join(dupes)}")
        self._stages = resolved
        self._limits = limits or Limits()

    @classmethod
    def default(cls, *, limits: Limits | None = None) -> Pipeline:
        """The standard pipeline: parse, normalise, find fields, remove boilerplate."""
        from newsclean.stages import default_stages

        return cls(default_stages(), limits=limits)

    # -- inspection ---------------------------------------------------------
    @property
    def stages(self) -> tuple[Callable[[Document], Document], ...]:
        """The stages, in order."""
        return self._stages

    @property
    def names(self) -> tuple[str, ...]:
        """The stage names, in order."""
        return tuple(stage_name(s) for s in self._stages)

    @property
    def limits(self) -> Limits:
        """Input limits applied before the first stage runs."""
        return self._limits

    def __iter__(self) -> Iterator[Callable[[Document], Document]]:
        return iter(self._stages)

    def __len__(self) -> int:
        return len(self._stages)

    def __repr__(self) -> str:
        return f"Pipeline([{', '.join(self.names)}])"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self._stages == other._stages and self._limits == other._limits

    def __hash__(self) -> int:
        return hash((self.names, self._limits))

    def __getitem__(self, name: str) -> Callable[[Document], Document]:
        return self._stages[self._index(name)]

    # -- editing (each returns a new pipeline) -------------------------------
    def insert(self, stage: StageLike, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """A new pipeline with ``stage`` placed before or after a named stage
        (at the end when neither is given). ``stage`` may be an entry-point name."""
        if before is not None and after is not None:
            raise ValueError("give 'before' or 'after', not both")
        stages = list(self._stages)
        if before is not None:
            pos = self._index(before)
        elif after is not None:
            pos = self._index(after) + 1
        else:
            pos = len(stages)
        stages.insert(pos, _resolve(stage))
        return Pipeline(stages, limits=self._limits)

    def replace(self, name: str, stage: StageLike) -> Pipeline:
        """A new pipeline with the stage called ``name`` replaced by ``stage``."""
        stages = list(self._stages)
        stages[self._index(name)] = _resolve(stage)
        return Pipeline(stages, limits=self._limits)

    def without(self, *names: str) -> Pipeline:
        """A new pipeline without the named stages."""
        for name in names:
            self._index(name)
        return Pipeline([s for s in self._stages if stage_name(s) not in names], limits=self._limits)

    def with_limits(self, limits: Limits) -> Pipeline:
        """A new pipeline with other input limits."""
        return Pipeline(self._stages, limits=limits)

    def _index(self, name: str) -> int:
        for i, s in enumerate(self._stages):
            if stage_name(s) == name:
                return i
        raise UnknownStageError(f"no stage {name!r} in this pipeline; stages are: {', '.join(self.names)}")

    # -- running --------------------------------------------------------------
    def run(
        self,
        source: object,
        *,
        url: str | None = None,
        lang: str | None = None,
        reference_time: datetime | None = None,
    ) -> Document:
        """Load ``source`` and run every stage; return the final Document.

        ``reference_time`` is when the page was fetched: relative dates ("2
        hours ago") are resolved against it, and left unread without it.
        """
        doc = load_document(source, url=url, lang=lang, limits=self._limits)
        if reference_time is not None:
            doc.metadata["reference_time"] = reference_time.isoformat()
        return self.run_document(doc)

    def run_document(self, doc: Document) -> Document:
        """Run every stage over an already loaded Document."""
        for stage in self._stages:
            name = stage_name(stage)
            doc.current_stage = name
            try:
                result = stage(doc)
            except NewscleanError as exc:
                if exc.stage is None:
                    exc.stage = name
                if exc.document is None:
                    exc.document = doc.name
                raise
            except Exception as exc:
                raise StageError(f"{type(exc).__name__}: {exc}", document=doc.name, stage=name) from exc
            if not isinstance(result, Document):
                raise StageError(
                    f"returned {type(result).__name__}, not a Document", document=doc.name, stage=name
                )
            doc = result
        doc.current_stage = ""
        return doc

    def __call__(
        self,
        source: object,
        *,
        url: str | None = None,
        lang: str | None = None,
        reference_time: datetime | None = None,
    ) -> Article:
        return to_article(self.run(source, url=url, lang=lang, reference_time=reference_time))


def _resolve(stage: StageLike) -> Callable[[Document], Document]:
    if isinstance(stage, str):
        return load_plugin_stage(stage)
    if not callable(stage):
        raise TypeError(f"a stage must be callable (Document) -> Document, got {type(stage).__name__}")
    return stage


def to_article(doc: Document) -> Article:
    """Freeze a finished Document into an :class:`~newsclean.Article`."""
    body = list(doc.kept())
    return Article(
        url=doc.url,
        language=doc.language,
        title=doc.title,
        site_name=doc.site_name,
        authors=tuple(doc.authors),
        agency=doc.agency,
        dateline=doc.dateline,
        standfirst=doc.standfirst,
        published=doc.published,
        modified=doc.modified,
        paragraphs=tuple(b.text for b in body),
        text_as_published="\n\n".join(b.as_published for b in body),
        captions=tuple(c if isinstance(c, Caption) else Caption.model_validate(c) for c in doc.captions),
        tags=tuple(doc.tags),
        contributors=tuple(doc.contributors),
        removals=tuple(sorted(doc.removals, key=lambda r: r.block)),
    )
