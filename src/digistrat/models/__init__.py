"""The strategy repository format: one pydantic model per file kind.

Every model forbids unknown keys (so a typo is a finding, not silently ignored) and documents each
field; ``digistrat schema`` turns these models into JSON Schema for editors.
"""

from digistrat.models.common import Owner
from digistrat.models.entities import Commitment, Initiative, Service, UserGroup
from digistrat.models.strategy import Strategy

KINDS: dict[str, type[Service | UserGroup | Initiative | Commitment]] = {
    "services": Service,
    "users": UserGroup,
    "initiatives": Initiative,
    "commitments": Commitment,
}
"""Entity folders of a repository and the model for the files in each."""

__all__ = ["KINDS", "Commitment", "Initiative", "Owner", "Service", "Strategy", "UserGroup"]
