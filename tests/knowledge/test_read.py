from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from studyapp.knowledge.ingest.read import ReadError, read_note

CONTENT = Path(__file__).resolve().parents[2] / "content"
# UTF-8 misread as Windows-1254 and saved again as UTF-8, with the bytes cp1254 lacks lost.
TURKISH_MOJIBAKE = CONTENT / "serverless-section-19.md"
CLEAN_SEEDS = [
    "serverless-aws-solution-architect.md",
    "serverless-obsidian.md",
    "aws-serverless-lambda-notes.md",
    "serverless-solution-architecture.md",
]
MB = 1024 * 1024


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n ", "  \n".encode("utf-16")])
def test_empty_or_whitespace_only(data):
    with pytest.raises(ReadError, match="^empty file$"):
        read_note(data)


def test_over_the_limit_names_size_and_limit():
    with pytest.raises(ReadError) as err:
        read_note(b"a" * int(7.2 * MB))
    assert str(err.value) == "larger than 5 MB limit (7.2 MB)"
    with pytest.raises(ReadError, match=r"^larger than 10 bytes limit \(11 bytes\)$"):
        read_note(b"a" * 11, max_bytes=10)
    assert read_note(b"a" * 10, max_bytes=10).text == "a" * 10


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04\x00\x00text", "binary file (NUL bytes)"),
        ("a\x00b".encode("utf-16"), "binary file (NUL bytes)"),
        (bytes(range(1, 32)) * 4 + b"some text", "binary file (control characters)"),
        (codecs.BOM_UTF16_LE + b"abc", "cannot decode text"),  # odd length
        (codecs.BOM_UTF8 + b"caf\xe9", "cannot decode text"),
    ],
)
def test_unusable_bytes(data, reason):
    with pytest.raises(ReadError) as err:
        read_note(data)
    assert str(err.value) == reason


def test_a_few_stray_control_characters_are_still_text():
    assert read_note(b"\x1b[1mbold\x1b[0m and a long enough line of text").encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Café ✅\r\nnext".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Café ✅\r\nnext".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Café ✅\r\nnext".encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + "Café ✅\r\nnext".encode("utf-32-le"), "utf-32"),
    ],
)
def test_bom_is_read_and_removed(data, encoding):
    result = read_note(data)

    assert result.text == "Café ✅\nnext"
    assert result.encoding == encoding
    assert "removed BOM" in result.repairs
    assert "CRLF -> LF" in result.repairs


def test_line_endings_become_lf():
    result = read_note(b"one\r\ntwo\rthree\n")

    assert result.text == "one\ntwo\nthree\n"
    assert result.repairs == ("CRLF -> LF", "CR -> LF")


def test_nfc():
    result = read_note("Cafe\u0301".encode())

    assert result.text == "Café"
    assert result.repairs == ("normalized to NFC",)


def test_cp1252_is_preferred_for_latin_text():
    # charset-normalizer alone calls these cp1250 and cp1006 (Farsi): wrong or lucky.
    result = read_note(b"Caf\xe9 \x93quoted\x94 \x96 dash")
    assert (result.text, result.encoding) == ("Café “quoted” – dash", "cp1252")
    assert result.repairs == ("decoded as cp1252",)
    assert read_note(b"na\xefve r\xe9sum\xe9").text == "naïve résumé"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет, как дела? Это тестовый текст заметки.", "cp1251"),
        ("Zażółć gęślą jaźń, to jest test polskiego tekstu.", "cp1250"),
    ],
)
def test_other_code_pages_are_left_to_charset_normalizer(text, codec):
    assert read_note(text.encode(codec)).text == text


def test_clean_utf8_with_accents_and_curly_quotes_is_untouched():
    text = "Café naïve résumé – “quotes” ’tis… — CAFÉ… «CAFÉ» pâté, ağaç şişe ığdır"
    result = read_note(text.encode())
    assert (result.text, result.encoding, result.repairs) == (text, "utf-8", ())


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_clean_seeds_come_out_as_written(name):
    data = (CONTENT / name).read_bytes()
    expected = data.decode("utf-8")

    assert read_note(data).text == expected
    assert read_note(data).repairs == ()
    windows = read_note(codecs.BOM_UTF8 + expected.replace("\n", "\r\n").encode())
    assert windows.text == expected
    assert windows.repairs == ("removed BOM", "CRLF -> LF")


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("donâ€™t", "don’t"),
        ("âŒ Not supported", "❌ Not supported"),  # E2 [9D lost] 8C: ❌, not ➌ or ⌠
        ("- âš\xa0ï¸ **Limitations**", "- ⚠️ **Limitations**"),  # VS16 EF B8 [8F lost]
        ("He said â€œhiâ€ twice", "He said “hi” twice"),  # ” E2 80 [9D lost]
        ("go â† back", "go ← back"),  # E2 86 [90 lost]
        ("ğŸ‘¨â€ğŸ’» dev", "👨\u200d💻 dev"),  # ZWJ E2 80 [8D lost] between emoji
        ("mixed ✅ and cafÃ© and â€™", "mixed ✅ and café and ’"),
        ("Ã¢â‚¬â„¢ twice over", "’ twice over"),
    ],
)
def test_mojibake_repairs(broken, fixed):
    assert read_note(broken.encode()).text == fixed


