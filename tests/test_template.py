"""The SAM template: cfn-lint, sam validate --lint, and a sam build whose package answers Alexa on Python 3.13."""

from __future__ import annotations

import ast
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from cfnlint.decode import decode
from conftest import FIXTURES, fixture, speech_of
from packaging.requirements import Requirement

from build_tools import interaction_model
from skill.app import build_skill
from skill.gateway import handle_event
from skill.handlers import launch
from skill.handlers.errors import ERROR_LOG_LINE
from skill.store import TABLE_ENV
from skill.store.dynamodb import KEY
from skill.store.record import EXPIRES

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"
SAM = ROOT / ".venv-sam" / "bin" / "sam"
SAM_ENV = {**os.environ, "SAM_CLI_TELEMETRY": "0"}


def lambda_python() -> Path:
    """An interpreter matching the template's runtime: python3.13 on PATH, or one pyenv installed."""
    candidates = [shutil.which("python3.13")]
    if shutil.which("pyenv"):
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        candidates += sorted(str(p) for p in Path(root, "versions").glob("3.13*/bin/python3.13"))
    for candidate in filter(None, candidates):
        # A pyenv shim is on PATH even where it cannot run 3.13, so try each one.
        if subprocess.run([candidate, "-c", "pass"], capture_output=True, check=False).returncode == 0:
            return Path(candidate)
    raise AssertionError("python3.13 is needed to build the Lambda package (see README, Deploying)")


@pytest.fixture(scope="module")
def template():
    parsed, errors = decode(str(TEMPLATE))
    assert not errors
    return parsed


