"""The ``captions`` stage: image captions and photo credits leave the body for ``captions``."""

from __future__ import annotations

import pytest

from newsclean import Caption, Document
from newsclean.stages import Captions

from ._helpers import PAGES, PROSE, SNIPPETS, lines_doc, run_stage, run_until


def captions(lines: list[str], *, lang: str = "en", tags: dict[int, str] | None = None) -> Document:
    doc = lines_doc(lines, lang=lang)
    for i, tag in (tags or {}).items():
        doc.blocks[i].tag = tag
    return run_stage(Captions(), doc)


@pytest.mark.parametrize(
    ("line", "text", "credit", "rule"),
    [
        (
            "Protesters march in Hong Kong on Tuesday. (AP Photo/Vincent Yu)",
            "Protesters march in Hong Kong on Tuesday.",
            "AP Photo/Vincent Yu",
            "xx/credit-agency-photo",
        ),
        (
            "A firefighter sprays water on a burning house in Paradise, Calif. (AP Photo/Noah Berger, File)",
            "A firefighter sprays water on a burning house in Paradise, Calif.",
            "AP Photo/Noah Berger, File",
            "xx/credit-agency-photo",
        ),
        (
            "Prince Harry arrives at the event. (Photo by Chris Jackson/Getty Images)",
            "Prince Harry arrives at the event.",
            "Photo by Chris Jackson/Getty Images",
            "xx/credit-photo-by",
        ),
        (
            "The harbour at dawn. Photograph: Adrian Malloch for the Guardian",
            "The harbour at dawn.",
            "Photograph: Adrian Malloch for the Guardian",
            "xx/credit-label",
        ),
        (
            "Police officers stand guard in central Paris. REUTERS/Benoit Tessier",
            "Police officers stand guard in central Paris.",
            "REUTERS/Benoit Tessier",
            "xx/credit-caps-agency",
        ),
        (
            "A NATO flag flutters at a military base in Estonia, April 30, 2023. REUTERS FILE PHOTO",
            "A NATO flag flutters at a military base in Estonia, April 30, 2023.",
            "REUTERS FILE PHOTO",
            "xx/credit-caps-agency",
        ),
        (
            "Rescue workers search the rubble in Antakya, Feb. 8, 2023. REUTERS/Umit Bektas/File Photo",
            "Rescue workers search the rubble in Antakya, Feb. 8, 2023.",
            "REUTERS/Umit Bektas/File Photo",
            "xx/credit-caps-agency",
        ),
        (
            "The summit opened in Rome. AFP PHOTO / Tiziana Fabi",
            "The summit opened in Rome.",
            "AFP PHOTO / Tiziana Fabi",
            "xx/credit-caps-agency",
        ),
        (
            "The mayor speaks at the town hall on Monday. Image: Vjeran Pavic / The Verge",
            "The mayor speaks at the town hall on Monday.",
            "Image: Vjeran Pavic / The Verge",
            "xx/credit-label",
        ),
    ],
)
def test_caption_with_a_trailing_credit_is_split(line: str, text: str, credit: str, rule: str) -> None:
    doc = captions([PROSE, line, PROSE])
    assert doc.captions == [Caption(text=text, credit=credit)]
    assert [b.removed for b in doc.blocks] == [None, "caption", None]
    (removal,) = doc.removals
    assert (removal.stage, removal.rule, removal.text) == ("captions", rule, line)


@pytest.mark.parametrize(
    ("lang", "line", "text", "credit"),
    [
        (
            "de",
            "Die Kanzlerin im Bundestag. Foto: Kay Nietfeld/dpa",
            "Die Kanzlerin im Bundestag.",
            "Foto: Kay Nietfeld/dpa",
        ),
        (
            "fr",
            "Le maire devant l'hôtel de ville, lundi. Crédits photos : Bestimage",
            "Le maire devant l'hôtel de ville, lundi.",
            "Crédits photos : Bestimage",
        ),
    ],
)
def test_credit_labels_in_other_languages(lang: str, line: str, text: str, credit: str) -> None:
    assert captions([line], lang=lang).captions == [Caption(text=text, credit=credit)]


