"""Encodings: BOMs, strict UTF-8, BOM-less UTF-16 and detected legacy code pages."""

from __future__ import annotations

import pytest

from newsdossier.errors import RecordError
from newsdossier.ingest.decode import decode

RUSSIAN = "Прорыв дамбы в Заречье: погибли не менее 40 человек, сообщили власти во вторник."
FRENCH = "Le barrage de Vésiers a cédé mardi ; « plus de 40 morts », selon la préfecture. Déjà ça."
GERMAN = "Der Damm bei Grünwald brach am Dienstag; über 40 Menschen starben. Größe zählt."
POLISH = "Tama w Łodzi pękła we wtorek; zginęło ponad 40 osób, podała straż pożarna."
GREEK = "Το φράγμα έσπασε την Τρίτη, πάνω από 40 άνθρωποι έχασαν τη ζωή τους."
ENGLISH = "The dam near Sørvik failed on Tuesday, the café owner said: “it was failing for years”."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
        (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
        (ENGLISH.encode("utf-16"), ENGLISH, "utf-16-le"),  # Python writes a little-endian BOM
        (b"\xfe\xff" + ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be"),
        (ENGLISH.encode("utf-32"), ENGLISH, "utf-32-le"),
        ("The dam failed on Tuesday.".encode("utf-16-le"), "The dam failed on Tuesday.", "utf-16-le"),
        ("The dam failed on Tuesday.".encode("utf-16-be"), "The dam failed on Tuesday.", "utf-16-be"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
        (RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r"),
        (FRENCH.encode("latin-1"), FRENCH, "iso-8859-1"),
        (GERMAN.encode("latin-1"), GERMAN, "iso-8859-1"),
        (ENGLISH.encode("cp1252"), ENGLISH, "cp1252"),
        (POLISH.encode("cp1250"), POLISH, "cp1250"),
        (GREEK.encode("cp1253"), GREEK, "cp1253"),
    ],
)
def test_decode_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_decode_keeps_newlines_as_they_are() -> None:
    assert decode(b"a\r\nb\rc\n").text == "a\r\nb\rc\n"


def test_decode_uses_declared_charset_when_utf8_fails() -> None:
    assert decode(RUSSIAN.encode("cp1251"), declared="windows-1251").encoding == "windows-1251"


def test_decode_prefers_valid_utf8_over_a_wrong_declaration() -> None:
    assert decode(ENGLISH.encode("utf-8"), declared="iso-8859-1").text == ENGLISH


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(1, 32)) * 40,  # control characters throughout
        b"\xff\xfe\x00\xd8",  # a UTF-16 BOM followed by a lone surrogate
        bytes((i * 37 + 11) % 255 + 1 for i in range(4000)),  # noise without NULs
    ],
    ids=["controls", "bad-utf16", "noise"],
)
def test_decode_rejects_undecodable_bytes(data: bytes) -> None:
    with pytest.raises(RecordError) as info:
        decode(data)
    assert info.value.reason == "undecodable"
    assert "UTF-8" in info.value.detail
