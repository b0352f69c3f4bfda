"""The skill package is the shape ASK CLI v2 deploys: ask-resources.json names it, and it holds the manifest and
one model per locale and the store icons, at the paths the CLI expects, and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from build_tools import skill_package
from build_tools.interaction_model import MANIFEST_PATH, PACKAGE_DIR, ROOT, locales, model_path


def test_ask_resources_names_the_package_for_the_default_profile():
    config = json.loads(skill_package.RESOURCES_PATH.read_text(encoding="utf-8"))
    assert config["askcliResourcesVersion"] == "2020-03-31"
    # SAM deploys the code and its infrastructure, so the CLI deploys only the skill package.
    assert set(config["profiles"]["default"]) == {"skillMetadata"}
    assert skill_package.package_dir() == PACKAGE_DIR


def test_the_package_holds_the_manifest_the_icons_and_one_model_per_locale_and_nothing_else():
    assert len(locales()) == 5
    assert skill_package.uploaded_files(PACKAGE_DIR) == sorted(
        ["skill.json", "assets/images/large.png", "assets/images/small.png"]
        + [f"interactionModels/custom/{locale}.json" for locale in locales()]
    )
    assert skill_package.problems(PACKAGE_DIR) == []
    assert MANIFEST_PATH == PACKAGE_DIR / "skill.json"
    assert all(model_path(locale).parent == PACKAGE_DIR / "interactionModels" / "custom" for locale in locales())


def test_a_stray_or_missing_file_is_reported_and_hidden_files_are_not_uploaded(tmp_path):
    copy = tmp_path / "skill-package"
    shutil.copytree(PACKAGE_DIR, copy)
    (copy / ".DS_Store").write_text("")
    assert skill_package.problems(copy) == []
    (copy / "interactionModels" / "custom" / "en-GB.json").unlink()
    (copy / "source").mkdir()
    (copy / "source" / "en.toml").write_text("")
    (copy / "assets" / "images" / "small.png").unlink()
    assert skill_package.problems(copy) == [
        "missing: assets/images/small.png",
        "missing: interactionModels/custom/en-GB.json",
        "not part of a skill package: source/en.toml",
        "the manifest names a file the package lacks: file://assets/images/small.png",
    ]


def test_the_command_prints_what_the_cli_would_upload():
    result = subprocess.run(
        [sys.executable, "-m", "build_tools.skill_package"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    listed = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert listed == skill_package.uploaded_files(PACKAGE_DIR)
    assert result.stdout.startswith("ask deploy uploads interaction_models/skill-package/:")
