"""The one error type of the planning engine: input that cannot be planned as given."""


class InvalidInput(ValueError):
    """The input is malformed (an unknown language level or mode, negative hours, …); the message says
    what to change, in English. The product shows its own translated text."""
