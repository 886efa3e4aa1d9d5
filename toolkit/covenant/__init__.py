"""The International Covenant on Civil and Political Rights, built in."""

from toolkit.covenant.catalogue import (
    ARTICLES,
    Article,
    Provision,
    ProvisionError,
    parse_provision,
)
from toolkit.covenant.states import StateStatus, all_states, state_status, suggestions

__all__ = ["ARTICLES", "Article", "Provision", "ProvisionError", "parse_provision",
           "StateStatus", "all_states", "state_status", "suggestions"]