def test_figcaption_without_a_credit_is_still_a_caption() -> None:
    doc = captions([PROSE, "A crew fastens railings to the new walkway."], tags={1: "figcaption"})
    assert doc.captions == [Caption(text="A crew fastens railings to the new walkway.")]
    assert doc.removals[0].rule == "html/figcaption"


def test_caption_class_marks_a_caption_in_html() -> None:
    doc = lines_doc([PROSE, "The old bridge seen from the river."])
    doc.blocks[1].context = "entry content wp caption wp-caption-text"
    doc = run_stage(Captions(), doc)
    assert doc.captions == [Caption(text="The old bridge seen from the river.")]


def test_a_credit_alone_after_a_caption_is_attached_to_it() -> None:
    doc = captions(
        ["Firefighters work at the scene on Monday.", "(AP Photo/Ruth Calloway)"], tags={0: "figcaption"}
    )
    assert doc.captions == [
        Caption(text="Firefighters work at the scene on Monday.", credit="AP Photo/Ruth Calloway")
    ]
    assert [b.removed for b in doc.blocks] == ["caption", "caption"]


def test_a_credit_alone_does_not_overwrite_the_previous_captions_credit() -> None:
    doc = captions(["Firefighters at the scene. (AP Photo/Ruth Calloway)", "Photo: Getty Images"])
    assert doc.captions == [
        Caption(text="Firefighters at the scene.", credit="AP Photo/Ruth Calloway"),
        Caption(text="", credit="Photo: Getty Images"),
    ]


def test_a_lone_credit_is_kept_as_a_credit_without_text() -> None:
    doc = captions([PROSE, "Photo: Getty Images", PROSE])
    assert doc.captions == [Caption(text="", credit="Photo: Getty Images")]
    assert doc.blocks[1].removed == "caption"


SENTENCE_CAPTION = "An artist's concept of the lander on the surface of the moon."


def test_a_sentence_between_a_gallery_counter_and_a_lone_credit_is_its_caption() -> None:
    doc = captions([PROSE, "Image 2 of 5", SENTENCE_CAPTION, "(Image credit: Example Space Co.)", PROSE])
    assert doc.captions == [Caption(text=SENTENCE_CAPTION, credit="Image credit: Example Space Co.")]
    assert [b.removed for b in doc.blocks] == [None, None, "caption", "caption", None]


def test_two_sentences_after_an_ad_line_above_a_lone_credit_stay() -> None:
    closing = "The bill now goes to the committee. A vote is planned for the summer."
    doc = captions([PROSE, "Click here to learn more", closing, "Photo: Example Agency"])
    assert doc.captions == [Caption(text="", credit="Photo: Example Agency")]
    assert doc.blocks[2].removed is None


def test_a_sentence_of_the_story_above_a_lone_credit_stays() -> None:
    # The paragraph above it is the story's: the photo follows that text, it does not caption it.
    doc = captions([PROSE, SENTENCE_CAPTION, "(Image credit: Example Space Co.)", PROSE])
    assert doc.captions == [Caption(text="", credit="Image credit: Example Space Co.")]
    assert doc.blocks[1].removed is None


@pytest.mark.parametrize(
    "line",
    [
        "She said she had spoken to AP Photo editors in New York on Monday about the award.",
        "The agency said it would comment later, according to REUTERS reporting in the region",
        "He said the photo showed a crowd: thousands of people filled the square to protest, police said.",
        "Reuters contributed to this report.",
        PROSE,
    ],
)
def test_body_sentences_that_mention_photos_or_agencies_stay(line: str) -> None:
    doc = captions([line])
    assert doc.captions == [] and doc.removals == []


def test_a_long_paragraph_ending_in_a_credit_is_not_a_caption() -> None:
    long = " ".join([PROSE] * 7) + " (AP Photo/Ruth Calloway)"
    doc = captions([long])
    assert doc.captions == [] and doc.removals == []