def test_cfn_lint_passes():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(TEMPLATE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_sam_validate_lint_passes():
    result = subprocess.run(
        [str(SAM), "validate", "--lint", "--template", str(TEMPLATE), "--region", "us-east-1"],
        capture_output=True,
        text=True,
        env=SAM_ENV,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_function_is_bound_to_the_skill_behind_its_live_alias_without_snapstart(template):
    function = template["Resources"]["SkillFunction"]["Properties"]
    assert function["Events"]["AlexaSkill"] == {"Type": "AlexaSkill", "Properties": {"SkillId": {"Ref": "SkillId"}}}
    assert function["Environment"]["Variables"]["SKILL_ID"] == {"Ref": "SkillId"}
    assert function["Runtime"] in ("python3.12", "python3.13")
    assert function["Architectures"] == ["arm64"]
    assert "SnapStart" not in function, "dropped on measurement and cost: see the README, 'Cold start'"
    assert function["AutoPublishAlias"] == "live"
    assert function["Timeout"] < 8, "Alexa waits about 8 seconds"
    assert template["Resources"]["SkillFunction"]["Metadata"]["BuildMethod"] == "makefile"


def test_role_may_only_write_its_own_logs_and_get_put_delete_its_own_table_items(template):
    policies = template["Resources"]["SkillFunctionRole"]["Properties"]["Policies"]
    statements = [s for policy in policies for s in policy["PolicyDocument"]["Statement"]]
    assert statements == [
        {
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
            "Resource": {"Fn::GetAtt": ["SkillLogGroup", "Arn"]},
        },
        {
            "Effect": "Allow",
            "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
            "Resource": {"Fn::GetAtt": ["ListenerTable", "Arn"]},
        },
    ]


def test_listener_table_is_on_demand_encrypted_recoverable_and_expires_records(template):
    table = template["Resources"]["ListenerTable"]
    properties = table["Properties"]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["SSESpecification"] == {"SSEEnabled": True}
    assert properties["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert properties["TimeToLiveSpecification"] == {"AttributeName": EXPIRES, "Enabled": True}
    assert properties["KeySchema"] == [{"AttributeName": KEY, "KeyType": "HASH"}]
    variables = template["Resources"]["SkillFunction"]["Properties"]["Environment"]["Variables"]
    assert variables[TABLE_ENV] == {"Ref": "ListenerTable"}
    assert table["DeletionPolicy"] == "Retain", "a stack update must not drop listeners' records"


def test_logs_are_kept_for_a_while_and_errors_and_throttles_raise_alarms(template):
    resources = template["Resources"]
    assert resources["SkillLogGroup"]["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    metrics = {r["Properties"]["MetricName"] for r in resources.values() if r["Type"] == "AWS::CloudWatch::Alarm"}
    assert metrics == {"Errors", "Throttles", "HandledErrors"}
    assert template["Outputs"]["SkillEndpointArn"]["Value"] == {"Ref": "SkillFunction.Alias"}


def test_errors_the_skill_answers_with_an_apology_raise_an_alarm_too(template, monkeypatch, caplog):
    """Lambda counts no error when the catch-all handler answers: a metric filter counts the line it logs."""
    resources = template["Resources"]
    metric_filter = resources["HandledErrorsMetricFilter"]["Properties"]
    assert metric_filter["LogGroupName"] == {"Ref": "SkillLogGroup"}
    assert metric_filter["FilterPattern"] == f'"{ERROR_LOG_LINE}"'
    (metric,) = metric_filter["MetricTransformations"]
    alarm = resources["SkillHandledErrorsAlarm"]["Properties"]
    assert (alarm["Namespace"], alarm["MetricName"]) == (metric["MetricNamespace"], metric["MetricName"])
    assert alarm["Statistic"] == "Sum" and alarm["Threshold"] == 1

    def fail(self, handler_input):
        raise RuntimeError("boom")

    monkeypatch.setattr(launch.LaunchHandler, "handle", fail)
    response = handle_event(build_skill(), fixture("launch_request"))
    assert speech_of(response)
    assert any(record.getMessage().startswith(f"{ERROR_LOG_LINE}: boom") for record in caplog.records)


def test_the_stack_is_refused_outside_the_regions_of_the_alexa_trigger(template):
    (assertion,) = template["Rules"]["AlexaSkillsKitRegion"]["Assertions"]
    regions, region = assertion["Assert"]["Fn::Contains"]
    assert sorted(regions) == ["ap-northeast-1", "eu-west-1", "us-east-1", "us-west-2"]
    assert region == {"Ref": "AWS::Region"}
    for region in regions:
        arn = f"arn:aws:lambda:{region}:111122223333:function:f:live"
        assert interaction_model._LAMBDA_ARN.fullmatch(arn), "the generator records endpoints in the same regions"
    assert not interaction_model._LAMBDA_ARN.fullmatch("arn:aws:lambda:eu-central-1:111122223333:function:f:live")


@pytest.fixture(scope="module")
def built_package(tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("sam-build")
    # Built for this machine's processor, so the package's compiled wheels (PyStemmer) run here.
    env = {
        **SAM_ENV,
        "PATH": f"{lambda_python().parent}{os.pathsep}{os.environ['PATH']}",
        "LAMBDA_PLATFORM": f"manylinux2014_{platform.machine()}",
    }
    result = subprocess.run(
        [str(SAM), "build", "--build-in-source", "--template", str(TEMPLATE), "--build-dir", str(build_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return build_dir / "SkillFunction"


def test_sam_build_ships_bytecode_for_every_module(built_package):
    sources = [p for p in built_package.rglob("*.py") if "bin" not in p.parts]
    assert (built_package / "skill" / "content" / "data" / "en" / "skill.json").exists()
    assert not list((built_package / "skill" / "content" / "data").rglob("*.toml")), "the content ships as JSON"
    missing = [p for p in sources if not (p.parent / "__pycache__" / f"{p.stem}.cpython-313.pyc").exists()]
    assert sources and missing == []
    assert not (built_package / "tests").exists() and not (built_package / ".venv").exists()


def test_built_package_answers_every_fixture_and_ships_only_what_it_loads(built_package, tmp_path):
    # As on Lambda: the package folder first on the path, no bytecode written (/var/task is read-only), and
    # SnapStart's initialisation, which does a first request's work too.
    script = (
        "import glob, json, sys; sys.path.insert(0, sys.argv[2]); import lambda_function\n"
        "paths = sorted(glob.glob(sys.argv[1]))\n"
        "answers = {p: lambda_function.lambda_handler(json.load(open(p)), None) for p in paths}\n"
        "loaded = sorted({m for m, module in sys.modules.items() if (getattr(module, '__file__', '') or '')"
        ".startswith(sys.argv[2])})\n"
        "print(json.dumps({'answers': answers, 'loaded': loaded}))"
    )
    result = subprocess.run(
        [
            str(lambda_python()),
            "-I",
            "-B",
            "-c",
            script,
            str(ROOT / "tests" / "fixtures" / "*.json"),
            str(built_package),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    run = json.loads(result.stdout)
    speech = run["answers"][str(FIXTURES / "side_effects_cyclophosphamide.json")]["response"]["outputSpeech"]["ssml"]
    assert "Cyclophosphamide" in speech
    assert all(answer["version"] == "1.0" for answer in run["answers"].values())
    loaded = set(run["loaded"])
    shipped = {
        ".".join(p.relative_to(built_package).with_suffix("").parts).removesuffix(".__init__")
        for p in (built_package / "skill").rglob("*.py")
    }
    # Without MMN_GUIDE_TABLE the local store stands in for DynamoDB's, which a function with its table loads.
    assert shipped - loaded == {"skill.store.dynamodb", "skill.store.sender", "skill.store.sigv4"}, (
        "a module of skill/ that the function never loads"
    )
    top_level = {name.split(".")[0] for name in loaded}
    assert not {"requests", "idna", "charset_normalizer"} & top_level
    assert not any((built_package / name).exists() for name in ("requests", "idna", "charset_normalizer", "bin"))


def project_packages() -> set[str]:
    """The project's top-level Python packages: skill/ and the folders of what Lambda never runs."""
    return {p.parent.name for p in ROOT.glob("*/__init__.py")}


def test_the_package_holds_skill_and_no_tool_of_the_project(built_package):
    tools = project_packages() - {"skill"}
    assert {"local_console", "web_endpoint", "build_tools", "eval_tools"} <= tools
    assert sorted(name for name in tools if (built_package / name).exists()) == []
    shipped = {p.relative_to(built_package / "skill") for p in (built_package / "skill").rglob("*.py")}
    source = {p.relative_to(ROOT / "skill") for p in (ROOT / "skill").rglob("*.py")}
    assert shipped == source, "the package is chosen by folder: skill/ whole"


def test_what_the_function_runs_imports_no_tool_of_the_project():
    tools = project_packages() - {"skill"}
    imported = {}
    for path in (ROOT / "skill").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in tools:
                    imported[str(path.relative_to(ROOT))] = name
    assert imported == {}


def test_the_lambda_lock_pins_every_requirement_with_hashes():
    lock = (ROOT / "lambda" / "requirements.lock").read_text()
    pinned = dict(re.findall(r"^([a-z0-9-]+)==(\S+) \\$", lock, flags=re.MULTILINE))
    for line in (ROOT / "lambda" / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            name = requirement.name.lower()
            assert name in pinned and requirement.specifier.contains(pinned[name]), line
    assert lock.count("--hash=sha256:") >= len(pinned)
    # No index or find-links options: they are this machine's package sources, not the build's.
    assert re.findall(r"^\s*--(?!hash=sha256:)\S*", lock, flags=re.MULTILINE) == []


def test_the_project_declares_the_aws_library_it_imports_and_not_the_one_it_never_does():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {Requirement(line).name for line in project["dependencies"]}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "skill").rglob("*.py"))
    assert re.search(r"^\s*(import|from) botocore", sources, flags=re.MULTILINE) and "botocore" in declared
    assert not re.search(r"^\s*(import|from) boto3", sources, flags=re.MULTILINE) and "boto3" not in declared


def test_the_listeners_key_secret_is_a_hidden_parameter_given_to_the_function(template):
    secret = template["Parameters"]["ListenerKeySecret"]
    assert secret["NoEcho"] is True and "Default" not in secret
    variables = template["Resources"]["SkillFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["MMN_GUIDE_KEY_SECRET"] == {"Ref": "ListenerKeySecret"}


def test_the_lambda_package_is_built_for_the_functions_processor(template):
    architecture = template["Resources"]["SkillFunction"]["Properties"]["Architectures"]
    assert architecture == ["arm64"]
    assert "LAMBDA_PLATFORM ?= manylinux2014_aarch64" in (ROOT / "Makefile").read_text()
