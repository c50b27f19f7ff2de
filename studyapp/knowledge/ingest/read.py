"""Turn the bytes of an uploaded study note into clean text.

Pure module (no Django): callers decide what to do with a ReadError or with the repairs list.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer
import ftfy

MB = 1024 * 1024


class ReadError(Exception):
    """The bytes are not a usable text note; str(err) is a short reason fit to show a user."""


@dataclass(frozen=True)
class ReadResult:
    text: str
    encoding: str
    repairs: tuple[str, ...]


# UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 controls other than tab, LF, VT, FF, CR: a text file has next to none of them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Non-letters a real cp1252 note plausibly contains; ³ ¹ ¦ and the like mean another code page.
_LATIN_PUNCT = set("€‚„…†‡‰‹‘’“”•–—˜™›\xa0¡¢£¥§©«®°±²µ¶·»¿×÷¼½¾")

# ftfy twice: first only whole-line fixes, as its per-sequence guessing reads a space after a
# broken sequence as a lost 0xA0 and turns "âŒ " (❌, 0x9D lost) into "⌠"; then, after our own
# pass, with that guessing on for mixed lines ("✅ and cafÃ©"). Both keep curly quotes, widths,
# ligatures, HTML entities and controls as the author wrote them.
_FTFY_WHOLE_LINE = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    restore_byte_a0=False,
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=True,  # without it ftfy.fix_and_explain ignores our fix_encoding options
)
_FTFY_LEFTOVERS = _FTFY_WHOLE_LINE._replace(decode_inconsistent_utf8=True)

# Mojibake map: which byte each character stood for when UTF-8 was misread as cp1254 or cp1252.
# Bytes neither code page defines survive, if at all, as the C1 control of the same number.
_BYTE_OF = {
    bytes([b]).decode(codec, errors="ignore") or chr(b): b
    for codec in ("cp1252", "cp1254")
    for b in range(0x80, 0x100)
}
# What a cp1254 reader drops: the bytes cp1254 does not define.
_LOST = (0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E)
# Letters only one of the two code pages has: they tell which one misread the text.
_TELLTALES = (("windows-1254", set("ĞğİıŞş")), ("windows-1252", set("ÐðÝýÞþŽž")))


def _chars(lo: int, hi: int) -> str:
    return re.escape("".join(c for c, b in _BYTE_OF.items() if lo <= b <= hi))


# A misread 3- or 4-byte UTF-8 sequence: lead char (â, ï, ğ, ð...) then its continuation chars,
# with at most one byte missing. 2-byte sequences (Ã©) are left to ftfy: alone they are too
# easily legitimate text ("CAFÉ…" would read as "CAFɅ").
_SEQUENCE = re.compile(
    f"[{_chars(0xE0, 0xEF)}][{_chars(0x80, 0xBF)}]{{1,2}}"
    f"|[{_chars(0xF0, 0xF4)}][{_chars(0x80, 0xBF)}]{{2,3}}"
)
_SUSPECT = re.compile(f"[{_chars(0x80, 0xFF)}]")
# Emoji of the BMP, and the punctuation notes are full of: a restored lost byte must produce one
# of these (or an astral emoji), so ❌ U+274C beats ➌ U+278C and ” U+201D beats „ U+201E.
_BMP_EMOJI = set(
    "©®‼⁉™ℹ↔↕↖↗↘↙↩↪⌚⌛⌨⏏⏩⏪⏫⏬⏭⏮⏯⏰⏱⏲⏳⏸⏹⏺Ⓜ▪▫▶◀◻◼◽◾☀☁☂☃☄☎☑☔☕☘☝☠☢☣☦☪☮☯☸☹☺"
    "♀♂♈♉♊♋♌♍♎♏♐♑♒♓♟♠♣♥♦♨♻♾♿⚒⚓⚔⚕⚖⚗⚙⚛⚜⚠⚡⚧⚪⚫⚰⚱⚽⚾⛄⛅⛈⛎⛏⛑⛓⛔⛩⛪⛰⛱⛲⛳⛴⛵⛷⛸⛹⛺⛽"
    "✂✅✈✉✊✋✌✍✏✒✔✖✝✡✨✳✴❄❇❌❎❓❔❕❗❣❤➕➖➗➡➰➿⤴⤵⬅⬆⬇⬛⬜⭐⭕〰〽㊗㊙"
)
_PREFERRED = _BMP_EMOJI | set("‘’“”–—…•·→←↑↓⇒≤≥≠≈±×÷€£°′″✓✗")
_VS16, _ZWJ = "\ufe0f", "\u200d"


def read_note(data: bytes, *, max_bytes: int = 5 * MB) -> ReadResult:
    if not data:
        raise ReadError("empty file")
    if len(data) > max_bytes:
        raise ReadError(f"larger than {_size(max_bytes)} limit ({_size(len(data))})")
    text, encoding = _decode(data)
    # NUL is refused even in UTF-16 text: databases and most tools choke on it.
    if "\x00" in text:
        raise ReadError("binary file (NUL bytes)")
    if len(_CONTROL.findall(text)) > len(text) / 20:
        raise ReadError("binary file (control characters)")
    if not text.strip():
        raise ReadError("empty file")

    repairs = []
    if encoding not in ("utf-8", "utf-8-sig"):
        repairs.append(f"decoded as {encoding}")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        repairs.append("removed BOM")
    for ending, name in (("\r\n", "CRLF"), ("\r", "CR")):
        if ending in text:
            text = text.replace(ending, "\n")
            repairs.append(f"{name} -> LF")

    lines = text.split("\n")
    fixed = [_fix_line(line) for line in lines]
    changed = sum(new != old for (new, _, _), old in zip(fixed, lines, strict=True))
    if changed:
        readers = set().union(*(r for _, _, r in fixed))
        # ftfy tries cp1252 first, so lines that read the same in cp1254 get credited to cp1252.
        if "windows-1254" in readers and not _TELLTALES[1][1] & set(text):
            readers.discard("windows-1252")
        reader = "/".join(sorted(readers)) or "a Windows code page"
        restored = sum(n for _, n, _ in fixed)
        extra = f", {restored} lost bytes restored" if restored else ""
        repairs.append(f"mojibake repaired on {changed} lines (utf-8 read as {reader}{extra})")
        text = "\n".join(line for line, _, _ in fixed)

    normal = unicodedata.normalize("NFC", text)
    if normal != text:
        repairs.append("normalized to NFC")
    return ReadResult(text=normal, encoding=encoding, repairs=tuple(repairs))


def _size(n: int) -> str:
    for unit, scale in (("MB", MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                raise ReadError("cannot decode text") from None
    if b"\x00" in data:
        raise ReadError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = None
    # charset-normalizer guesses wildly on short Latin text (cp1006 for "naïve résumé"), so a
    # cp1252 reading that looks like a Latin-script note wins; Cyrillic or Greek read as cp1252
    # is nearly all accented letters, Polish shows ³ ¹, and those go to the guesser.
    if latin is not None and _looks_latin(latin):
        return latin, "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    if latin is not None:
        return latin, "cp1252"
    raise ReadError("cannot decode text")


def _looks_latin(text: str) -> bool:
    letters = accented = 0
    for c in text:
        if c.isalpha():
            letters += 1
            accented += ord(c) > 127
        elif ord(c) > 127 and c not in _LATIN_PUNCT:
            return False
    return accented <= 0.3 * letters


def _fix_line(line: str) -> tuple[str, int, set[str]]:
    """Line repaired, lost bytes restored, names of the code pages it was misread with."""
    readers: set[str] = set()
    if line.isascii():  # nothing to repair, and ftfy is slow enough to notice on 5 MB
        return line, 0, readers
    text = _ftfy(line, _FTFY_WHOLE_LINE, readers)
    text, restored = _restore_sequences(text, readers)
    if _SUSPECT.search(text):
        guessed_by: set[str] = set()
        guessed = _ftfy(text, _FTFY_LEFTOVERS, guessed_by)
        # In a file a misread 0xA0 survives as U+00A0 (it did in the Turkish seed), so a space
        # ftfy swallowed was a real space: "ğŸ“ Notes" is not "📠Notes".
        if guessed.count(" ") == text.count(" "):
            text, readers = guessed, readers | guessed_by
    return text, restored, readers


def _ftfy(text: str, config: ftfy.TextFixerConfig, readers: set[str]) -> str:
    fixed, steps = ftfy.fix_and_explain(text, config)
    readers.update(name.removeprefix("sloppy-") for op, name in steps or () if op == "encode")
    return fixed


def _restore_sequences(line: str, readers: set[str]) -> tuple[str, int]:
    """Our pass for what ftfy leaves: sequences it judged too ambiguous, or with a byte lost."""
    out: list[str] = []
    pos, restored, prev = 0, 0, ""
    for match in _SEQUENCE.finditer(line):
        out.append(line[pos : match.start()])
        prev = out[-1][-1:] or prev
        seq = match.group()
        char, lost = _decode_sequence(seq, prev, line[match.end() : match.end() + 1])
        out.append(char or seq)
        prev, pos = (char or seq)[-1], match.end()
        if char:
            restored += lost
            readers.update(name for name, letters in _TELLTALES if letters & set(seq))
    out.append(line[pos:])
    return "".join(out), restored


def _decode_sequence(seq: str, prev: str, nxt: str) -> tuple[str | None, int]:
    """The character seq stood for, if there is one clear answer, and how many bytes were lost."""
    raw = bytes(_BYTE_OF[c] for c in seq)
    full = 3 if raw[0] < 0xF0 else 4
    if len(raw) == full:
        candidates, lost, needed = [raw], 0, 2
    else:
        # One byte vanished; it may have sat at any position after the lead byte.
        candidates = [raw[:i] + bytes([b]) + raw[i:] for i in range(1, full) for b in _LOST]
        lost, needed = 1, 3
    scores: dict[str, int] = {}
    for candidate in candidates:
        try:
            char = candidate.decode("utf-8")
        except UnicodeDecodeError:
            continue
        scores[char] = _score(char, prev, nxt)
    best = max(scores.values(), default=0)
    winners = [char for char, score in scores.items() if score == best]
    if best < needed or len(winners) != 1:
        return None, 0
    return winners[0], lost


def _score(char: str, prev: str, nxt: str) -> int:
    """4, 3: what notes are full of; 2: another symbol or punctuation; 0: implausible."""
    if char == _ZWJ:
        return 4 if _is_emoji(prev) and (_is_emoji(nxt) or nxt in ("ğ", "ð", "â")) else 0
    if char == _VS16:
        return 3 if _is_emoji(prev) else 0
    if _is_emoji(char) or char in _PREFERRED:
        return 3
    return 2 if unicodedata.category(char)[0] in "PS" else 0


def _is_emoji(char: str) -> bool:
    return char in _BMP_EMOJI or (len(char) == 1 and 0x1F000 <= ord(char) <= 0x1FAFF)
