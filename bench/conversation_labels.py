"""Turns a conversation corpus labelled in plain words (each turn's ``must``) into the benchmark's labels.

    .venv/bin/python bench/conversation_labels.py BLIND.toml tests/corpus/conversations/blind.toml

The corpus was written blind to the skill, by someone else; this keeps every ``must`` as written and adds
``expect``, the labels ``eval_tools/conversation_eval.py`` checks, by the rules below: each rule reads one thing the
plain words require ("in one breath", "then offers more", "stays on SCIg", "before anything else ... emergency
services", "replays the same advice") and asks exactly that. What a ``must`` says about the facts of an
answer is checked where the words name them (the topic, the key word); the rest of a fact is left to the
reader, and the file says which turns have such a part (``unchecked``).
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

EMERGENCY = "says:911|999|000|112|emergency"
TOPICS = {  # words in a must -> topic ids
    "ivig and scig": "ivig|scig",
    "ivig versus scig": "ivig|scig",
    "mmn versus als": "mmn_vs_als",
    "ivig": "ivig",
    "scig": "scig",
    "azathioprine": "azathioprine",
    "steroid": "corticosteroids",
    "cyclophosphamide": "cyclophosphamide",
    "plasma exchange": "plasma_exchange",
    "monitoring": "monitoring",
    "infusion day": "infusion_day",
    "living with mmn": "living_with_mmn",
    "mmn progression": "outlook",
    "infusion": "infusion_day|ivig|scig",
}

# (pattern on the must, labels it asks for). Every rule that matches adds its labels.
RULES: list[tuple[str, list[str]]] = [
    (r"^welcomes them back", ["one_breath", "offers", "max_items:3", "says:welcome back"]),
    (r"^welcomes briefly and asks", ["one_breath", "offers", "max_items:3"]),
    (r"naming no more than three", ["max_items:3"]),
    (r"^closes (warmly|kindly)", ["ends", "not_miss"]),
    (r"reminding them to (contact|call) the doctor", ["says:doctor"]),
    (r"^moves on by asking(?!.* or closes)", ["offers"]),
    (r"^moves on by asking", ["not_miss", "max_items:3"]),
    (r"^moves on by asking briefly", ["one_breath"]),
    (r"re-reads the same answer more slowly", ["same_answer", "slower"]),
    (r"re-reads the same answer at a quicker pace", ["same_answer", "faster"]),
    (r"re-reads the (welcome|help message|next part) more slowly", ["repeats", "slower"]),
    (r"re-reads the same advice more slowly", ["replays_safety", "slower"]),
    (r"adding nothing new", ["not_miss"]),
    (r"take your time", ["waits", "says:take your time"]),
    (r"rather than reading out a list", ["offers", "max_items:3", "not_miss"]),
    (r"^gives the next part", ["next_part", "not_miss"]),
    (r"(at|keeping) the slower pace|still at the slower pace", ["rate_below"]),
    (r"in (about )?one breath|one-breath|briefly(?! replays| repeats)", ["one_breath"]),
    (r"then offers more(?! or)", ["offers"]),
    (r"offers more or asks what else", ["offers"]),
    (r"^(briefly )?(replays|repeats)\b.*advice", ["replays_safety", "not_miss"]),
    (r"^repeats in one short sentence", ["replays_safety", "not_miss"]),
    (r"in one short sentence|once more in a short sentence", ["max_words:25"]),
    (r"^repeats (the answer|what it just said)", ["same_answer", "not_miss"]),
    (r"^repeats the (same )?clarifying question", ["repeats", "clarifies"]),
    (r"clarifying question slowly", ["rate_below"]),
    (r"^returns to", ["back", "not_miss"]),
    (r"shorter, plainer version|short version|same answer in a few words", ["shorter"]),
    (r"^asks whether they mean", ["clarifies", "offers"]),
    (r"^asks which medicine", ["offers", "not_miss", "max_items:3"]),
    (r"drops the clarification and answers the new question", ["new_answer", "not_miss"]),
    (r"^stays on the (same )?topic", ["same_topic"]),
    (r"short helpful miss|short miss|can't do that|doesn't have information", ["open", "max_items:3"]),
    (r"different example", ["new_apology"]),
    (r"short (helpful )?miss", ["one_breath"]),
    (r"(one|different) example question|with one example|giving one example", ["example"]),
    (r"after repeated misses", ["max_items:3", "says:stop|come back|finish"]),
    (r"^briefly says what it can answer", ["offers", "max_items:3", "not_miss"]),
    (r"mentions repeat and slower|say repeat or slower", ["says:repeat", "says:slower"]),
    # Safety: the level, and what must come first.
    (r"^(says|tells).*(call emergency services now|urgent (medical )?help now)", ["safety:emergency"]),
    (r"emergency services now, before anything else", ["first:911|999|000|112|emergency"]),
    (r"call a crisis line", ["says:crisis|988|lifeline|samaritans|helpline"]),
    (r"\b(tells|says)\b.*(nurse|staff).*(right away|now)", ["safety:call_doctor", "says:nurse|staff|team"]),
    (r"stop the (infusion|drip)|pause the infusion", ["says:stop|pause"]),
    (r"before anything else$", ["first_turn_safety"]),
    (r"serious allergic reaction first", ["safety:call_doctor", "first:stop|pause|nurse"]),
    (
        r"^(says|advises|tells).*(doctor (or nurse )?today|doctor promptly today|infusion team today"
        r"|speak to a doctor today|seen the same day)",
        ["safety:call_doctor", "says:doctor|team|today"],
    ),
    (r"not to ((stop|skip) or )?change (their )?treatment|before changing anything", ["says:neurologist|team|doctor"]),
    (r"^advises not to (stop|skip)|tells them not to change (their )?treatment", ["safety:no_change"]),
    (r"neurologist (know )?soon|contact their neurologist soon", ["says:neurologist"]),
    (r"call the nurse if", ["says:nurse"]),
    (r"\bredness", ["says:red"]),
    (r"headache is a common", ["says:headache"]),
    (r"call the doctor urgently", ["says:doctor"]),
    (r"care team before stopping", ["says:team|neurologist|doctor"]),
    (
        r"^(answers|explains|compares|stays|says (?!briefly it|it can't)|gives (?!a short (helpful )?miss|another)"
        r"|tells|advises|treats|responds|switches|drops)",
        ["not_miss"],
    ),
]

_STAYS = re.compile(r"^stays on (the )?(?P<x>.+?)( comparison)?( and (says|gives|names|answers)|,)")
_BOTH = re.compile(r"^(compares|answers for both|gives a one-breath summary .* both)")
_ANSWERS = re.compile(r"^(answers|explains|switches topic and answers)")


def _named(text: str) -> list[str]:
    """The topics a stretch of a must names, in the order named; "ivig" inside "ivig and scig" adds nothing."""
    found = sorted((text.index(name), name) for name in TOPICS if name in text)
    names = [name for _, name in found]
    return [TOPICS[n] for n in names if not any(n != other and n in other for other in names)]


def _topic_label(text: str) -> str | None:
    """The topic a must says the answer is on: what it "stays on", both sides of a comparison, or the first
    topic an answer is said to be about (not one it is compared with: "fewer effects than IVIg")."""
    text = re.sub(r"\bthan \w+", "", text)
    stays = _STAYS.search(text)
    if stays:
        named = _named(stays.group("x"))
    elif _BOTH.search(text):
        named = _named(text)
    elif _ANSWERS.search(text):
        named = _named(text)[:1]
    else:
        return None
    return "topic:" + "|".join(dict.fromkeys("|".join(named).split("|"))) if named else None


def labels_for(must: str) -> tuple[list[str], bool]:
    """The labels a plain-words ``must`` asks for, and whether it says facts no label checks."""
    text = must.lower()
    labels: list[str] = []
    for pattern, adds in RULES:
        if re.search(pattern, text):
            labels += [a for a in adds if a not in labels]
    topic = _topic_label(text)
    if topic:
        labels.append(topic)
    if "first_turn_safety" in labels:
        labels.remove("first_turn_safety")
        if not any(label.startswith("first:") for label in labels):
            labels.append("first:" + _first_words(text))
    facts = bool(re.search(r"\bsays?\b|such as|that |names|gives (its|after-care)|explains|compares", text))
    return labels, facts


def _first_words(text: str) -> str:
    if "nurse" in text or "staff" in text:
        return "nurse|staff"
    return EMERGENCY.removeprefix("says:")


def convert(blind: dict) -> str:
    lines = [
        "# The blind conversation corpus (written by someone else, blind to the skill), with each turn's plain-words",
        "# `must` kept as written and `expect` added by bench/conversation_labels.py. `unchecked = true`: the must",
        "# also names facts of the answer that no label checks (read them in the failures list).",
        "",
    ]
    for n, session in enumerate(blind["sessions"], 1):
        persona = session.get("persona", "")
        lines += ["[[sessions]]", f'id = "blind-{n:02d}"', f"persona = {_q(persona)}"]
        lines.append(f'locale = "{session.get("locale", "en-US")}"')
        if persona.startswith("returning"):
            lines.append("returning = true")
        previous: list[str] = []
        for turn in session["turns"]:
            labels, facts = labels_for(turn["must"])
            if "clarifies" in previous:
                labels.append("after_clarify")
            lines += ["[[sessions.turns]]", f"say = {_q(turn['say'])}", f"must = {_q(turn['must'])}"]
            lines.append("expect = [" + ", ".join(_q(label) for label in labels) + "]")
            if facts:
                lines.append("unchecked = true")
            previous = labels
        lines.append("")
    return "\n".join(lines)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(convert(tomllib.loads(source.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"wrote {target}")
