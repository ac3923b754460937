"""Text as readers see it: no control characters that change how the text is displayed.

Crawled text can carry NUL and other C0/C1 controls, and the bidirectional overrides,
embeddings and isolates (U+202A-U+202E, U+2066-U+2069) that reorder what follows them: a
right-to-left override makes "txt.exe" read as "exe.txt". ``display_text`` removes them, and
every page of the web app, the HTML report and the Markdown export pass text through it.
Tab and newline stay (they are layout), and so do the zero-width joiners and the
left-to-right/right-to-left marks that scripts such as Arabic and Hebrew need. The JSON API
and the JSON export keep the text as stored: they are data, not display.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and the C1 controls, then the bidi embeddings and
# overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def display_text(text: str) -> str:
    """``text`` without the control characters that change how it is displayed."""
    return _HIDDEN.sub("", text)
