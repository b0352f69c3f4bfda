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
PUBLISHER = 'name = "Neuro Help Ltd"\ncontact = "privacy@neurohelp.co.uk"\ndocs_url = "https://neurohelp.co.uk/mmn"\n'
TOPIC = "arn:aws:sns:eu-west-1:111122223333:mmn-guide-alarms"


@pytest.fixture
def project(tmp_path):
    """A copy of the project (sharing .venv) and stand-in CLIs, so no step touches this checkout or AWS."""
    copy = tmp_path / "project"
    for name in ("skill", "build_tools", "interaction_models", "scripts", "docs"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "ask-resources.json", copy)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    (copy / "interaction_models" / "source" / "publisher.toml").write_text(PUBLISHER)
    subprocess.run(
        [str(copy / ".venv" / "bin" / "python"), "-m", "build_tools.interaction_model"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    for name, text in (("ask", ASK), ("sam", SAM)):
        (tmp_path / name).write_text(text)
        (tmp_path / name).chmod(0o755)
    return copy


def run(project, step, answer="", **settings):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("ALARM_TOPIC_ARN", "LISTENER_KEY_SECRET")},
        **settings,
        "ASK": str(project.parent / "ask"),
        "SAM": str(project.parent / "sam"),
        "CALLS": str(project.parent / "calls"),
        "STACK_NAME": "mmn-guide",
        "AWS_REGION": "eu-west-1",
    }
    return subprocess.run(
        [str(project / "scripts" / "deploy" / step)],
        cwd=project,
        env=env,
        input=answer,
        capture_output=True,
        text=True,
        check=False,
    )


def calls(project):
    return (project.parent / "calls").read_text().splitlines()


def test_the_first_deploy_in_order(project):
    created = run(project, "create_skill.sh")
    assert created.returncode == 0, created.stderr
    assert calls(project) == ["ask deploy --target skill-metadata"]
    assert SKILL_ID in created.stdout

    backend = run(project, "deploy_backend.sh", answer=TOPIC + "\n")
    assert backend.returncode == 0, backend.stderr
    secret = (project / ".ask" / "listener-key-secret").read_text().strip()
    assert len(secret) == 64 and (project / ".ask" / "listener-key-secret").stat().st_mode & 0o077 == 0
    assert calls(project)[1:] == [
        "sam build --build-in-source",
        "sam deploy --stack-name mmn-guide --region eu-west-1 --resolve-s3 --capabilities CAPABILITY_IAM "
        f"--no-fail-on-empty-changeset --parameter-overrides SkillId={SKILL_ID} ListenerKeySecret={secret} "
        f"AlarmTopicArn={TOPIC}",
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


def test_the_skill_is_not_created_while_a_publisher_detail_is_a_placeholder(project):
    shutil.copy2(ROOT / "interaction_models" / "source" / "publisher.toml", project / "interaction_models" / "source")
    subprocess.run(
        [str(project / ".venv" / "bin" / "python"), "-m", "build_tools.interaction_model"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    result = run(project, "create_skill.sh")
    assert result.returncode == 1 and "docs_url" in result.stderr and "step 0" in result.stderr
    assert not (project.parent / "calls").exists()


def test_without_an_alarm_topic_the_deploy_says_the_alarms_notify_nobody_and_keeps_the_secret(project):
    run(project, "create_skill.sh")
    first = run(project, "deploy_backend.sh", answer="\n")
    assert first.returncode == 0 and "the alarms notify nobody" in first.stderr
    assert "AlarmTopicArn" not in calls(project)[-1]
    again = run(project, "deploy_backend.sh", ALARM_TOPIC_ARN="")
    assert again.returncode == 0 and calls(project)[-1] == calls(project)[2], "the same secret on every deploy"
    wrong = run(project, "deploy_backend.sh", ALARM_TOPIC_ARN="my-topic")
    assert wrong.returncode == 1 and "Not an SNS topic ARN" in wrong.stderr
