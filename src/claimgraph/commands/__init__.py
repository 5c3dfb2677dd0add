"""Command modules; each exposes ``COMMANDS``, a list of click commands."""

from . import claims, core, export, scale, story, views

COMMAND_MODULES = [core, export, claims, story, views, scale]
