"""Docs that can drift are tested: the README names every command, `__all__` is honest."""

from __future__ import annotations

import typer.main

import newsevents
from newsevents.cli import app
from newsevents.config import SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block and "make check" in first_block


def test_every_command_is_in_the_readme():
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert set(commands) >= {"run", "code", "events"}
    for name in commands:
        assert f"newsevents {name}" in README, name


def test_every_setting_is_in_the_readme():
    for name in SETTINGS:
        assert f"| {name} |" in README, name


def test_all_is_sorted_and_names_only_real_public_objects():
    assert newsevents.__all__ == sorted(newsevents.__all__)
    for name in newsevents.__all__:
        assert hasattr(newsevents, name), name
    public = {n for n in vars(newsevents) if not n.startswith("_") and n != "logging"}
    modules = {n for n in public if type(getattr(newsevents, n)).__name__ == "module"}
    assert public - modules <= set(newsevents.__all__)
