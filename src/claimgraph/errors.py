"""Errors that name the input they are about."""


class ClaimgraphError(Exception):
    """Base class for errors a user should see as one clear line."""


class InputError(ClaimgraphError):
    """An input that cannot be read: the message names the input and the reason."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}")


class StoreError(ClaimgraphError):
    """The store cannot be opened or used."""
