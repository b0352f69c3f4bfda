"""The Lambda entry point starts without the SDK's Alexa service clients, answers as it would with them, and a
skill that makes a service client factory still gets the real one (skill/service_clients.py)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SERVICES = "ask_sdk_model.services"
# Imports the entry point (optionally after loading the SDK's services in full), answers every fixture, and prints
# the answers and the modules the process loaded.
PROBE = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
if sys.argv[3] == "services first":
    import ask_sdk_model.services
import lambda_function
answers = {path.name: lambda_function.lambda_handler(json.loads(path.read_text()), None)
           for path in sorted(Path(sys.argv[4]).glob("*.json"))}
print(json.dumps({"answers": answers, "modules": sorted(sys.modules)}))
"""


def service_packages() -> list[str]:
    """The packages inside ask_sdk_model.services (the service clients and their models), as the SDK's installed
    files name them."""
    folder = Path(importlib.util.find_spec("ask_sdk_model").submodule_search_locations[0]) / "services"
    return sorted(f"{SERVICES}.{path.parent.name}" for path in folder.glob("*/__init__.py"))


def service_client_packages() -> list[str]:
    """Those of them that hold a client."""
    folder = Path(importlib.util.find_spec("ask_sdk_model").submodule_search_locations[0]) / "services"
    return sorted({f"{SERVICES}.{path.parent.name}" for path in folder.glob("*/*_client.py")})


def run_entry_point(tmp_path: Path, mode: str) -> dict:
    env = {"PATH": "", "MMN_GUIDE_LOCAL_STORE": str(tmp_path / f"{mode.replace(' ', '-')}.sqlite3")}
    out = subprocess.run(
        [sys.executable, "-I", "-c", PROBE, str(ROOT / "lambda"), str(ROOT), mode, str(FIXTURES)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_entry_point_loads_no_service_client_and_answers_as_with_them(tmp_path):
    clients = service_client_packages()
    assert len(clients) >= 11, clients
    lean = run_entry_point(tmp_path, "lean")
    full = run_entry_point(tmp_path, "services first")
    assert not [m for m in lean["modules"] if m.startswith(tuple(service_packages()))]
    assert set(clients) <= set(full["modules"]), "the comparison run loads the clients"
    assert len(lean["answers"]) == len(list(FIXTURES.glob("*.json")))
    assert json.dumps(lean["answers"], sort_keys=True) == json.dumps(full["answers"], sort_keys=True)


def test_a_skill_that_makes_a_service_client_factory_gets_the_real_one():
    probe = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from skill import service_clients
service_clients.defer()
from ask_sdk_core import skill
from ask_sdk_model.services import ApiConfiguration
factory = skill.ServiceClientFactory(api_configuration=ApiConfiguration(api_endpoint="https://api.amazonalexa.com"))
client = factory.get_ups_service()
print(type(factory).__module__, type(factory).__name__, type(client).__name__)
"""
    out = subprocess.run([sys.executable, "-I", "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [f"{SERVICES}.service_client_factory", "ServiceClientFactory", "UpsServiceClient"]
