"""The chronology helpers the renderer uses (one place to see what it depends on)."""

from __future__ import annotations

from ..chronology import (co_actors, date_label, is_background, split_background, events_for_actor, events_per_month,
                          group_by_year_month, key_dates_for_actor, shown_key_dates,
                          sources_for_actor, sources_of)
from ..chronology.views import YEAR_LEVEL

__all__ = ["YEAR_LEVEL", "co_actors", "is_background", "split_background", "date_label", "events_for_actor",
           "events_per_month", "group_by_year_month", "key_dates_for_actor", "shown_key_dates",
           "sources_for_actor", "sources_of"]
