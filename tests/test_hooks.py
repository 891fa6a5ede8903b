"""The hooks' shared set-up: sitebuild/hooks/project.py and sitebuild/command.py."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import yaml

from sitebuild import command as build_command

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_the_project_hook_is_first():
    # The hooks after it import sitebuild/simulators without putting the root on sys.path.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"][0] == "sitebuild/hooks/project.py"


def test_every_hook_loads_from_another_folder(tmp_path):
    # As `mkdocs build -f …/mkdocs.yml` run elsewhere: neither the folder nor PYTHONPATH holds the root.
    script = (
        "import json, sys\n"
        "from mkdocs.config import load_config\n"
        f"config = load_config({str(ROOT / 'mkdocs.yml')!r})\n"
        "print(json.dumps(sorted(config['hooks'])))\n"
    )
    done = subprocess.run([sys.executable, "-I", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    on_disk = sorted(f"sitebuild/hooks/{p.name}" for p in (ROOT / "sitebuild" / "hooks").glob("*.py") if p.name != "__init__.py")
    assert loaded == on_disk


def test_command_is_recorded_once_for_every_hook():
    try:
        build_command.record("serve")
        assert build_command.serving()
        build_command.record("gh-deploy")
        assert not build_command.serving()
    finally:
        build_command.record("build")
    assert not build_command.serving()
