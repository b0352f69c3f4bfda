"""A small APL inflater for tests: what a document shows on a given viewport, with its data bound, and when its
``onMount`` commands run.

It evaluates what the skill's document uses of APL's data binding (``${...}``
expressions with ``== != < <= > >= && || ! ? :`` and ``+ - * /``, ``@resource``
references, resource blocks with ``when``, ``when`` on components, ``bind``, and
``data`` on a Container or Sequence), and the timing of ``Parallel`` and
``Sequential`` commands with their ``delay``. The viewport profiles come from
Amazon's published ranges for the ``alexa-viewport-profiles`` package, which a
device downloads and this machine cannot: a hub's profile from its shape, width
and height in dp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# (profile, shape, (min width, max width), (min height, max height)), in dp, from Amazon's viewport profile tables.
PROFILES = [
    ("hubRoundSmall", "round", (100, 599), (100, 599)),
    ("hubLandscapeSmall", "rectangle", (960, 1279), (100, 599)),
    ("hubLandscapeMedium", "rectangle", (960, 1279), (600, 959)),
    ("hubLandscapeLarge", "rectangle", (1280, 1920), (600, 1279)),
]
# Devices as their viewports report themselves at 160 dpi (dp = px): shape, width, height.
DEVICES = {
    "Echo Spot": ("round", 480, 480),
    "Echo Show 5": ("rectangle", 960, 480),
    "Echo Show": ("rectangle", 1024, 600),
    "Echo Show 10": ("rectangle", 1280, 800),
    "Echo Show 15": ("rectangle", 1920, 1080),
}
DEFAULT_LINE_HEIGHT = 1.25  # APL's default for Text
SCROLLING = ("ScrollView", "Sequence")


def profile_of(shape: str, width: int, height: int) -> str | None:
    for name, profile_shape, (w0, w1), (h0, h1) in PROFILES:
        if shape == profile_shape and w0 <= width <= w1 and h0 <= height <= h1:
            return name
    return None


@dataclass
class Node:
    type: str
    props: dict[str, Any]
    children: list[Node] = field(default_factory=list)

    def walk(self, in_scroll: bool = False):
        """Every node below and including this one, with whether it scrolls (sits in a ScrollView or Sequence)."""
        yield self, in_scroll
        for child in self.children:
            yield from child.walk(in_scroll or self.type in SCROLLING)

    def find(self, component_id: str) -> Node | None:
        return next((node for node, _ in self.walk() if node.props.get("id") == component_id), None)


def render(
    document: dict[str, Any], datasources: dict[str, Any], device: str, bound: dict[str, dict[str, Any]] | None = None
) -> tuple[Node, dict[str, Any]]:
    """The inflated component tree of ``document`` on ``device``, and the viewport it was inflated for. ``bound``
    gives bound values as a ``SetValue`` command left them: component id -> {binding name: value}."""
    shape, width, height = DEVICES[device]
    viewport = {"shape": shape, "width": width, "height": height, "mode": "hub", "dpi": 160, "theme": "dark"}
    profile = profile_of(shape, width, height)
    resources: dict[str, Any] = {"viewportProfile": profile, **{name: name for name, *_ in PROFILES}}
    context: dict[str, Any] = {"viewport": viewport, "@": resources}
    for block in document.get("resources", []):
        if _truthy(evaluate(block.get("when", True), context)):
            for kind in ("dimensions", "numbers", "strings", "booleans", "colors"):
                resources.update(block.get(kind, {}))
    (parameter,) = document["mainTemplate"]["parameters"]
    context[parameter] = datasources
    context["bound"] = bound or {}
    (root,) = [node for item in document["mainTemplate"]["items"] for node in _inflate(item, context)]
    return root, viewport


def dimension(value: Any, viewport: dict[str, Any], relative_to: str = "width") -> float:
    """A dimension in dp: ``40dp``, ``5vw``, ``3vh``, a number, or a percentage of ``relative_to``."""
    if isinstance(value, (int, float)):
        return float(value)
    number, unit = re.fullmatch(r"(-?[\d.]+)(dp|vw|vh|%)?", value).groups()
    scale = {"vw": viewport["width"] / 100, "vh": viewport["height"] / 100, "%": viewport[relative_to] / 100}
    return float(number) * scale.get(unit or "dp", 1.0)


def timeline(commands: list[dict[str, Any]], start: float = 0.0) -> tuple[list[tuple[float, dict[str, Any]]], float]:
    """Each command that acts, with the second it runs at, and when ``commands`` (run in order, as an array of
    commands is) end. Only ``Parallel`` and ``Sequential`` hold others; those that act are taken as instant."""
    events, at = [], start
    for command in commands:
        at += command.get("delay", 0) / 1000
        if command["type"] == "Parallel":
            runs = [timeline([child], at) for child in command["commands"]]
            events += [event for run, _ in runs for event in run]
            at = max((end for _, end in runs), default=at)
        elif command["type"] == "Sequential":
            run, at = timeline(command["commands"], at)
            events += run
        else:
            events.append((at, command))
    return events, at


def _inflate(item: dict[str, Any], context: dict[str, Any]) -> list[Node]:
    if not _truthy(evaluate(item.get("when", True), context)):
        return []
    for binding in item.get("bind", []):  # in order: a later binding may use an earlier one
        value = context["bound"].get(item.get("id"), {}).get(binding["name"], binding["value"])
        context = {**context, binding["name"]: evaluate(value, context)}
    if "data" in item:
        data = evaluate(item["data"], context) or []
        children = [
            node
            for index, datum in enumerate(data)
            for node in _first(item.get("items", []), {**context, "data": datum, "index": index})
        ]
    else:
        children = [node for child in _children(item) for node in _inflate(child, context)]
    assert "style" not in item, "styles are not evaluated here"
    props = {}
    for key, value in item.items():
        if key not in ("type", "when", "bind", "data", "item", "items"):
            props[key] = evaluate(value, context)
    return [Node(item["type"], props, children)]


def _first(items: list[dict[str, Any]], context: dict[str, Any]) -> list[Node]:
    """With ``data``, each datum inflates the first item whose ``when`` holds."""
    return next((nodes for item in items if (nodes := _inflate(item, context))), [])


def _children(item: dict[str, Any]) -> list[dict[str, Any]]:
    if "item" in item:
        return [item["item"]]
    return item.get("items", [])


def evaluate(value: Any, context: dict[str, Any]) -> Any:
    """A property's value: ``@name`` is a resource; ``${...}`` is evaluated, alone or inside a string."""
    if not isinstance(value, str):
        return value
    if value.startswith("@") and "${" not in value:
        return context["@"][value[1:]]
    parts = re.split(r"\$\{(.*?)\}", value)
    if len(parts) == 3 and parts[0] == parts[2] == "":
        return _Parser(parts[1], context).parse()
    return "".join(_text(_Parser(p, context).parse()) if i % 2 else p for i, p in enumerate(parts))


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _truthy(value: Any) -> bool:
    return value not in (False, None, "", 0, "false")


