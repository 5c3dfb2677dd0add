"""Installing claimgraph prints no deprecation warnings of our making: `project.license` is an SPDX string (a TOML
table made setuptools print three deprecation lines during the README's first command). The real build backend
prepares the package's metadata from the real pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_license_is_an_spdx_string_setuptools_takes_without_a_warning(tmp_path):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(pyproject["project"]["license"], str)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "README.md", tmp_path)
    (tmp_path / "src" / "claimgraph").mkdir(parents=True)
    (tmp_path / "src" / "claimgraph" / "__init__.py").touch()
    (tmp_path / "out").mkdir()
    build = subprocess.run(
        [
            sys.executable,
            "-W",
            "default",
            "-c",
            "from setuptools import build_meta; print(build_meta.prepare_metadata_for_build_wheel('out'))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert "Warning" not in build.stderr and "deprecated" not in build.stderr, build.stderr
    metadata = next((tmp_path / "out").glob("*.dist-info/METADATA")).read_text(encoding="utf-8")
    assert f"License-Expression: {pyproject['project']['license']}" in metadata
