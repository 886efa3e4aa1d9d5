"""The International Covenant on Civil and Political Rights, built in."""

from toolkit.covenant.catalogue import (
    ARTICLES,
    Article,
    Provision,
    ProvisionError,
    parse_provision,
)
from toolkit.covenant.states import OPTIONAL_PROTOCOL_STATUS, StateStatus, state_status

__all__ = ["ARTICLES", "Article", "Provision", "ProvisionError", "parse_provision",
           "OPTIONAL_PROTOCOL_STATUS", "StateStatus", "state_status"]
