"""Commands added by later work."""

COMMANDS: list = []
