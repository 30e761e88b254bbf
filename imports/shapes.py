"""Rows that are not activities, and rows whose cells moved: what a partner's sheet holds
besides its table.

- Under the data, a total line ("Total", a SUM formula) or a note ("Source: ...", a line
  of text in its first cell only) is not an activity: such lines are left out, and the
  preview lists them as "not read".
- In a semicolon file, a list cell typed without quotes ("ILO; UNICEF") becomes two cells
  and pushes every later cell one column right. Such a row is found (it is wider than the
  header, or it reads without errors once realigned), never cut silently, and the person
  is offered its realignment: the cells from the list column joined back into one list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from core.names import name_key
from core.spreadsheets.reading import Formula, is_blank
from imports.parsing import Row

# A line that sums or cites, by its first words (English, French, Spanish).
NOTE_START = re.compile(
    r"^(sub)?totale?s?\b|^totaux\b|^sous total|^somme\b|^suma\b|^sum\b|^grand total"
    r"|^sources?\b|^fuentes?\b|^notes?\b|^nota\b|^n b\b|^prepared by|^elabore par"
    r"|^elaborado por|^last updated|^mis a jour|^actualizado"
)
NOTE_WORDS = re.compile(r"^(sources?|fuentes?|notes?|nota|n b|prepared|elabor|last|mis|actual)")
SUM_FORMULA = re.compile(r"^=\s*(SUM|SOMME|SUMA|SUBTOTAL|SOUS\.TOTAL|SUBTOTALES)\s*\(", re.I)
MOST_CELLS_OF_A_NOTE = 2
# Cells of a list column that a semicolon file split are joined back with this.
LIST_JOIN = "; "


def filled(cells: list[Any]) -> list[Any]:
    return [cell for cell in cells if not is_blank([cell])]


def note_kind(cells: list[Any]) -> str:
    """ "total" or "note" for a line that is not an activity, else ""."""
    values = filled(cells)
    if not values:
        return ""
    if any(isinstance(cell, Formula) and SUM_FORMULA.match(cell.text) for cell in values):
        return "total"
    first = values[0]
    text = first.text if isinstance(first, Formula) else str(first)
    key = name_key_words(text)
    if NOTE_START.match(key):
        if not NOTE_WORDS.match(key):
            return "total"
        if len(values) <= MOST_CELLS_OF_A_NOTE:  # not an activity titled "Sources of ..."
            return "note"
    if len(values) == 1 and cells.index(first) == first_filled(cells) and isinstance(first, str):
        return "note"
    return ""


def name_key_words(text: str) -> str:
    """A text folded as name_key folds it, its words kept apart."""
    return " ".join(key for word in re.split(r"[\s\W_]+", text) if (key := name_key(word)))


def first_filled(cells: list[Any]) -> int:
    return next(index for index, cell in enumerate(cells) if not is_blank([cell]))


def leave_out_notes(table: list[Row]) -> tuple[list[Row], list[list[Any]]]:
    """The data rows, and the total and note lines under them: [row number, kind, text]."""
    end = len(table)
    while end and note_kind(table[end - 1][1]):
        end -= 1
    left_out = [
        [number, note_kind(cells), " ".join(shown_cell(cell) for cell in filled(cells))[:200]]
        for number, cells in table[end:]
    ]
    return table[:end], left_out


def shown_cell(cell: Any) -> str:
    return cell.text if isinstance(cell, Formula) else str(cell)


def realigned(cells: list[Any], at: int, shift: int) -> list[Any]:
    """The row with the `shift` cells after column `at` joined back into its list cell."""
    joined = LIST_JOIN.join(str(cell).strip() for cell in filled(cells[at : at + shift + 1]))
    return [*cells[:at], joined, *cells[at + shift + 1 :], *[None] * shift]


def cells_past(cells: list[Any], width: int) -> list[Any]:
    """The non-empty cells past the header's last column."""
    return filled(cells[width:])


def find_shift(
    cells: list[Any],
    width: int,
    candidates: list[int],
    errors_of: Callable[[list[Any]], int],
    errors: int,
) -> tuple[int, int] | None:
    """(column, shift) of the realignment that reads the row with the fewest errors, among
    the list columns `candidates`: fewer than the `errors` of the row as it is, and none for
    a row no wider than the header."""
    last = max((index for index, cell in enumerate(cells) if not is_blank([cell])), default=-1)
    wider = last + 1 - width
    shifts = [wider] if wider > 0 else [1]
    best: tuple[int, int, int] | None = None
    for shift in shifts:
        if wider <= 0 and any(not is_blank([cell]) for cell in cells[width - shift : width]):
            continue  # a row no wider than the header fits, unless its last cells are empty
        for at in candidates:
            found = errors_of(realigned(cells, at, shift)[:width])
            if best is None or found < best[0]:
                best = (found, at, shift)
    if best is None or best[0] >= errors or (wider <= 0 and best[0]):
        return None
    return best[1], best[2]
