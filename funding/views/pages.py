from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from funding.filters import filtered_contributions
from funding.totals import (
    DIMENSION_LABELS,
    DIMENSIONS,
    by_currency,
    grand_totals,
    several_currencies,
    totals,
)


def index(request: HttpRequest) -> HttpResponse:
    """Who funds the coalition's work, through which channel, where and when; with the
    amounts and their totals (per currency) for those who may see them."""
    filterset, contributions = filtered_contributions(request.GET)
    see_amounts = request.user.has_perm("funding.see_amounts")
    ctx = {
        "filter": filterset,
        "is_filtered": any(filterset.data.get(name) for name in filterset.filters),
        "contributions": contributions,
        "see_amounts": see_amounts,
    }
    if see_amounts:
        overall = grand_totals(contributions)
        ctx["overall"] = overall
        ctx["several_currencies"] = several_currencies(overall)
        ctx["tables"] = []
        for by in DIMENSIONS:
            rows = totals(contributions, by)
            # The chart draws the table's numbers: one series per currency.
            table = {"by": by, "label": DIMENSION_LABELS[by], "rows": rows}
            ctx["tables"].append({**table, "series": by_currency(rows)})
    return render(request, "funding/index.html", ctx)
