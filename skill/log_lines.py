"""One log record, one line: control characters in a record's message are written as escapes.

A request's fields reach the logs (an intent name, a session's end reason, an
exception's message quoting the input), and a field holding a newline would
otherwise write a line that looks like a log line of its own. ``install``
wraps the logging module's record factory, once per process, so every
logger's records are made safe where they are made, whoever logs them and
whichever handler writes them (Lambda's, waitress's, the console's).
Tracebacks, which the handler formats apart, keep their lines.
"""

from __future__ import annotations

import logging
from typing import Any

# Every C0 control character, DEL and the C1 controls, and the Unicode line and paragraph separators.
_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))} | {
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def install() -> None:
    """Wrap the logging module's record factory (Lambda's runtime may have its own) so that every later
    record's message is one line; once per process."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "one_line", False):
        return

    def one_line(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 (a bad format is the handler's to report, as logging does)
            return record
        safe = message.translate(_ESCAPES)
        if safe != message:
            record.msg, record.args = safe, None
        return record

    one_line.one_line = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(one_line)
