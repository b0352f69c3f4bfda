"""The SAM template passes cfn-lint and wires the Alexa trigger to the SkillId parameter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cfn_lint_passes():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(ROOT / "template.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_alexa_event_and_skill_id_are_bound_to_the_parameter():
    from cfnlint.decode import decode

    template, errors = decode(str(ROOT / "template.yaml"))
    assert not errors
    function = template["Resources"]["SkillFunction"]["Properties"]
    assert function["Events"]["AlexaSkill"] == {"Type": "AlexaSkill", "Properties": {"SkillId": {"Ref": "SkillId"}}}
    assert function["Environment"]["Variables"]["SKILL_ID"] == {"Ref": "SkillId"}
    assert function["Handler"] == "lambda/lambda_function.lambda_handler"
