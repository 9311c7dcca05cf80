"""Text from the strategy made safe to show on a terminal or in a CI log.

A name may hold control characters (an escape sequence that recolours the terminal, sets its
title or moves the cursor; a carriage return that writes over the line). Shown raw, they would
act instead of showing. :func:`visible` replaces each with U+FFFD (�), keeping line breaks and
tabs, which rich lays out itself.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", text)
