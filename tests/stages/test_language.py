"""The ``language`` stage: the caller's language, else the text's, else the page's declaration."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Language

from ._helpers import PAGES, SNIPPETS, run_until

TEXTS = {
    "en": "The government said on Monday that taxes will not rise this year and that the pension reform "
    "will be presented in June, according to people at the ministry.",
    "de": "Die Regierung hat am Montag mitgeteilt, dass die Steuern in diesem Jahr nicht steigen werden und "
    "die Rentenreform im Juni vorgestellt wird, hieß es aus dem Ministerium.",
    "fr": "Le gouvernement a annoncé lundi que les impôts n'augmenteront pas cette année et que la réforme "
    "des retraites sera présentée en juin, selon des sources du ministère.",
    "es": "El gobierno anunció el lunes que los impuestos no subirán este año y que la reforma de las "
    "pensiones se presentará en junio, según fuentes del ministerio.",
    "pt": "O governo anunciou na segunda-feira que os impostos não vão subir este ano e que a reforma da "
    "previdência será apresentada em junho, segundo fontes do ministério.",
    "it": "Il governo ha annunciato lunedì che le tasse non aumenteranno quest'anno e che la riforma delle "
    "pensioni sarà presentata a giugno, secondo fonti del ministero.",
    "nl": "De regering heeft maandag bekendgemaakt dat de belastingen dit jaar niet omhoog gaan en dat de "
    "hervorming van de pensioenen in juni wordt gepresenteerd, aldus het ministerie.",
    "ru": "Правительство заявило в понедельник, что налоги в этом году не будут повышены, а пенсионная "
    "реформа будет представлена в июне.",
    "tr": "Hükümet pazartesi günü yaptığı açıklamada, bu yıl vergilerin artmayacağını ve emeklilik "
    "reformunun haziran ayında meclise sunulacağını bildirdi, bakanlık kaynaklarına göre.",
    "sv": "Regeringen meddelade på måndagen att skatterna inte kommer att höjas i år och att "
    "pensionsreformen ska presenteras i juni, enligt uppgifter från departementet.",
    "ar": "قالت الحكومة يوم الاثنين إن الضرائب لن ترتفع هذا العام وإن إصلاح نظام التقاعد سيعرض في يونيو، "
    "وفق مصادر في الوزارة.",
    "cs": "Vláda v pondělí oznámila, že daně se letos nezvýší a že penzijní reforma bude představena "
    "v červnu, uvedly zdroje z ministerstva.",
    "id": "Pemerintah mengumumkan pada hari Senin bahwa pajak tidak akan naik tahun ini dan reformasi "
    "pensiun akan disampaikan pada bulan Juni, menurut sumber di kementerian.",
    "uk": "Уряд у понеділок оголосив, що податки цього року не зростуть, а пенсійну реформу представлять "
    "у червні, повідомили джерела в міністерстві.",
    "vi": "Chính phủ cho biết vào thứ Hai rằng thuế sẽ không tăng trong năm nay và cải cách lương hưu "
    "sẽ được trình vào tháng Sáu, theo các nguồn tin từ bộ.",
    "hi": "सरकार ने सोमवार को कहा कि इस साल कर नहीं बढ़ेंगे और पेंशन सुधार जून में पेश किया जाएगा, मंत्रालय के सूत्रों ने बताया।",
    "el": "Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι φόροι δεν θα αυξηθούν φέτος και ότι η συνταξιοδοτική "
    "μεταρρύθμιση θα παρουσιαστεί τον Ιούνιο, σύμφωνα με πηγές του υπουργείου.",
    "da": "Regeringen meddelte mandag, at skatterne ikke bliver hævet i år, og at pensionsreformen skal "
    "fremlægges i juni. Det blev oplyst af ministeriet, siger kilder.",
    "nb": "Regjeringen meddelte mandag at skattene ikke blir økt i år, og at pensjonsreformen skal legges "
    "fram i juni. Det ble opplyst av departementet, sier kilder.",
    "ro": "Guvernul a anunțat luni că taxele nu vor crește anul acesta și că reforma pensiilor va fi "
    "prezentată în iunie, potrivit unor surse din minister.",
    "ko": "정부는 월요일 올해 세금을 인상하지 않을 것이며 연금 개혁안은 6월에 제출될 것이라고 밝혔다.",
    "ja": "政府は月曜日、今年は税金を引き上げないと発表した。年金改革は六月に提出される予定だ。",
    "zh": "政府周一宣布，今年不会提高税收，养老金改革将于六月提交，据该部消息人士称。",
}


def decide(lines: list[str], *, declared: str | None = None, html_lang: str | None = None) -> str | None:
    doc = Document.from_lines(lines)
    doc.declared_language = declared
    if html_lang is not None:
        doc.metadata["html_lang"] = html_lang
    return Language()(doc).language


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_language_is_detected_from_the_text(lang: str) -> None:
    assert decide([TEXTS[lang]]) == lang


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("pt_BR", "pt"),
        ("DE", "de"),
        ("fr-CA", "fr"),
        ("no", "nb"),  # Norwegian as a whole reads as Bokmål, whose file newsclean ships
        ("nb-NO", "nb"),
        ("iw", "he"),  # a withdrawn code for Hebrew
    ],
)
def test_the_callers_language_wins_and_is_reduced_to_its_primary_subtag(declared: str, expected: str) -> None:
    # Even against text in another language: the caller knows best.
    assert decide([TEXTS["de"]], declared=declared) == expected


def test_html_lang_decides_when_the_text_is_too_short_to_tell() -> None:
    assert decide(["Kurz."], html_lang="de-de") == "de"


def test_confident_detection_overrides_a_wrong_html_lang() -> None:
    # Templates often keep lang="en" on pages in other languages.
    assert decide([TEXTS["de"]], html_lang="en") == "de"


@pytest.mark.parametrize(
    "text",
    [
        "Hallitus ilmoitti maanantaina, että veroja ei koroteta tänä vuonna ja että eläkeuudistus esitellään "
        "kesäkuussa, kertoivat ministeriön lähteet.",
        "A kormány hétfőn bejelentette, hogy az adók idén nem emelkednek, és a nyugdíjreformot júniusban "
        "mutatják be, közölték a minisztérium forrásai.",
    ],
)
def test_a_language_without_a_file_is_not_taken_for_one_with_a_file(text: str) -> None:
    # Finnish and Hungarian: the Turkish, Swedish, Czech and Indonesian stopwords must not claim them.
    assert decide([text]) is None


@pytest.mark.parametrize(
    "text",
    [
        # Russian naming Ukrainian places in their Ukrainian spelling stays Russian.
        "Делегация посетила Київ и Львів, где обсудила с местными властями восстановление школ и больниц "
        "после зимы, сообщили в министерстве.",
        # Belarusian writes "і" too, but also "ў": not Ukrainian.
        "Урад у панядзелак абвясціў, што падаткі ў гэтым годзе не вырастуць, а пенсійная рэформа будзе "
        "прадстаўлена ў чэрвені.",
    ],
)
def test_cyrillic_without_a_ukrainian_share_stays_russian(text: str) -> None:
    assert decide([text]) == "ru"


SCANDINAVIAN = {
    "da": [
        "Politiet blev tilkaldt efter en brand i en lejlighed natten til søndag. "
        "Ingen kom til skade, siger vagtchefen.",
        "Det var en meget svær beslutning, men vi havde ikke noget valg, sagde direktøren efter mødet.",
    ],
    "nb": [
        "Politiet ble tilkalt etter en brann i en leilighet natt til søndag. "
        "Ingen ble skadet, sier operasjonslederen.",
        "Det var en veldig vanskelig beslutning, men vi hadde ikke noe valg, sa direktøren etter møtet.",
    ],
    "sv": [
        "Polisen larmades efter en brand i en lägenhet natten till söndag. "
        "Ingen skadades, säger vakthavande befäl.",
        "Det var ett mycket svårt beslut, men vi hade inget val, sade direktören efter mötet med personalen.",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, texts in SCANDINAVIAN.items() for t in texts])
def test_close_scandinavian_languages_are_told_apart(lang: str, text: str) -> None:
    # Danish, Norwegian and Swedish share most function words; the words only one has decide.
    assert decide([text]) == lang


def test_no_evidence_leaves_the_language_unknown() -> None:
    assert decide(["OK", "Menu"]) is None


def test_a_malformed_declaration_is_not_a_language() -> None:
    assert decide(["OK"], html_lang="not a tag!") is None


MENU = [
    "Sign up for the newsletter",
    "Read more on this",
    "Log in to your account",
    "About us and the team",
    "It is what it is",
    "Share this with a friend",
    "Back to the top of the page",
    "What is on at the weekend",
    "Who we are and what we do",
    "This is the best of the week",
]


def test_short_english_menu_lines_do_not_outvote_a_german_body() -> None:
    body = [
        TEXTS["de"],
        "Der Bundestag hat am Donnerstag lange über den Haushalt debattiert, die Opposition war dagegen.",
    ]
    # Counted together, the menu's English stopwords would win; only the long blocks vote.
    assert decide(MENU + body) == "de"


@pytest.mark.parametrize(
    ("page", "lang"),
    [
        (PAGES / "german_dpa_dump.txt", "de"),
        (PAGES / "french_par_page.html", "fr"),
        (PAGES / "spanish_por_dump.txt", "es"),
        (PAGES / "ap_wire_dump.txt", "en"),
        (PAGES / "indonesian_antara_dump.txt", "id"),
        (PAGES / "czech_ctk_dump.txt", "cs"),
        (PAGES / "korean_yonhap_dump.txt", "ko"),
        (PAGES / "ukrainian_ukrinform_dump.txt", "uk"),
        (PAGES / "russian_tass_dump.txt", "ru"),
        (PAGES / "arabic_reuters_dump.txt", "ar"),
        (PAGES / "swedish_tt_dump.txt", "sv"),
        (PAGES / "turkish_aa_dump.txt", "tr"),
        (PAGES / "japanese_kyodo_dump.txt", "ja"),
        (PAGES / "vietnamese_ttxvn_dump.txt", "vi"),
        (PAGES / "hindi_bhasha_dump.txt", "hi"),
        (PAGES / "greek_apempe_dump.txt", "el"),
        (PAGES / "danish_ritzau_dump.txt", "da"),
        (PAGES / "norwegian_ntb_dump.txt", "nb"),
        (PAGES / "romanian_agerpres_dump.txt", "ro"),
        (SNIPPETS / "parse_br_lines.html", "en"),
    ],
)
def test_fixture_pages_get_their_language(page: object, lang: str) -> None:
    assert run_until(page, "language").language == lang


def test_lang_given_to_the_pipeline_is_used() -> None:
    doc = run_until(PAGES / "ap_wire_dump.txt", "language", lang="en-US")
    assert doc.language == "en"


def test_language_removes_nothing() -> None:
    doc = run_until(PAGES / "german_dpa_dump.txt", "language")
    assert doc.removals == []
