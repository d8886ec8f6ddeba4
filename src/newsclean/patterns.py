"""Language knowledge as data: pattern files and the rules in them.

A pattern file is TOML, one per language (``en.toml``, ``de.toml``...) plus
``xx.toml`` for rules that hold in every language. Each rule has a stable id,
a ``kind`` that says which stage uses it, a regular expression (or, for
bylines, a spaCy Matcher token pattern), and ``examples`` and
``counterexamples`` that the test suite runs, so the knowledge tests itself.

Regular expressions run through the ``regex`` module with a timeout, so a
pathological line cannot hang a batch: a rule that times out counts as "no
match" and is logged.

>>> rules = pattern_set("en").rules_of("boilerplate")
>>> any(r.matches("ADVERTISEMENT") for r in rules)
True
>>> [r.qualified_id for r in rules if r.matches("Subscribe to our daily newsletter")]
['en/newsletter-subscribe']
"""

from __future__ import annotations

import json
import logging
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from newsclean.errors import PatternError
from newsclean.literals import Leading, LiteralScreen, folded, leading, required_literals, text_head

logger = logging.getLogger(__name__)

#: Seconds one rule may spend on one block before it is treated as no match.
REGEX_TIMEOUT = 0.25

_MEMO_SIZE = 50_000
_PROBE_MEMO_SIZE = 4096  # blocks of a few pages: enough for every stage to reuse a block's probe
_UNKNOWN: Any = object()  # not in the memo (None is a remembered "no rule fires")

#: Languages with a packaged pattern file, besides the neutral ``xx``.
PACKAGED_LANGUAGES = tuple("de en es fr it nl pl pt ru zh ja tr sv ar ko cs id uk vi hi el da nb ro".split())  # noqa: SIM905

RuleKind = Literal[
    "boilerplate",
    "byline",
    "byline-stop",
    "credit",
    "dateline",
    "dateline-stop",
    "agency-credit",
    "tags",
    "trailer",
    "date",
]


