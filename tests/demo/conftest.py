import pytest

from devtools.demo.loader import LoadReport, load_demo


@pytest.fixture
def demo(db) -> LoadReport:
    """The demo data, loaded once for the test."""
    return load_demo()