_TOKEN = re.compile(
    r"\s*(?:(\d+(?:\.\d+)?)|('[^']*'|\"[^\"]*\")|(@?[A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||[-+*/<>!?:().]))"
)
_BINARY = {
    "||": 1, "&&": 2, "==": 3, "!=": 3, "<": 4, "<=": 4, ">": 4, ">=": 4, "+": 5, "-": 5, "*": 6, "/": 6,
}  # fmt: skip


class _Parser:
    """Precedence climbing over APL's expression grammar (the part the document uses)."""

    def __init__(self, text: str, context: dict[str, Any]):
        self.tokens = []
        position = 0
        while position < len(text.rstrip()):
            match = _TOKEN.match(text, position)
            assert match, f"cannot read {text[position:]!r}"
            self.tokens.append(match.group(0).strip())
            position = match.end()
        self.at = 0
        self.context = context

    def parse(self) -> Any:
        value = self._ternary()
        assert self.at == len(self.tokens), f"unread: {self.tokens[self.at :]}"
        return value

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self) -> str:
        self.at += 1
        return self.tokens[self.at - 1]

    def _ternary(self) -> Any:
        condition = self._binary(1)
        if self._peek() != "?":
            return condition
        self._take()
        yes = self._ternary()
        assert self._take() == ":"
        no = self._ternary()
        return yes if _truthy(condition) else no

    def _binary(self, lowest: int) -> Any:
        left = self._unary()
        while (op := self._peek()) in _BINARY and _BINARY[op] >= lowest:
            self._take()
            right = self._binary(_BINARY[op] + 1)
            left = _apply(op, left, right)
        return left

    def _unary(self) -> Any:
        token = self._peek()
        if token == "!":
            self._take()
            return not _truthy(self._unary())
        if token == "-":
            self._take()
            return -self._unary()
        return self._postfix(self._primary())

    def _primary(self) -> Any:
        token = self._take()
        if token == "(":
            value = self._ternary()
            assert self._take() == ")"
            return value
        if token[0] in "'\"":
            return token[1:-1]
        if token[0].isdigit():
            return float(token) if "." in token else int(token)
        if token in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[token]
        if token.startswith("@"):
            return self.context["@"][token[1:]]
        return self.context.get(token)

    def _postfix(self, value: Any) -> Any:
        while self._peek() == ".":
            self._take()
            name = self._take()
            value = value.get(name) if isinstance(value, dict) else None  # APL: what is missing is null
        return value


def _apply(op: str, left: Any, right: Any) -> Any:
    if op == "&&":
        return right if _truthy(left) else left
    if op == "||":
        return left if _truthy(left) else right
    if op == "+" and (isinstance(left, str) or isinstance(right, str)):
        return _text(left) + _text(right)
    return {
        "==": lambda: left == right,
        "!=": lambda: left != right,
        "<": lambda: left < right,
        "<=": lambda: left <= right,
        ">": lambda: left > right,
        ">=": lambda: left >= right,
        "+": lambda: left + right,
        "-": lambda: left - right,
        "*": lambda: left * right,
        "/": lambda: left / right,
    }[op]()