class Rule(BaseModel):
    """One rule of a pattern file.

    Attributes:
        id: stable id, unique in its file; reported as ``<lang>/<id>``.
        kind: the stage that uses it (``boilerplate``, ``byline``, ``credit``,
            ``dateline``, ``tags``, ``trailer``...).
        reason: for boilerplate rules, the removal reason it records.
        regex: a pattern searched in the block text.
        tokens: a spaCy Matcher pattern, matched at the start of the block.
        ignore_case: compile ``regex`` case-insensitively (default true).
        max_words: only apply to blocks of at most this many words, so a rule
            written for a short prompt never removes a long paragraph.
        max_chars: longest block the rule judges (default 10,000 characters,
            five times the longest paragraph seen in real pages). A longer
            block is a page glued into one line, not a boilerplate line; the
            bound also keeps every rule's running time small.
        section: the block heads a section of the same kind (a "Related
            stories" heading): the short, headline-like blocks after it are
            removed with the same reason until prose resumes.
        role: for trailers, the role given to the names found.
        everywhere: an English rule that also runs on pages in the other packaged
            languages: a whole-line widget string ("Share this:", "Related Posts",
            "Leave a Reply") that site themes print in English whatever the language.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    kind: RuleKind = "boilerplate"
    reason: str | None = None
    regex: str | None = None
    tokens: list[dict[str, Any]] | None = None
    ignore_case: bool = True
    max_words: int | None = None
    max_chars: int = Field(default=10_000, gt=0)
    section: bool = False
    role: str | None = None
    everywhere: bool = False
    examples: list[str] = Field(default_factory=list)
    counterexamples: list[str] = Field(default_factory=list)
    lang: str = "xx"

    @model_validator(mode="after")
    def _check(self) -> Rule:
        if (self.regex is None) == (self.tokens is None):
            raise ValueError("a rule needs exactly one of 'regex' or 'tokens'")
        if self.kind == "boilerplate" and not self.reason:
            raise ValueError("a boilerplate rule needs a 'reason'")
        if not self.examples:
            raise ValueError("a rule needs at least one example")
        if self.regex is not None:
            try:
                compiled = regex.compile(self.regex, self._flags())
            except regex.error as exc:
                raise ValueError(f"invalid regex: {exc}") from exc
            # Kept for :attr:`compiled`: the regex module's own cache holds fewer patterns than
            # the shipped files have rules, so asking it again would often compile twice.
            self.__dict__["compiled"] = compiled
        return self

    def _flags(self) -> int:
        return int(regex.IGNORECASE) if self.ignore_case else 0

    @property
    def qualified_id(self) -> str:
        """The id as reported in removals: ``<lang>/<id>``."""
        return f"{self.lang}/{self.id}"

    @cached_property
    def compiled(self) -> Any:
        """The compiled regular expression (regex rules only)."""
        if self.regex is None:
            raise PatternError(f"rule {self.qualified_id} has no regex")
        return regex.compile(self.regex, self._flags())

    @cached_property
    def _screens(self) -> tuple[frozenset[str] | None, frozenset[str] | None, Leading | None]:
        """:attr:`literals`, :attr:`cased_literals` and :attr:`leading`, derived one after the
        other so that one parse of the pattern (cached briefly in ``literals``) serves all three."""
        if self.regex is None:
            return None, None, None
        cased = None if self.ignore_case else required_literals(self.regex, case_sensitive=True)
        return required_literals(self.regex), cased, leading(self.regex)

    @property
    def literals(self) -> frozenset[str] | None:
        """Strings one of which every match contains (case-folded); ``None`` when none are known."""
        return self._screens[0]

    @property
    def cased_literals(self) -> frozenset[str] | None:
        """For a case-sensitive rule: strings, in their case, one of which every match contains."""
        return self._screens[1]

    @cached_property
    def tokens_json(self) -> str:
        """The token pattern as canonical JSON: how spaCy matchers built for it are cached."""
        return json.dumps(self.tokens, sort_keys=True)

    @property
    def leading(self) -> Leading | None:
        """Where every match starts, when the regex says (``^\\W*(share|tweet)``); ``None`` otherwise."""
        return self._screens[2]

    def search(self, text: str) -> Any:
        """Search the rule's regex in ``text`` under the timeout (a match or ``None``)."""
        if len(text) > self.max_chars:
            return None  # before folding: a megabyte line costs nothing
        # A substring test on the folded text rules most blocks out far faster than the search.
        literals = self.literals
        if literals is not None:
            haystack = folded(text)
            if not any(word in haystack for word in literals):
                return None
        if not self._may_start(text) or not self._has_cased_literal(text):
            return None
        return self.search_unscreened(text)

    def _may_start(self, text: str) -> bool:
        """Whether ``text`` passes the :attr:`leading` screen."""
        lead = self.leading
        return lead is None or lead.admits(text_head(text))

    def _has_cased_literal(self, text: str) -> bool:
        cased = self.cased_literals
        return cased is None or any(map(text.__contains__, cased))

    def search_unscreened(self, text: str) -> Any:
        """:meth:`search` without the literal screen, for callers that screened ``text`` already."""
        if len(text) > self.max_chars:
            return None
        if self.max_words is not None and _word_total(text) > self.max_words:
            return None
        return self.search_timed(text)

    def search_timed(self, text: str) -> Any:
        """The regex search alone, under the timeout: for callers that checked ``max_chars``
        and ``max_words`` already."""
        try:
            # Positional: the regex module parses keyword arguments slowly, at a cost
            # comparable to a failed search. The order is (string, pos, endpos, concurrent, partial, timeout).
            return self.compiled.search(text, None, None, None, False, REGEX_TIMEOUT)
        except TimeoutError:
            logger.warning("rule %s timed out on a %d-character block", self.qualified_id, len(text))
            return None

    def matches(self, text: str) -> bool:
        """Whether the rule fires on ``text`` (token rules: at its start)."""
        if self.tokens is not None:
            from newsclean import nlp

            return nlp.token_rule_matches(self, text)
        return self.search(text) is not None


@lru_cache(maxsize=16384)
def _word_total(text: str) -> int:
    # Many rules test the same block: count its words once.
    return len(text.split())


