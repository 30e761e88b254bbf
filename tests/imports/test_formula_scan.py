"""A workbook's formulas are found by reading its XML a part at a time (never whole)."""

import pytest

from core.spreadsheets import reading
from core.spreadsheets.reading import Workbook, formula_cells
from tests.imports.helpers import xlsx_bytes


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_a_formula_is_found_wherever_the_parts_are_cut(monkeypatch, chunk):
    data = xlsx_bytes([["SPF-1", "VNM", "=1+1"], ["SPF-2", "VNM", "Census"]])
    monkeypatch.setattr(reading, "XML_CHUNK", chunk)
    assert formula_cells(data, "Activities") == {
        (1, 2): "=1+1"
    }  # from 0: the second row, third column


@pytest.mark.parametrize("chunk", [1, 2, 1 << 20])
def test_a_workbook_without_formulas_has_none(monkeypatch, chunk):
    data = xlsx_bytes([["SPF-1", "VNM", "Census"], ["SPF-2", "VNM", "Font <fine>"]])
    monkeypatch.setattr(reading, "XML_CHUNK", chunk)
    assert formula_cells(data, "Activities") == {}


def test_a_sheet_is_loaded_once_for_every_reader_until_forgotten():
    book = Workbook(xlsx_bytes([["SPF-1", "VNM", "Census"]]))
    sheet = book.sheet("Activities")
    assert book.sheet("Activities") is sheet
    book.forget()
    assert book.sheet("Activities") is not sheet
