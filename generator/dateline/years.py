"""A year for wire datelines that print none ("BAGHDAD, Sept. 2 (Xinhua) --").

The year comes from the article's dated neighbours: the nearest articles before and after
it in the same folder (clipping tools save a wire feed in order). It is taken only when
one year puts the day within half a year of every such neighbour; otherwise the date stays
unknown. An article whose year was filled in says so (``Dateline.year_from``), and
``annals check`` lists it, so the guess is never silent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import PurePosixPath
from typing import Sequence

from ..model import Article

NEAR_DAYS = 183


def complete_years(articles: Sequence[Article]) -> list[Article]:
    """The articles, with year-less datelines dated from their neighbours where one year fits."""
    by_folder: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        by_folder.setdefault(_folder(article.path), []).append(index)
    out = list(articles)
    for indexes in by_folder.values():
        ordered = sorted(indexes, key=lambda i: articles[i].path)
        for position, index in enumerate(ordered):
            dateline = articles[index].dateline
            if dateline is None or dateline.date is not None or dateline.month_day is None:
                continue
            neighbours = _dated_neighbours(articles, ordered, position)
            day = _fitting_day(dateline.month_day, neighbours)
            if day is not None:
                out[index] = replace(articles[index], dateline=replace(
                    dateline, date=day, origin="dateline", year_from="neighbours"))
    return out


def _folder(path: str) -> str:
    """PurePosixPath(path).parent as text, without building a path for every article."""
    if "//" in path or "/./" in path or path.startswith("./") or path.endswith("/"):
        return str(PurePosixPath(path).parent)
    head, _, _ = path.rpartition("/")
    return head or ("/" if path.startswith("/") else ".")


def _dated_neighbours(articles: Sequence[Article], ordered: list[int], position: int) -> list[date]:
    found = []
    for step in (-1, 1):
        i = position + step
        while 0 <= i < len(ordered):
            dateline = articles[ordered[i]].dateline
            day = articles[ordered[i]].date or (dateline.date if dateline else None)
            if day is not None and not (dateline and dateline.year_from):
                found.append(day)
                break
            i += step
    return found


def _fitting_day(month_day: tuple[int, int], neighbours: list[date]) -> date | None:
    if not neighbours:
        return None
    month, day = month_day
    fits = set()
    for year in {n.year + delta for n in neighbours for delta in (-1, 0, 1)}:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if all(abs((candidate - n).days) <= NEAR_DAYS for n in neighbours):
            fits.add(candidate)
    return fits.pop() if len(fits) == 1 else None
