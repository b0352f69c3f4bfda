"""The first deploy, in order, with stand-ins for the ASK CLI and the SAM CLI: the skill is created without an
endpoint, the stack is deployed with its id, and the stack's endpoint is recorded in the package and uploaded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKILL_ID = "amzn1.ask.skill.12345678-1234-1234-1234-123456789012"
ARN = "arn:aws:lambda:eu-west-1:111122223333:function:mmn-guide-SkillFunction-abc:live"
# Each stand-in logs its arguments; `ask deploy` writes the skill id where the real CLI does.
ASK = f"""#!/bin/sh
echo "ask $*" >> "$CALLS"
if [ "$1" = deploy ]; then
    mkdir -p .ask
    echo '{{"askcliStatesVersion": "2020-03-31", "profiles": {{"default": {{"skillId": "{SKILL_ID}"}}}}}}' \\
        > .ask/ask-states.json
fi
"""
SAM = f"""#!/bin/sh
echo "sam $*" >> "$CALLS"
if [ "$1" = list ]; then
    echo '[{{"OutputKey": "SkillFunctionArn", "OutputValue": "x"}},' \
         '{{"OutputKey": "SkillEndpointArn", "OutputValue": "{ARN}"}}]'
fi
"""


@pytest.fixture
def project(tmp_path):
    """A copy of the project (sharing .venv) and stand-in CLIs, so no step touches this checkout or AWS."""
    copy = tmp_path / "project"
    for name in ("skill", "interaction_models", "scripts"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "ask-resources.json", copy)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    for name, text in (("ask", ASK), ("sam", SAM)):
        (tmp_path / name).write_text(text)
        (tmp_path / name).chmod(0o755)
    return copy


def run(project, step):
    env = {
        **os.environ,
        "ASK": str(project.parent / "ask"),
        "SAM": str(project.parent / "sam"),
        "CALLS": str(project.parent / "calls"),
        "STACK_NAME": "mmn-guide",
        "AWS_REGION": "eu-west-1",
    }
    return subprocess.run(
        [str(project / "scripts" / "deploy" / step)], cwd=project, env=env, capture_output=True, text=True, check=False
    )


def calls(project):
    return (project.parent / "calls").read_text().splitlines()


def test_the_first_deploy_in_order(project):
    created = run(project, "create_skill.sh")
    assert created.returncode == 0, created.stderr
    assert calls(project) == ["ask deploy --target skill-metadata"]
    assert SKILL_ID in created.stdout

    backend = run(project, "deploy_backend.sh")
    assert backend.returncode == 0, backend.stderr
    assert calls(project)[1:] == [
        "sam build --build-in-source",
        "sam deploy --stack-name mmn-guide --region eu-west-1 --resolve-s3 --capabilities CAPABILITY_IAM "
        f"--no-fail-on-empty-changeset --parameter-overrides SkillId={SKILL_ID}",
    ]

    connected = run(project, "connect_endpoint.sh")
    assert connected.returncode == 0, connected.stderr
    assert calls(project)[3:] == [
        "sam list stack-outputs --stack-name mmn-guide --region eu-west-1 --output json",
        "ask deploy --target skill-metadata",
        f"ask smapi set-skill-enablement --skill-id {SKILL_ID} --stage development",
    ]
    manifest = json.loads((project / "interaction_models" / "skill-package" / "skill.json").read_text())["manifest"]
    assert manifest["apis"]["custom"]["endpoint"] == {"uri": ARN} == manifest["events"]["endpoint"]
    assert ARN in (project / "interaction_models" / "source" / "endpoint.toml").read_text()


def test_steps_two_and_three_need_the_skill_and_a_new_skill_needs_no_endpoint(project):
    for step in ("deploy_backend.sh", "connect_endpoint.sh"):
        result = run(project, step)
        assert result.returncode == 1 and "create_skill.sh first" in result.stderr
    (project / "interaction_models" / "source" / "endpoint.toml").write_text(f'endpoint = "{ARN}"\n')
    result = run(project, "create_skill.sh")
    assert result.returncode == 1 and "endpoint is recorded" in result.stderr
    assert not (project.parent / "calls").exists()