def test_photographer_slash_agency_credit() -> None:
    doc = captions(["Singer Cardi B performs at the festival. Mike Coppola/Getty Images"])
    assert doc.captions == [
        Caption(text="Singer Cardi B performs at the festival.", credit="Mike Coppola/Getty Images")
    ]


def test_unsplash_credit() -> None:
    doc = captions(["Hikers on the ridge trail at sunrise. Photo by ev on Unsplash"])
    assert doc.captions == [
        Caption(text="Hikers on the ridge trail at sunrise.", credit="Photo by ev on Unsplash")
    ]


def test_german_parenthetical_credit() -> None:
    doc = captions(["Die Kanzlerin im Bundestag. (Foto: Getty)"], lang="de")
    assert doc.captions == [Caption(text="Die Kanzlerin im Bundestag.", credit="Foto: Getty")]


def test_bare_agency_credit_at_the_end_of_a_figcaption() -> None:
    doc = captions(
        ["Workers repair the roof of the cathedral in Rouen on Friday. (AFP)"], tags={0: "figcaption"}
    )
    assert doc.captions == [
        Caption(text="Workers repair the roof of the cathedral in Rouen on Friday.", credit="AFP")
    ]


def test_html_page_figcaptions() -> None:
    doc = run_until(PAGES / "figcaption_ap_photo.html", "captions")
    assert doc.captions == [
        Caption(
            text="Volunteers carry planks along the beach in Cape May Point, N.J., on Sept. 30, 2023.",
            credit="AP Photo/Ruth Calloway",
        ),
        Caption(text="A crew fastens railings to the new walkway."),
    ]
    assert [r.rule for r in doc.removals if r.reason == "caption"] == [
        "xx/credit-agency-photo",
        "html/figcaption",
    ]


def test_figcaption_from_parsed_html() -> None:
    doc = run_until(SNIPPETS / "parse_links_and_context.html", "captions")
    assert doc.captions == [Caption(text="The library site in March.")]


def test_the_ap_caption_credit_is_not_taken_for_a_dateline() -> None:
    article_doc = run_until(PAGES / "figcaption_ap_photo.html", "dateline")
    assert article_doc.dateline is not None
    assert article_doc.dateline.location == "CAPE MAY POINT, N.J."


def test_a_caption_repeated_around_a_lone_credit_is_a_caption_every_time() -> None:
    caption = "The defence minister shakes hands with his host in Hanoi on Wednesday, Nov. 20, 2019."
    story = "The minister said the two countries would hold joint exercises next year, officials confirmed."
    doc = run_stage(
        Captions(),
        lines_doc([caption + " less", caption[:60] + "... more", "Photo: Hau Dinh, AP", story, caption]),
    )
    assert [b.removed for b in doc.blocks] == ["caption", "caption", "caption", None, "caption"]
    rules = {r.rule for r in doc.removals if r.text.startswith("The defence")}
    assert rules == {"xx/repeated-caption", "xx/credit-label#caption-above"}


def test_a_paragraph_above_a_lone_credit_stays_unless_it_repeats() -> None:
    story = "The minister said the two countries would hold joint exercises next year, officials confirmed."
    doc = run_stage(Captions(), lines_doc([story, "Photo: Hau Dinh, AP", "Another paragraph follows here."]))
    assert [b.removed for b in doc.blocks] == [None, "caption", None]


def test_the_short_line_above_a_lone_credit_in_a_dump_is_its_caption() -> None:
    lines = ["Bundeskanzler Olaf Scholz im Bundestag", "Foto: Michael Kappeler / dpa", PROSE]
    doc = run_stage(Captions(), lines_doc(lines, lang="de"))
    assert doc.captions == [Caption(text=lines[0], credit="Foto: Michael Kappeler / dpa")]
    assert [b.removed for b in doc.blocks] == ["caption", "caption", None]


def test_a_byline_or_a_sentence_above_a_lone_credit_stays() -> None:
    # A date line stays for the published stage, even with its year left out.
    for above in ["By Jane Roe", PROSE, "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM"]:
        doc = run_stage(Captions(), lines_doc([above, "Photo: Getty Images", PROSE]))
        assert doc.blocks[0].removed is None, above