def test_ambiguous_lost_byte_is_left_alone():
    # F0 9F 93 + one lost byte could be 📁 📍 📎 📏 📐 📝 📞: no guess, and the space stays.
    assert read_note("ğŸ“ Notes".encode()).text == "ğŸ“ Notes"


def test_turkish_mojibake_seed_is_fully_repaired():
    data = TURKISH_MOJIBAKE.read_bytes()
    result = read_note(data)
    text, lines = result.text, result.text.split("\n")

    assert result.encoding == "utf-8"
    assert result.repairs == (
        "mojibake repaired on 59 lines (utf-8 read as windows-1254, 7 lost bytes restored)",
    )
    for marker in ("â€", "ğŸ", "âš", "Ã", "Â", "âœ", "âŒ", "ï¸", "⌠", "\xa0", "\ufffd"):
        assert marker not in text, marker
    assert {c for c in text if not c.isascii()} == set("–’•→≤⚠⚡✅❌\ufe0f📌🔒🔗🚀🧩")
    assert text.count("⚠") == text.count("⚠\ufe0f") == 5
    assert lines[0] == "# **Section 19: Serverless**"
    assert len(lines) == len(data.split(b"\n"))

    def line(containing: str) -> str:
        (found,) = [line for line in lines if containing in line]
        return found

    assert line("Max execution") == "    - **Max execution**: 900s (15 min)"
    assert line("**Limitations**") == "- ⚠️ **Limitations**"
    assert line("SnapStart**") == "- ⚡ **Lambda SnapStart**"
    assert line("Servers still exist") == (
        "    - ⚠️ Servers still exist → But **abstracted away** "
        "(no provisioning, patching, scaling headaches)."
    )
    assert line("Not supported") == (
        "| **File System Access** | ✅ `/tmp` up to 10 GB "
        "| ❌ Not supported | ✅ Supports FS access |"
    )
    assert line("No direct AWS") == (
        "| **Access to AWS Services** | Full AWS integration (S3, DynamoDB, RDS, SQS, etc.) "
        "| ❌ No direct AWS service calls "
        "| ⚠️ Limited (but can access network + 3rd-party APIs) |"
    )
    assert line("**Key Features**") == "- 📌 **Key Features**"
    assert line("manage servers") == (
        "    - Developers **don’t manage servers** → Just deploy code/services."
    )
    assert line("Short execution") == "    - **Short execution** (≤ 15 min)"
    assert line("**Memory**") == "    - **Memory**: 128 MB – 10 GB"
    assert "<br>• Header rewrites<br>• Cache key normalization<br>• Simple auth |" in text
    for emoji, heading in [
        ("✅", "**AWS Serverless Services**"),
        ("🔗", "**Integration with ALB**"),
        ("🧩", "**Concurrency Control**"),
        ("🔒", "By default, Lambda"),
        ("🚀", "**Performance**"),
        ("⚡", "**Read/Write Modes**"),
    ]:
        assert line(heading).startswith(f"- {emoji} "), heading


def test_repair_is_idempotent_on_the_seed():
    once = read_note(TURKISH_MOJIBAKE.read_bytes()).text
    again = read_note(once.encode())

    assert again.text == once
    assert again.repairs == ()


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_only_raise_read_error(data):
    try:
        result = read_note(data)
    except ReadError as err:
        assert str(err)
    else:
        assert "\r" not in result.text
        assert unicodedata.is_normalized("NFC", result.text)


@given(st.text(max_size=500))
def test_arbitrary_utf8_only_raises_read_error(text):
    try:
        read_note(text.encode())
    except ReadError:
        pass


# Characters that a misread byte 0x80-0xFF turns into (cp1252, cp1254, cp1250 — ftfy reads
# Central European mojibake too: 'ęŚŹ' is 'ꌏ' read as cp1250 —, C1): what mojibake is made of.
# Text without them, controls and line separators must come back exactly as written.
MOJIBAKE_LIKE = "".join(
    bytes([b]).decode(cp, errors="ignore") or chr(b)
    for cp in ("cp1252", "cp1254", "cp1250")
    for b in range(0x80, 0x100)
)
CLEAN_TEXT = st.text(
    st.characters(
        exclude_categories=("Cc", "Cs", "Zl", "Zp"),
        exclude_characters=MOJIBAKE_LIKE + "\ufeff",
        include_characters="\n\t",
    ),
    max_size=300,
)


@given(CLEAN_TEXT)
def test_clean_text_round_trips(text):
    text = unicodedata.normalize("NFC", text)
    assume(text.strip())

    result = read_note(text.encode())

    assert result.text == text
    assert result.repairs == ()
