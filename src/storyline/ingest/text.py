"""Plain-text dumps: an optional header line `` date YYYY-MM-DD ...``, then the page text.

What follows the date on the header line may be an HTTP status code (dropped), an outlet
name or the first sentence of the article; it is put back as the first line of the text
and the cleaner decides which it is.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from typing import IO

from ..errors import PageError
from ..records import RawPage
from ..settings import Settings
from .files import source_id_for

HEADER = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$", re.I)
STATUS = re.compile(r"^\d{3}$")
# charset_normalizer guesses from this much of a non-UTF-8 file: enough for a stable
# guess, and bounded, since its cost grows with the input.
GUESS_BYTES = 200_000


def read(path: str, stream: IO[bytes], settings: Settings) -> Iterator[RawPage]:
    data = stream.read()
    text = decode(data)
    if not text.strip():
        raise PageError("empty", "no text in the file")
    published, text = split_header(text)
    yield RawPage(source=path, source_id=source_id_for(path), kind="text",
                  text=text, published=published)


def split_header(text: str) -> tuple[str | None, str]:
    """The header's date and the text with the header line removed (its tail kept)."""
    first, _, rest = text.partition("\n")
    m = HEADER.match(first)
    if not m:
        return None, text
    tail = m.group(2).strip()
    if STATUS.match(tail):
        tail = ""
    return m.group(1), (tail + "\n" + rest) if tail else rest


# The error handler that reads a byte UTF-8 cannot decode as Windows-1252 (its undefined
# five, 0x81 0x8D 0x8F 0x90 0x9D, as Latin-1): a stray byte in UTF-8 text is a Western
# page's letter or mark ("Troms\xf8", "\x93quoted\x94", a 0xA0 non-breaking space), and a
# replacement character would lose it. Only among Latin letters, though: next to a letter
# of another script the byte is another charset's letter (a cp1251 "\xd1\xe5\xf0..." in
# Russian text, which cp1252 would make "\xd1\xe5\xf0" mojibake a reader takes for a
# name) and stays U+FFFD.
STRAY_BYTES = "storyline-stray-cp1252"
# How far on each side of a stray byte its neighbouring letters are looked for, in bytes.
STRAY_CONTEXT_BYTES = 32


def _stray_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    data, start, end = error.object, error.start, error.end
    bad = data[start:end]
    if not _among_latin(data, start, end):
        return "\ufffd" * len(bad), end
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in bad), end


def _among_latin(data: bytes, start: int, end: int) -> bool:
    """Whether no letter next to ``data[start:end]`` (the nearest decodable one on each
    side, other stray bytes skipped) is of a script other than Latin."""
    before = data[max(0, start - STRAY_CONTEXT_BYTES):start].decode("utf-8", "ignore")
    after = data[end:end + STRAY_CONTEXT_BYTES].decode("utf-8", "ignore")
    near = [next((c for c in reversed(before) if c.isalpha()), ""),
            next((c for c in after if c.isalpha()), "")]
    return all(unicodedata.name(c, "LATIN").startswith("LATIN") for c in near if c)


codecs.register_error(STRAY_BYTES, _stray_bytes)


def decode(data: bytes, declared: str | None = None) -> str:
    """UTF-8 when it is, else the declared charset, else the best guess; never raises.

    A file mixing encodings (UTF-8 with stray Latin-1 or Windows-1252 bytes) keeps its
    UTF-8 and reads each stray byte as Windows-1252 (``STRAY_BYTES``), rather than a wrong
    guess for the whole file or a replacement character that loses the letter.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors=STRAY_BYTES)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:GUESS_BYTES]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return data.decode(encoding, errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    """True when the text is UTF-8 apart from a few bad bytes (a mixed-encoding file)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return bad < non_ascii - bad
