"""The one error type of the engines: input that cannot be solved as given."""


class InvalidInput(ValueError):
    """The problem as given is malformed or impossible; the message says what to change (in English;
    callers in the product translate the situation for their users)."""
