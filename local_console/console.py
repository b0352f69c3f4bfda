"""Talk to the skill in a terminal, as you would to Alexa.

Typed (or piped) utterances are understood with the checked-in interaction
model (``nlu.py``), wrapped in real request envelopes (``envelopes.py``) and
sent through the same skill that runs on Lambda. The speech is printed
without SSML, followed by the card. What the skill remembers about you (speech
rate, whether you heard the disclaimer, your place if you agreed) is kept in
``.local/listeners.sqlite3``; say "forget me" to delete it.

    python -m local_console.console                       # a conversation
    python -m local_console.console "what is IVIG"        # one question, one answer
    printf 'open m m n guide\\nhelp\\n' | python -m local_console.console
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ask_sdk_core.skill import CustomSkill

from build_tools.interaction_model import model_path
from skill import envelopes
from skill.app import build_skill
from skill.content import DEFAULT_LOCALE
from skill.gateway import handle_event
from skill.speech import to_plain
from skill.store import store_from_environment
from skill.understanding.replies import replies

from .nlu import LocalNlu, Understanding, compact, normalise

_RATE = re.compile(r'<prosody rate="(\d+)%">')


class Console:
    """One user's conversation: keeps the session between turns, as Alexa does."""

    def __init__(
        self,
        skill: CustomSkill,
        nlu: LocalNlu,
        locale: str = "en-US",
        send: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ):
        """``send`` delivers an envelope and returns the response (default: the skill, as Lambda runs it)."""
        self.skill = skill
        self.nlu = nlu
        self.send = send or (lambda envelope: handle_event(skill, envelope))
        self.locale = locale
        self.session: envelopes.Session | None = None
        # One listener across runs, as one Alexa account is, so the local store remembers them.
        self.user_id = envelopes.LOCAL_USER_ID
        self.last_request: dict[str, Any] | None = None

    @property
    def in_session(self) -> bool:
        return self.session is not None

    def say(self, utterance: str) -> dict[str, Any]:
        """Send one utterance; returns the skill's response envelope."""
        request = self.last_request = self.request_for(utterance)
        if self.session is None:
            self.session = envelopes.Session(locale=self.locale, user_id=self.user_id)
        response = self.send(self.session.envelope(request))
        body = response.get("response") or {}
        if body.get("shouldEndSession") is not False:
            self.session = None
        else:
            self.session.attributes = response.get("sessionAttributes") or {}
        return response

    def close(self) -> None:
        """The user walked away: Alexa tells the skill the session ended."""
        if self.session is not None:
            self.send(self.session.envelope(envelopes.session_ended_request("USER_INITIATED")))
            self.session = None

    def request_for(self, utterance: str) -> dict[str, Any]:
        """The request Alexa would send for what the user said (a launch, or an intent with slots)."""
        text = re.sub(r"^alexa\s+", "", normalise(utterance))
        if compact(text) == compact(self.nlu.invocation_name):
            self.close()
            return envelopes.launch_request()
        # "open m m n guide (please)", "ask m m n guide about IVIG": read as the skill reads them (``Replies.opened``).
        rest = replies(self.locale).opened(compact(text))
        if rest is not None:
            self.close()
            return envelopes.launch_request() if rest == "" else self._intent_request(self.nlu.understand(rest))
        return self._intent_request(self.nlu.understand(text))

    def _intent_request(self, understood: Understanding) -> dict[str, Any]:
        slots = {
            name: envelopes.slot(
                name, match.value, slot_type=self._slot_type(understood.intent, name), match=match.resolved
            )
            for name, match in understood.slots.items()
        }
        return envelopes.intent_request(understood.intent, slots)

    def _slot_type(self, intent: str, slot: str) -> str:
        return next(s.slot_types[slot] for s in self.nlu.samples if s.intent == intent and slot in s.slot_types)


def render_response(response: dict[str, Any]) -> str:
    body = response.get("response") or {}
    speech = body.get("outputSpeech") or {}
    ssml = speech.get("ssml") or speech.get("text") or ""
    rate = _RATE.search(ssml)
    lines = [(f"[at {rate.group(1)}% speed] " if rate else "") + to_plain(ssml)]
    card = body.get("card")
    if card:
        lines.append(f"  [card] {card.get('title', '')}")
        lines.extend(f"  | {line}" for line in (card.get("content") or "").splitlines())
    return "\n".join(lines)


def converse(console: Console, lines: Iterable[str], out: TextIO, *, echo: bool) -> None:
    for line in lines:
        utterance = line.strip()
        if not utterance:
            continue
        if echo:
            print(f"you> {utterance}", file=out)
        print(f"alexa> {render_response(console.say(utterance))}", file=out)
        if not console.in_session:
            print("(session ended)", file=out)
    console.close()


def _interactive(console: Console) -> Iterable[str]:
    print(f'Type what you would say to Alexa. Start with "open {console.nlu.invocation_name}". Ctrl-D quits.')
    while True:
        try:
            yield input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Talk to the MMN Guide skill in the terminal.")
    parser.add_argument(
        "utterance", nargs="*", help="one question to ask; without it, read utterances from the terminal or stdin"
    )
    parser.add_argument("--locale", default=DEFAULT_LOCALE, help="Alexa locale (default: %(default)s)")
    args = parser.parse_args(argv)
    console = Console(
        build_skill(store=store_from_environment()), LocalNlu.from_file(model_path(args.locale)), args.locale
    )
    if args.utterance:
        converse(console, [" ".join(args.utterance)], sys.stdout, echo=False)
    elif sys.stdin.isatty():
        converse(console, _interactive(console), sys.stdout, echo=False)
    else:
        converse(console, sys.stdin, sys.stdout, echo=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
