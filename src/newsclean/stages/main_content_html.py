"""HTML furniture the main-content verdict leaves behind, for the ``main_content`` stage.

trafilatura decides which blocks of an HTML page are the story (``Block.main``). Around that
verdict: prose it left out between the blocks it kept is rescued; a block it left out is dropped
with the reason its containers name (``nav`` → navigation, ``aside`` → related...); inside the
story, menu links, teaser boxes, runs of short links, a menu at the very top and a section kicker
over the headline leave; the page's description printed over the byline becomes the standfirst.

>>> from newsclean.document import Block
>>> context_reason(Block(index=0, text="Home", context="nav menu"))
('navigation', 'html/context-menu')
"""

from __future__ import annotations

from newsclean.document import Block, Document
from newsclean.shape import is_prose, word_count, word_key
from newsclean.stages.furniture import lines_above_story

_RESCUE_GAP = 3  # blocks of something else after which the story is not resumed
_MENU_MAX_WORDS = 3  # a menu item's words, as in the dump strategy of main_content


def rescued_prose(blocks: list[Block], max_link_density: float = 0.3) -> set[int]:
    """Prose the main-content finder left out between two blocks it kept: a story
    split across sibling containers, with an ad row or a share bar between them."""
    mains = [i for i, b in enumerate(blocks) if b.main]
    if not mains:
        return set()
    rescued = {
        b.index
        for b in blocks[mains[0] : mains[-1] + 1]
        if not b.main
        and b.link_density <= max_link_density
        and is_prose(b.text)
        and _inner_furniture(b) is None
    }
    # After the last kept block, prose in containers of the same kind as the
    # kept ones continues the story (its next section, in a sibling container).
    signatures = {_container(b) for b in blocks if b.main}
    signatures.discard("")
    misses = 0
    for b in blocks[mains[-1] + 1 :]:
        same_kind = _container(b) in signatures and b.link_density <= max_link_density
        if same_kind and is_prose(b.text):
            rescued.add(b.index)
            misses = 0
        else:
            misses += 1
            if misses > _RESCUE_GAP:
                break
    return rescued


def _container(block: Block, depth: int = 3) -> str:
    return " ".join(block.context.split()[-depth:])


