"""Building the language data up front changes nothing but when it is built."""

from __future__ import annotations

from newsclean.patterns import PatternSet, pattern_set
from newsclean.prepare import prepare_languages

LINES = [
    "Advertisement",
    "Teilen auf Facebook",
    "Von Anna Weber und Jan Schulz",
    "Die Stadt hat am Dienstag den Plan für die neue Brücke vorgestellt, teilte ein Sprecher mit.",
    "Mehr zum Thema",
]


def test_prepared_patterns_match_as_before() -> None:
    files = pattern_set("de").files
    lazy, prepared = PatternSet(files), PatternSet(files)
    prepared.prepare()
    kinds = sorted({r.kind for r in lazy.rules})

    def ids(patterns: PatternSet) -> list[str | None]:
        return [(m := patterns.first_match(k, line)) and m[0].qualified_id for k in kinds for line in LINES]

    assert ids(prepared) == ids(lazy)
    assert any(ids(lazy))  # the lines do meet rules


def test_prepare_builds_every_plan() -> None:
    prepare_languages(["fr"])
    patterns = pattern_set("fr")
    kinds = {r.kind for r in patterns.rules}
    assert set(patterns._plans) == kinds
    assert all(plan is not None for plans in patterns._plans.values() for plan in plans._plans)


def test_stages_share_the_prepared_sets() -> None:
    """Every stage gets the set ``prepare_languages`` built, however it asks for it: a second,
    unprepared copy per language would build its screens again inside a batch's timed run."""
    import newsclean
    from newsclean.patterns import _pattern_set

    prepare_languages(["en"])
    sets = _pattern_set.cache_info().currsize
    article = newsclean.clean(
        "Storm closes harbour\nBy Jane Roe\n"
        "The harbour was closed on Tuesday after the storm damaged two piers, officials said.\n"
        "Advertisement\nShare on Facebook\n"
    )
    assert [a.name for a in article.authors] == ["Jane Roe"]
    assert _pattern_set.cache_info().currsize == sets
    assert pattern_set("en") is pattern_set("en", ())
    assert pattern_set("fi") is pattern_set("en")  # no Finnish file: the English set, not a copy


def test_prepare_can_build_the_token_rules_tokenizers() -> None:
    """With ``tokenizers=True`` a German page's token byline rule finds its Matcher built."""
    import newsclean
    from newsclean import nlp

    nlp._matcher.cache_clear()  # as in a fresh process, whatever ran before
    prepare_languages(["de"], tokenizers=True)
    built = nlp._matcher.cache_info().misses
    assert built >= 5  # the German file's five token rules
    article = newsclean.clean(
        "Neue Brücke für die Stadt\nVon Anna Weber\n"
        "Die Stadt hat am Dienstag den Plan für die neue Brücke vorgestellt, teilte ein Sprecher mit. "
        "Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern, sagte der Bürgermeister.\n"
    )
    assert article.language == "de"
    assert [a.name for a in article.authors] == ["Anna Weber"]
    assert nlp._matcher.cache_info().misses == built