class PatternFile(BaseModel):
    """A validated pattern file: its language, stopwords, month names and rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: str = Field(pattern=r"^[a-z]{2}$")
    name: str
    stopwords: list[str] = Field(default_factory=list)
    months: dict[str, int] = Field(default_factory=dict)
    weekdays: list[str] = Field(default_factory=list)
    conjunctions: list[str] = Field(default_factory=list)
    role_words: list[str] = Field(default_factory=list)
    desk_words: list[str] = Field(default_factory=list)
    surnames: list[str] = Field(default_factory=list)
    outlet_words: list[str] = Field(default_factory=list)
    agencies: dict[str, str] = Field(default_factory=dict)
    rule: list[Rule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> PatternFile:
        seen: set[str] = set()
        for rule in self.rule:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        return self


def parse_pattern_file(text: str, *, origin: str) -> PatternFile:
    """Validate the TOML ``text`` of a pattern file; ``origin`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PatternError(f"{origin}: not valid TOML: {exc}") from exc
    lang = data.get("lang", "xx")
    for raw in data.get("rule", []):
        if isinstance(raw, dict):
            raw.setdefault("lang", lang)
    try:
        return PatternFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            where = ""
            if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
                rules = data.get("rule", [])
                rule_id = rules[loc[1]].get("id", f"#{loc[1]}") if loc[1] < len(rules) else "?"
                where = f"rule {rule_id!r}: "
            problems.append(f"{where}{err['msg']}")
        raise PatternError(f"{origin}: " + "; ".join(problems)) from exc


@cache
def load_packaged(lang: str) -> PatternFile:
    """The pattern file shipped for ``lang`` (``xx`` for the neutral one)."""
    name = f"{lang}.toml"
    ref = resources.files("newsclean") / "patterns" / name
    if not ref.is_file():
        raise PatternError(f"no packaged pattern file for language {lang!r}")
    return parse_pattern_file(ref.read_text(encoding="utf-8"), origin=f"newsclean/patterns/{name}")


@lru_cache(maxsize=64)
def load_file(path: str) -> PatternFile:
    """A user's pattern file, validated (cached by path)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(f"{path}: cannot read pattern file: {exc}") from exc
    return parse_pattern_file(text, origin=path)


class PatternSet:
    """The rules that apply to one language: neutral rules, the language's own,
    then any user files, in that order."""

    def __init__(self, files: Iterable[PatternFile]) -> None:
        self.files = tuple(files)
        self.rules = tuple(rule for f in self.files for rule in f.rule)
        self.stopwords = frozenset(w for f in self.files for w in f.stopwords)
        self.months: dict[str, int] = {}
        self.agencies: dict[str, str] = {}
        for f in self.files:
            self.months.update(f.months)
            self.agencies.update(f.agencies)
        # Agencies by their case-folded names, for names printed in another case ("REUTERS").
        self.folded_agencies = {name.casefold(): short for name, short in self.agencies.items()}
        self.weekdays = frozenset(w.casefold() for f in self.files for w in f.weekdays)
        self.conjunctions = tuple(dict.fromkeys(c for f in self.files for c in f.conjunctions))
        self._by_kind: dict[str, tuple[Rule, ...]] = {}
        self._memo: dict[tuple[str, str], tuple[Rule, Any] | None] = {}
        self._plans: dict[str, _Plans] = {}
        self._probes: dict[str, _Probe] = {}
        self.role_words = frozenset(w.casefold() for f in self.files for w in f.role_words)
        self.desk_words = frozenset(w.casefold() for f in self.files for w in f.desk_words)
        self.surnames = frozenset(w for f in self.files for w in f.surnames)
        self.outlet_words = frozenset(w.casefold() for f in self.files for w in f.outlet_words)

    def rules_of(self, kind: RuleKind) -> tuple[Rule, ...]:
        """The rules used by one stage, in file order."""
        rules = self._by_kind.get(kind)
        if rules is None:
            rules = self._by_kind[kind] = tuple(r for r in self.rules if r.kind == kind)
        return rules

    def first_match(self, kind: RuleKind, text: str) -> tuple[Rule, Any] | None:
        """The first rule of ``kind`` that fires on ``text``, with its regex match
        (``None`` for a token rule).

        Rules run one by one: with the ``regex`` engine one combined expression
        was measured slower than the rules in turn, since most rules are anchored
        or limited by ``max_words`` and fail at once. Cheap screens pick the rules
        worth running (see :class:`_Plan`). Results are remembered per text: pages
        of one site repeat their menus and footers line for line.
        """
        key = (kind, text)
        found: tuple[Rule, Any] | None = self._memo.get(key, _UNKNOWN)
        if found is not _UNKNOWN:
            return found
        found = self._first_match(kind, text)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _first_match(self, kind: RuleKind, text: str) -> tuple[Rule, Any] | None:
        probe = self._probe(text)
        size = len(text)
        for rule, screens in self._plan(kind, probe.words).candidates(probe):
            if screens is None:  # a token rule
                if rule.matches(text):
                    return rule, None
                continue
            max_chars, lead, cased = screens
            if size > max_chars:
                continue
            if lead is not None and not lead.admits(probe.head):
                continue
            if cased is not None and cased.isdisjoint(probe.cased):
                continue
            m = rule.search_timed(text)
            if m is not None:
                return rule, m
        return None

    def _probe(self, text: str) -> _Probe:
        """What the screens need to know about ``text``, worked out once for every kind of rule:
        stages ask for several kinds in turn on the same block."""
        probe = self._probes.get(text)
        if probe is None:
            probe = _Probe(text, *self._indexes)
            if len(self._probes) >= _PROBE_MEMO_SIZE:
                self._probes.clear()
            self._probes[text] = probe
        return probe

    @cached_property
    def _indexes(self) -> tuple[LiteralScreen, int]:
        """The literals and cased literals of every rule, indexed, and the longest text any
        regex rule judges (built on first use: not every caller matches rules)."""
        screen = LiteralScreen(
            (w for r in self.rules if r.literals for w in r.literals),
            (w for r in self.rules if r.cased_literals for w in r.cased_literals),
        )
        max_chars = max((r.max_chars for r in self.rules if r.regex is not None), default=0)
        return screen, max_chars

    def prepare(self) -> None:
        """Build now what matching builds on first use: the literal screens and the rule plan
        of every kind for every range of word totals. Long runs and forked workers pay it once.

        >>> pattern_set("de").prepare()
        """
        self._indexes  # noqa: B018 (a cached property: reading it builds it)
        for kind in dict.fromkeys(r.kind for r in self.rules):
            plans = self._plans.get(kind)
            if plans is None:
                plans = self._plans[kind] = _Plans(self.rules_of(kind))
            plans.build_all()

    def _plan(self, kind: RuleKind, words: int) -> _Plan:
        """The :class:`_Plan` for the rules of ``kind`` that may fire on a block of ``words``
        words (``max_words`` rules out many on a paragraph)."""
        plans = self._plans.get(kind)
        if plans is None:
            plans = self._plans[kind] = _Plans(self.rules_of(kind))
        return plans.for_words(words)


class _Plans:
    """The :class:`_Plan` of each range of word totals that the ``max_words`` of some rules
    tell apart: a block of 41 words and one of 49 face the same rules when no limit lies
    between them, so a plan is built per range (on first use), not per word total."""

    __slots__ = ("_limits", "_plans", "_rules")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self._rules = rules
        self._limits = sorted({r.max_words for r in rules if r.max_words is not None})
        self._plans: list[_Plan | None] = [None] * (len(self._limits) + 1)

    def build_all(self) -> None:
        """Build the plan of every range now."""
        for i in range(len(self._plans)):
            self.for_words(self._limits[i - 1] + 1 if i else 0)

    def for_words(self, words: int) -> _Plan:
        """The plan for a block of ``words`` words: range ``i`` holds the totals above
        ``limits[i - 1]`` up to ``limits[i]``, where the same rules allow the block."""
        i = bisect_left(self._limits, words)
        plan = self._plans[i]
        if plan is None:
            eligible = tuple(r for r in self._rules if r.max_words is None or words <= r.max_words)
            plan = self._plans[i] = _Plan(eligible)
        return plan


class _Probe:
    """One text as the screens see it.

    Attributes:
        words: its word total, which decides the rules that ``max_words`` allows.
        present: the (folded) :attr:`Rule.literals` of the pattern set it contains.
        cased: the :attr:`Rule.cased_literals` of the pattern set it contains.
        head: its :func:`~newsclean.literals.text_head`, for :attr:`Rule.leading`.

    A text longer than any regex rule judges is not searched at all: every
    regex rule declines it on its length (and a megabyte line costs nothing).
    """

    __slots__ = ("cased", "head", "present", "words")

    def __init__(self, text: str, screen: LiteralScreen, max_chars: int) -> None:
        words = text.split()
        self.words = len(words)  # as _word_total counts them
        self.head = text_head(text)
        if len(text) > max_chars:
            self.present = self.cased = frozenset[str]()
        else:
            self.present, self.cased = screen.found_in(text, set(words))


class _Plan:
    """How to find the first rule of a list that may fire on a text, without trying each.

    Most rules need one of their literals in the text (see :attr:`Rule.literals`;
    failing those, :attr:`Rule.cased_literals`). The plan maps each literal to the
    rules that need it, so the literals a text contains name its candidate rules
    at once; rules without literals (and token rules) are candidates for every
    text. Candidates keep the list's order, since the first rule that fires wins.
    """

    __slots__ = (
        "by_cased",
        "by_literal",
        "cased_keys",
        "entries",
        "literal_keys",
        "unscreened",
        "unscreened_entries",
    )

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        # Each rule with the screens the search loop reads, gathered once rather than per block.
        self.entries = tuple((rule, _search_screens(rule)) for rule in rules)
        by_literal: dict[str, list[int]] = {}
        by_cased: dict[str, list[int]] = {}
        unscreened: list[int] = []
        for position, rule in enumerate(rules):
            if rule.regex is not None and rule.literals is not None:
                for word in rule.literals:
                    by_literal.setdefault(word, []).append(position)
            elif rule.regex is not None and rule.cased_literals is not None:
                for word in rule.cased_literals:
                    by_cased.setdefault(word, []).append(position)
            else:
                unscreened.append(position)
        self.by_literal = {word: tuple(positions) for word, positions in by_literal.items()}
        self.by_cased = {word: tuple(positions) for word, positions in by_cased.items()}
        self.literal_keys = frozenset(by_literal)
        self.cased_keys = frozenset(by_cased)
        self.unscreened = frozenset(unscreened)
        self.unscreened_entries = tuple(self.entries[p] for p in sorted(unscreened))

    def candidates(self, probe: _Probe) -> Sequence[tuple[Rule, _Screens | None]]:
        """The rules, in order, that may fire on the text of ``probe``, each with its
        :func:`_search_screens`."""
        if not probe.present and not probe.cased:
            return self.unscreened_entries  # most blocks hold no literal of the pattern set at all
        literals = self.literal_keys.intersection(probe.present)
        cased = self.cased_keys.intersection(probe.cased)
        if not literals and not cased:
            return self.unscreened_entries  # the usual case: a block with none of the plan's words
        positions = set(self.unscreened)
        for word in literals:
            positions.update(self.by_literal[word])
        for word in cased:
            positions.update(self.by_cased[word])
        entries = self.entries
        return [entries[p] for p in sorted(positions)]


#: What the search loop checks before running a regex rule: ``max_chars``, ``leading`` and
#: ``cased_literals``.
_Screens = tuple[int, Leading | None, frozenset[str] | None]


def _search_screens(rule: Rule) -> _Screens | None:
    """The screens of a regex rule (``None`` for a token rule)."""
    if rule.regex is None:
        return None
    return rule.max_chars, rule.leading, rule.cased_literals


def pattern_set(lang: str | None, extra_files: tuple[str, ...] = ()) -> PatternSet:
    """The :class:`PatternSet` for ``lang``: neutral rules, then the language's.

    A language without a pattern file gets the English rules (menus and share
    rows of sites in any language are often English); an unknown language
    (``None``, too little text to tell) gets every packaged file, English first.
    Each set is built once per process and shared by every stage, with what it
    remembers of the texts it has judged.

    >>> pattern_set("fi") is pattern_set("en", ())
    True
    """
    # One key per set of files: a cache keyed on the call as written would build a second,
    # unprepared copy for ``pattern_set(lang)`` beside ``pattern_set(lang, ())``.
    key = lang if lang is None or lang in PACKAGED_LANGUAGES else "en"
    return _pattern_set(key, tuple(extra_files))


@lru_cache(maxsize=128)
def _pattern_set(lang: str | None, extra_files: tuple[str, ...]) -> PatternSet:
    files = [load_packaged("xx")]
    if lang in PACKAGED_LANGUAGES:
        files.append(load_packaged(lang))
        if lang != "en":
            files.append(_english_everywhere())
    elif lang is None:
        files.extend(load_packaged(code) for code in ("en", *(c for c in PACKAGED_LANGUAGES if c != "en")))
    else:
        files.append(load_packaged("en"))
    files.extend(load_file(p) for p in extra_files)
    return PatternSet(files)


@cache
def _english_everywhere() -> PatternFile:
    """The English rules marked ``everywhere``, without English words lists (stopwords,
    months): those would change how a page in another language is read."""
    english = load_packaged("en")
    return PatternFile(lang="en", name="English widgets", rule=[r for r in english.rule if r.everywhere])


def all_packaged() -> tuple[PatternFile, ...]:
    """Every shipped pattern file (used by the self-test of examples)."""
    return tuple(load_packaged(lang) for lang in ("xx", *PACKAGED_LANGUAGES))