_CONTEXT_REASONS = {
    **dict.fromkeys(["comment", "comments", "disqus", "respond", "replies", "discussion"], "comments"),
    **dict.fromkeys(
        ["related", "recommended", "recommendations", "readmore", "morestories", "trending", "latest"],
        "related",
    ),
    **dict.fromkeys(
        ["ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "promo", "taboola"], "advertisement"
    ),
    **dict.fromkeys(["outbrain", "dfp"], "advertisement"),
    **dict.fromkeys(["newsletter", "subscribe", "signup", "subscription"], "newsletter"),
    **dict.fromkeys(["share", "sharing", "social", "sharebar"], "social"),
    **dict.fromkeys(
        ["nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead"], "navigation"
    ),
    **dict.fromkeys(["footer", "copyright", "colophon"], "copyright"),
    **dict.fromkeys(["bio", "biography", "authorbio"], "byline"),
    **dict.fromkeys(["cookie", "cookies", "consent", "gdpr"], "cookie_notice"),
}


_MENU_CONTAINERS = frozenset(w for w, reason in _CONTEXT_REASONS.items() if reason == "navigation")
_MENU_LINK_MAX_WORDS = 6
_MENU_LINK_DENSITY = 0.5
_MENU_LABEL_MAX_WORDS = 4


def menu_link(block: Block) -> str | None:
    """The container word that makes a short link a menu entry ("navbar", "menu"...), if any:
    a main-content finder sometimes takes a whole page, its menus with it."""
    words = word_count(block.text)
    linked = block.link_density >= _MENU_LINK_DENSITY and words <= _MENU_LINK_MAX_WORDS
    if not linked and words > _MENU_LABEL_MAX_WORDS:
        return None  # a menu's own labels ("SERVICES") carry no link
    return next((w for w in reversed(block.context.split()) if w in _MENU_CONTAINERS), None)


_KICKER_MAX_WORDS = 3
_MENU_HEAD_RUN = 3


def drop_menu_head(doc: Document) -> None:
    """HTML: one- to three-word lines that trafilatura kept at the very top of the main text, three
    or more before the story's first paragraph, are a menu or a row of labels (cleaned again as a
    dump, they would read as one)."""
    head = lines_above_story(list(doc.kept()))
    # A longer line among them: the story's own lines begin above the list.
    if head is None or len(head) < _MENU_HEAD_RUN or any(word_count(b.text) > _MENU_MAX_WORDS for b in head):
        return
    for block in head:
        doc.drop(block, reason="navigation", rule="html/menu-head")


def drop_kicker(doc: Document) -> None:
    """HTML: a label of a few words kept right over the headline ("Transports", "Exclusive") is the
    section's kicker, not the story's first paragraph."""
    if doc.headline_index is None or doc.headline_index == 0:
        return
    above = doc.blocks[doc.headline_index - 1]
    if above.removed is None and word_count(above.text) <= _KICKER_MAX_WORDS and not is_prose(above.text):
        first = next(iter(doc.kept()), None)
        if first is above:  # nothing of the story above it
            doc.drop(above, reason="navigation", rule="html/kicker")


_DECK_REACH = 4  # blocks between the standfirst and the byline or date line under it


def description_deck(doc: Document) -> Block | None:
    """The block right under the headline that trafilatura left out of the main text but that is
    the page's description over the byline: the standfirst, which take_standfirst may take."""
    description = doc.metadata.get("description")
    if doc.headline_index is None or not description:
        return None
    index = doc.headline_index + 1
    if index >= len(doc.blocks):
        return None
    block = doc.blocks[index]
    if block.removed is not None or block.main or word_key(block.text) != word_key(description):
        return None
    return block


def take_standfirst(doc: Document) -> None:
    """The standfirst (deck) printed over the byline, when the page gives it as its description:
    it summarises the story and moves to ``doc.standfirst``. A first paragraph that is also the
    description but stands under the byline is the story's lead and stays."""
    description = doc.metadata.get("description")
    first = next(iter(doc.kept()), None)
    if first is None or not description or not is_prose(first.text):
        return
    if word_key(first.text) != word_key(description):
        return
    under = doc.blocks[first.index + 1 : first.index + 1 + _DECK_REACH]
    if not any(b.removed == "byline" for b in under):
        return
    doc.standfirst = first.text
    doc.drop(first, reason="standfirst", rule="html/description-deck")


_LINKED_RUN_MIN = 6
_LINKED_MAX_WORDS = 4


def drop_linked_runs(doc: Document) -> None:
    """A run of short links the main-content finder kept (a category list, a sidebar menu): six or
    more one- to four-word blocks in a row, each mostly link text. A story links words inside its
    sentences, not block after block."""
    run: list[Block] = []
    for block in [*doc.kept(), None]:
        if (
            block is not None
            and block.link_density >= _MENU_LINK_DENSITY
            and word_count(block.text) <= _LINKED_MAX_WORDS
        ):
            run.append(block)
            continue
        if len(run) >= _LINKED_RUN_MIN:
            for linked in run:
                doc.drop(linked, reason="navigation", rule="html/link-list")
        run = []


_BOX_REASONS = frozenset({"related", "advertisement", "newsletter"})
_BOX_MAX_WORDS = 30
_INNER_CONTAINERS = 4


def _inner_furniture(block: Block) -> str | None:
    """A furniture word among the class/id words of the block's innermost containers."""
    words = block.context.split()[-_INNER_CONTAINERS:]
    return next((w for w in reversed(words) if w in _CONTEXT_REASONS), None)


def teaser_box(block: Block) -> tuple[str, str] | None:
    """A short block inside a related-stories, promo or newsletter box that the main-content
    finder took in with the story: a teaser's headline or summary, a sign-up line."""
    word = _inner_furniture(block)
    if word is None or _CONTEXT_REASONS[word] not in _BOX_REASONS or word_count(block.text) > _BOX_MAX_WORDS:
        return None
    return _CONTEXT_REASONS[word], f"html/context-{word}"


def context_reason(block: Block) -> tuple[str, str]:
    """Why an HTML block outside the main content is furniture, from its containers' names."""
    for word in reversed(block.context.split()):
        reason = _CONTEXT_REASONS.get(word)
        if reason:
            return reason, f"html/context-{word}"
    return "not_main_content", "trafilatura/main-content"
