"""Unit tests of newsclean.evaluate on small hand-made texts and records."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsclean.article import Article, Author, Dateline
from newsclean.evaluate import (
    BodyScore,
    evaluate_bodies,
    load_corpus,
    normalize_name,
    normalize_title,
    score_body,
    score_metadata,
    shingles,
    tokenize,
)

# --------------------------------------------------------------------------- #
# Tokens and shingles
# --------------------------------------------------------------------------- #


def test_tokenize_splits_on_non_word_characters() -> None:
    assert tokenize("It's 9:30 — the U.S. vote.") == ["It", "s", "9", "30", "the", "U", "S", "vote"]


def test_tokenize_keeps_case_and_underscores() -> None:
    assert tokenize("Snake_case AND lower") == ["Snake_case", "AND", "lower"]


def test_tokenize_unicode_scripts() -> None:
    # Cyrillic, Korean and accented Latin are word characters; CJK without spaces is one run.
    assert tokenize("Привет, мир! 안녕하세요 café") == ["Привет", "мир", "안녕하세요", "café"]
    assert tokenize("東京都は晴れ。大阪は雨") == ["東京都は晴れ", "大阪は雨"]


def test_tokenize_decomposed_accents_break_the_token() -> None:
    # Python's ``\w`` does not match combining marks (category Mn): NFD text loses its
    # accents in the benchmark's tokens, while the NFC form keeps one token.
    assert tokenize("Cafe\u0301 ok") == ["Cafe", "ok"]
    assert tokenize("Caf\u00e9 ok") == ["Caf\u00e9", "ok"]


def test_shingles_are_four_token_windows_with_counts() -> None:
    sh = shingles("a b c d a b c d")
    assert sum(sh.values()) == 5
    assert sh[("a", "b", "c", "d")] == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", {}), ("...", {}), ("one", {("one",): 1}), ("one two three", {("one", "two", "three"): 1})],
)
def test_short_texts_give_one_shingle_or_none(text: str, expected: dict[tuple[str, ...], int]) -> None:
    assert dict(shingles(text)) == expected


# --------------------------------------------------------------------------- #
# Per-page body score
# --------------------------------------------------------------------------- #


def test_exact_match() -> None:
    s = score_body("The cat sat on the mat.", "The cat sat on the mat")
    assert (s.tp, s.fp, s.fn) == (1.0, 0.0, 0.0)
    assert s.precision == s.recall == s.f1 == 1.0
    assert s.exact


def test_whitespace_and_punctuation_do_not_matter() -> None:
    s = score_body("The cat\n\nsat, on — the mat!", "The cat sat on the mat")
    assert s.exact and s.f1 == 1.0


def test_case_matters() -> None:
    s = score_body("the cat sat on the mat", "The cat sat on the mat")
    assert not s.exact
    assert s.tp_count == 2 and s.fp_count == 1 and s.fn_count == 1


def test_disjoint() -> None:
    s = score_body("alpha beta gamma delta", "one two three four")
    assert s.precision == 0.0 and s.recall == 0.0 and s.f1 == 0.0
    assert (s.tp, s.fp, s.fn) == (0.0, 0.5, 0.5)


def test_partial_overlap_counts_are_normalised() -> None:
    # gold: 6 tokens -> 3 shingles; prediction adds one token at the end -> 4 shingles.
    s = score_body("a b c d e f g", "a b c d e f")
    assert (s.tp_count, s.fp_count, s.fn_count) == (3, 1, 0)
    assert math.isclose(s.tp + s.fp + s.fn, 1.0)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == 1.0
    assert s.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_multiset_counts_repeated_shingles() -> None:
    # A repeated paragraph is counted twice in the prediction but once in the gold.
    gold = "w x y z"
    s = score_body("w x y z. w x y z", gold)
    assert s.tp_count == 1
    assert s.fp_count == 4  # x y z w, y z w x, z w x y, and the second w x y z
    assert s.fn_count == 0


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    for empty in ("", None, " \n "):
        s = score_body(empty, "some gold text here")
        assert s.precision is None
        assert s.recall == 0.0
        assert s.f1 == 0.0
        assert not s.exact


def test_empty_gold_has_no_recall() -> None:
    s = score_body("a spurious prediction", "")
    assert s.recall is None and s.precision == 0.0 and s.f1 == 0.0


def test_both_empty() -> None:
    s = score_body("", "")
    assert s.precision is None and s.recall is None
    assert s.exact and s.f1 == 1.0
    assert (s.tp, s.fp, s.fn) == (0.0, 0.0, 0.0)


def test_short_texts() -> None:
    assert score_body("Hello world", "hello world").f1 == 0.0  # one 2-token shingle, case differs
    assert score_body("Hello world!", "Hello world").exact
    # A 3-token prediction against a 5-token gold: the short shingle matches nothing.
    s = score_body("a b c", "a b c d e")
    assert (s.tp_count, s.fp_count, s.fn_count) == (0, 1, 2)


def test_cjk_page_scores_by_runs() -> None:
    gold = "東京都は晴れ。大阪は雨。名古屋は曇り。札幌は雪。福岡は風"
    assert score_body(gold.replace("。", "\n"), gold).exact
    # Inline elements joined without a space merge two runs into one token.
    merged = score_body("東京都は晴れ大阪は雨。名古屋は曇り。札幌は雪。福岡は風", gold)
    assert not merged.exact and merged.recall == 0.0


def test_body_score_is_frozen() -> None:
    s = score_body("a b c d", "a b c d")
    with pytest.raises(AttributeError):
        s.tp = 0.5  # type: ignore[misc]


# --------------------------------------------------------------------------- #
# Aggregation
# --------------------------------------------------------------------------- #


def test_aggregate_skips_undefined_precision() -> None:
    r = evaluate_bodies(
        {
            "perfect": ("a b c d e", "a b c d e"),
            "empty": ("", "a b c d e"),
            "half": ("a b c d x y z w", "a b c d"),
        },
        n_bootstrap=0,
    )
    half = score_body("a b c d x y z w", "a b c d")
    assert half.precision == pytest.approx(0.2)
    # precision averages "perfect" and "half" only; recall averages all three.
    assert r.precision == pytest.approx((1.0 + 0.2) / 2)
    assert r.recall == pytest.approx((1.0 + 0.0 + 1.0) / 3)
    assert r.f1 == pytest.approx(2 * r.precision * r.recall / (r.precision + r.recall))
    assert r.accuracy == pytest.approx(1 / 3)
    assert r.n == 3


def test_aggregate_f1_is_harmonic_mean_of_averages_not_mean_of_f1() -> None:
    r = evaluate_bodies([("a b c d", "a b c d"), ("a b c d e f g h i", "a b c d")], n_bootstrap=0)
    per_page_mean = (1.0 + score_body("a b c d e f g h i", "a b c d").f1) / 2
    assert r.f1 != pytest.approx(per_page_mean)
    assert r.f1 == pytest.approx(2 * r.precision * r.recall / (r.precision + r.recall))


def test_aggregate_skips_undefined_recall() -> None:
    r = evaluate_bodies({"x": ("a b c d", "a b c d"), "y": ("spurious text", "")}, n_bootstrap=0)
    assert r.recall == 1.0
    assert r.precision == 0.5


def test_all_pages_empty_predictions() -> None:
    r = evaluate_bodies([("", "a b c d"), (None, "e f g h")], n_bootstrap=0)
    assert r.precision == 0.0 and r.recall == 0.0 and r.f1 == 0.0


def test_iterable_pairs_are_numbered() -> None:
    r = evaluate_bodies([("a b c d", "a b c d"), ("x", "a b c d")], n_bootstrap=0)
    assert list(r.pages) == ["0", "1"]
    assert [pid for pid, _ in r.worst(1)] == ["1"]


def test_worst_is_sorted_and_truncated() -> None:
    pairs = {f"p{i}": (" ".join("abcdefgh"[:i]), "a b c d e f g h") for i in range(1, 9)}
    worst = evaluate_bodies(pairs, n_bootstrap=0).worst(3)
    assert len(worst) == 3
    assert [s.f1 for _, s in worst] == sorted(s.f1 for _, s in worst)
    assert worst[0][1].f1 <= evaluate_bodies(pairs, n_bootstrap=0).pages["p8"].f1


def test_bootstrap_is_reproducible_and_small_for_uniform_pages() -> None:
    pairs = {f"p{i}": ("a b c d e", "a b c d e") if i % 2 else ("a b c d", "a b c d e") for i in range(20)}
    r1 = evaluate_bodies(pairs, n_bootstrap=200, seed=1)
    r2 = evaluate_bodies(pairs, n_bootstrap=200, seed=1)
    assert r1.f1_std == r2.f1_std
    assert 0 < r1.recall_std < 0.5
    assert r1.precision_std == 0.0  # every page has precision 1.0
    assert math.isnan(evaluate_bodies(pairs, n_bootstrap=0).f1_std)


def test_summary_is_json_ready() -> None:
    summary = evaluate_bodies([("a b c d", "a b c d")], n_bootstrap=0).summary()
    assert set(summary) >= {"n", "precision", "recall", "f1", "accuracy", "f1_std"}
    assert all(isinstance(v, float) for v in summary.values())


@given(st.text(max_size=60), st.text(max_size=60))
def test_score_properties(pred: str, gold: str) -> None:
    s = score_body(pred, gold)
    assert isinstance(s, BodyScore)
    total = s.tp + s.fp + s.fn
    assert total == 0 or math.isclose(total, 1.0)
    assert 0.0 <= s.f1 <= 1.0
    assert score_body(gold, gold).f1 == 1.0
    swapped = score_body(gold, pred)
    assert swapped.precision == s.recall and swapped.recall == s.precision


# --------------------------------------------------------------------------- #
# Metadata
# --------------------------------------------------------------------------- #


def _gold(**fields: object) -> dict[str, object]:
    record: dict[str, object] = {
        "title": "Storm hits coast",
        "authors": [],
        "agency": None,
        "published": "2019-11-19",
        "published_time": None,
        "dateline": None,
        "site_name": "The Daily Example",
        "language": "en",
        "confidence": "high",
    }
    record.update(fields)
    return record


def test_normalizers() -> None:
    assert normalize_title("Storm\u00a0hits\n coast ") == "Storm hits coast"
    assert normalize_title("ＡＢＣ") == "ABC"  # NFKC folds full-width forms
    assert normalize_title("“Quoted”") == "“Quoted”"  # curly quotes are kept
    assert normalize_title(None) is None
    assert normalize_name(" Danica  KIRKA ") == "danica kirka"


def test_title_exact_after_normalisation() -> None:
    gold = {"a": _gold(), "b": _gold(), "c": _gold(title=None)}
    preds = {"a": {"title": "Storm  hits\u00a0coast"}, "b": {"title": "Storm hits coast | Daily Example"}}
    r = score_metadata(preds, gold)
    assert r.title == 0.5  # "c" has no gold title and is not counted
    assert r.pages["a"].title is True and r.pages["b"].title is False and r.pages["c"].title is None


def test_authors_exact_set_and_micro_precision_recall() -> None:
    gold = {
        "one": _gold(authors=["Ann Lee", "Bo Chan"]),
        "two": _gold(authors=["Cy Dee"]),
        "none": _gold(authors=[]),
    }
    preds = {
        "one": {"authors": ["bo  chan", "ANN LEE"]},  # same set, other order and case
        "two": {"authors": ["Cy Dee", "Staff Reports"]},  # one extra
        "none": {"authors": []},
    }
    r = score_metadata(preds, gold)
    assert r.authors_exact == pytest.approx(2 / 3)
    assert r.author_precision == pytest.approx(3 / 4)
    assert r.author_recall == 1.0
    assert r.author_f1 == pytest.approx(2 * 0.75 / 1.75)


def test_missing_prediction_scores_as_empty() -> None:
    gold = {"a": _gold(authors=["Ann Lee"]), "b": _gold()}
    r = score_metadata({}, gold)
    assert r.authors_exact == 0.5  # "b" has no author and an empty prediction matches
    assert r.title == 0.0 and r.published == 0.0
    assert r.author_precision is None and r.author_recall == 0.0


def test_agency_exact_and_presence_scores() -> None:
    gold = {"a": _gold(agency="AP"), "b": _gold(agency=None), "c": _gold(agency="Reuters")}
    preds = {"a": {"agency": "ap"}, "b": {"agency": "AP"}, "c": {"agency": None}}
    r = score_metadata(preds, gold)
    assert r.agency == pytest.approx(1 / 3)
    assert r.agency_precision == 0.5
    assert r.agency_recall == 0.5


def test_published_day_strict_and_lenient() -> None:
    gold = {
        "local": _gold(published="2019-11-18", published_time="2019-11-19T04:58:46+00:00", confidence="low"),
        "high": _gold(published="2019-11-18", published_time="2019-11-19T04:58:46+00:00"),
        "nodate": _gold(published=None),
    }
    utc = datetime(2019, 11, 19, 4, 58, tzinfo=UTC)
    preds = {"local": {"published": utc}, "high": {"published": "2019-11-19"}, "nodate": {"published": None}}
    r = score_metadata(preds, gold)
    assert r.published == 0.0
    assert r.published_lenient == 0.5  # only the low-confidence record accepts the UTC day
    assert r.pages["nodate"].published is None


def test_published_accepts_dates_datetimes_and_strings() -> None:
    gold = {"a": _gold(), "b": _gold(), "c": _gold()}
    eastern = timezone(timedelta(hours=-5))
    preds = {
        "a": {"published": date(2019, 11, 19)},
        "b": {"published": datetime(2019, 11, 19, 22, 0, tzinfo=eastern)},  # local day is kept
        "c": {"published": "2019-11-19T10:00:00"},
    }
    assert score_metadata(preds, gold).published == 1.0


def test_dateline_detection_and_location() -> None:
    gold = {
        "both_same": _gold(dateline={"raw": "PARIS —", "location": "PARIS", "agency": None}),
        "both_diff": _gold(dateline={"raw": "BUFFALO, N.Y. —", "location": "BUFFALO, N.Y.", "agency": None}),
        "stub": _gold(dateline={"raw": "(Reuters) —", "location": None, "agency": "Reuters"}),
        "missed": _gold(dateline={"raw": "MADRID —", "location": "MADRID", "agency": None}),
        "spurious": _gold(dateline=None),
        "neither": _gold(dateline=None),
    }
    preds = {
        "both_same": {"dateline": {"location": "PARIS"}},
        "both_diff": {"dateline": {"location": "BUFFALO"}},
        "stub": {"dateline": {"raw": "(Reuters) —", "location": None}},
        "missed": {"dateline": None},
        "spurious": {"dateline": {"location": "DEAR ABBY"}},
        "neither": {},
    }
    r = score_metadata(preds, gold)
    assert r.dateline_precision == pytest.approx(3 / 4)
    assert r.dateline_recall == pytest.approx(3 / 4)
    assert r.dateline_f1 == pytest.approx(3 / 4)
    assert r.dateline_location == pytest.approx(2 / 3)  # both_same, stub (None == None); not both_diff
    assert r.dateline_location_overall == pytest.approx(3 / 6)  # both_same, stub, neither


def test_language_and_site_name() -> None:
    gold = {"a": _gold(), "b": _gold(language="pt", site_name="City A.M.")}
    preds = {
        "a": {"language": "EN", "site_name": "Daily Example"},
        "b": {"language": "en", "site_name": "CITY AM"},
    }
    r = score_metadata(preds, gold)
    assert r.language == 0.5
    assert r.site_name == 1.0


def test_article_predictions_are_accepted() -> None:
    article = Article(
        title="Storm hits coast",
        authors=(Author(name="Ann Lee", raw="ANN LEE"),),
        agency="AP",
        dateline=Dateline(raw="PARIS (AP) —", location="PARIS", agency="AP"),
        published=datetime(2019, 11, 19, 8, 0),
        language="en",
        site_name="The Daily Example",
        paragraphs=("Body.",),
    )
    gold = {
        "a": _gold(
            authors=["Ann Lee"],
            agency="AP",
            dateline={"raw": "PARIS (AP) —", "location": "PARIS", "agency": "AP"},
        )
    }
    r = score_metadata({"a": article}, gold)
    summary = r.summary()
    for key in ("title", "authors_exact", "agency", "published", "dateline_f1", "dateline_location"):
        assert summary[key] == 1.0, key
    assert summary["n"] == 1.0


def test_load_corpus_reads_all_files(tmp_path: Path) -> None:
    import gzip
    import json

    sh = tmp_path / "scrapinghub"
    (sh / "html").mkdir(parents=True)
    (tmp_path / "dumps").mkdir()
    truth = {"b2": {"articleBody": "Second.", "url": "https://b.test/"}, "a1": {"articleBody": "First."}}
    (sh / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (sh / "metadata.jsonl").write_text(json.dumps({"id": "a1", "title": "T"}) + "\n", encoding="utf-8")
    (tmp_path / "dumps" / "scrapinghub.jsonl").write_text(
        json.dumps({"id": "b2", "url": "https://b.test/", "dump": "Dump text", "gold_body": "Second."})
        + "\n",
        encoding="utf-8",
    )
    with gzip.open(sh / "html" / "a1.html.gz", "wt", encoding="utf-8") as f:
        f.write("<p>First.</p>")
    pages = load_corpus(tmp_path)
    assert [p.id for p in pages] == ["a1", "b2"]
    assert pages[0].metadata == {"id": "a1", "title": "T"} and pages[1].metadata is None
    assert pages[0].read_html() == "<p>First.</p>"
    assert pages[0].dump is None and pages[1].dump == "Dump text"
    assert pages[0].url == "" and pages[1].url == "https://b.test/"
