"""The import reads the hashtags the hub's HXL files write now, and those of its older files
and of partners' 3W files."""

import pytest

from imports.columns import GUARANTEES, guess_tag


@pytest.mark.parametrize(
    ("tag", "field"),
    [
        ("#activity+type", "activity_type"),
        ("#beneficiary+guarantee", GUARANTEES),
        ("#item+name+tool+used", "tools_used"),
        ("#item+name+tool+needed", "tools_needed"),
        ("#description", "description"),
        ("#region+name", "region"),
        ("#activity+scope", "scope"),
        ("#country+code", "country_code"),
        ("#country+code+main", "main_country"),
        ("#adm1+code", "subdivision_codes"),
        ("#adm1+name", "subdivisions"),
        ("#activity+theme", "themes"),
        ("#activity+name", "title"),
    ],
)
def test_it_reads_the_tags_of_the_hubs_files(tag, field):
    assert guess_tag(tag) == field


def test_it_still_reads_older_files_and_3w_files():
    assert (guess_tag("#sector"), guess_tag("#subsector")) == ("activity_type", GUARANTEES)
    assert (guess_tag("#activity+description"), guess_tag("#beneficiary")) == ("description", "")
