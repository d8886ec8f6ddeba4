"""The error tree of newsclean.

Every failure newsclean raises on purpose is a :class:`NewscleanError`, so a
batch job can catch one type, record the document and go on::

    NewscleanError
     ├─ InputError          cannot read, decode or parse the input; too large
     ├─ PatternError        a pattern file is invalid (names file and rule id)
     ├─ StageError          a stage raised or returned the wrong type
     └─ UnknownStageError   a stage name not found (lists the valid names)

"Nothing left after cleaning" is not an error: the :class:`~newsclean.Article`
comes back with no paragraphs and every removal recorded.
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose.

    Attributes:
        document: the URL or id of the document concerned, when known.
        stage: the name of the stage that failed, when it is a stage's fault.
    """

    def __init__(self, message: str, *, document: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.reason = message
        self.document = document
        self.stage = stage

    def __str__(self) -> str:
        # Built when shown: the pipeline fills in the stage and document of an
        # error raised deep inside a stage after it was created.
        details = []
        if self.document:
            details.append(f"document {self.document!r}")
        if self.stage:
            details.append(f"stage {self.stage!r}")
        suffix = f" [{', '.join(details)}]" if details else ""
        return f"{self.reason}{suffix}"


class InputError(NewscleanError):
    """The input cannot be read, decoded or parsed, or exceeds a size limit."""


class PatternError(NewscleanError):
    """A pattern file is invalid; the message names the file and the rule id."""


class StageError(NewscleanError):
    """A stage raised an exception or returned something other than a Document."""


class UnknownStageError(NewscleanError, KeyError):
    """A stage name was not found; the message lists the available names."""

    def __str__(self) -> str:  # KeyError would otherwise print the repr
        return NewscleanError.__str__(self)
