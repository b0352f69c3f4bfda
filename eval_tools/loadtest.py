"""A load run against a skill served over HTTP on this machine: simulated users in conversations.

Each user holds a session as Alexa does (its id and attributes, carried from
turn to turn) and says a fixed conversation; every "repeat" must return that
user's own last answer. Used by the load test and by bench/web_load.py.
Traffic goes only to the loopback address given, bounded in count and time.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.interaction_model import model_path
from local_console.console import Console
from local_console.nlu import LocalNlu

from .local_ports import free_port, wait_until_listening

OPENING = "open m. m. n. guide"
CONVERSATION = (
    "tell me about IVIG",
    "repeat",
    "what are its side effects",
    "more",
    "repeat",
    "my daughter keeps dropping her cup is that the mmn",
    "repeat",
)
TIMEOUT_SECONDS = 10
ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def served(app: str, env: dict[str, str] | None = None, root: Path = ROOT):
    """Serve a WSGI app (``module:factory()``) on a free loopback port as scripts/web.sh serves the skill
    (``web_endpoint/serve.py``); yields its URL. ``root``: the project's files to serve it from (this tree, or a
    checkout of an earlier commit)."""
    port = free_port()
    command = [sys.executable, "-m", "web_endpoint.serve", app]
    settings = {**os.environ, "BIND": f"127.0.0.1:{port}", **(env or {})}
    process = subprocess.Popen(command, cwd=root, env=settings, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(process, port, f"the web front end ({app})")
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wrong_repeats: int = 0
    elapsed: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, *, latency: float | None = None, error: bool = False, wrong_repeat: bool = False) -> None:
        with self.lock:
            if latency is not None:
                self.latencies.append(latency)
            self.errors += error
            self.wrong_repeats += wrong_repeat

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0.0

    def summary(self) -> str:
        rate = self.requests / self.elapsed if self.elapsed else 0.0
        return (
            f"{self.requests} requests in {self.elapsed:.1f} s: {rate:.0f}/s, p50 {self.percentile(50):.1f} ms, "
            f"p95 {self.percentile(95):.1f} ms, p99 {self.percentile(99):.1f} ms, {self.errors} errors, "
            f"{self.wrong_repeats} repeats that were not the user's own last answer"
        )


def post(url: str, envelope: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, data=json.dumps(envelope).encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}
    except OSError:  # refused or reset: counted as an error, never a crash of the load run
        return 0, {}


def run_load(url: str, *, users: int = 50, requests: int = 2000, concurrency: int = 16) -> LoadResult:
    """``users`` conversations, repeated until ``requests`` have been sent, ``concurrency`` at a time."""
    nlu = LocalNlu.from_file(model_path("en-US"))
    per_user = max(1, requests // users)
    result = LoadResult()

    def converse(user: int) -> None:
        console = Console(skill=None, nlu=nlu, send=lambda envelope: _timed(url, envelope, result))
        last_speech = None
        for turn in range(per_user):
            utterance = OPENING if turn == 0 else CONVERSATION[(turn - 1) % len(CONVERSATION)]
            response = console.say(utterance)
            speech = ((response.get("response") or {}).get("outputSpeech") or {}).get("ssml")
            if utterance == "repeat" and speech != last_speech:
                result.count(wrong_repeat=True)
            last_speech = speech

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(converse, range(users)))
    result.elapsed = time.perf_counter() - started
    return result


def _timed(url: str, envelope: dict[str, Any], result: LoadResult) -> dict[str, Any]:
    started = time.perf_counter()
    status, body = post(url, envelope)
    if status != 200:
        result.count(error=True)
        return {}
    result.count(latency=time.perf_counter() - started)
    return body
