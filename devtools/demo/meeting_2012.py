"""The coalition meeting of the 2012 minutes (seeds/000): its summary as minutes, the outcomes
as decisions, and the follow-ups it named as action points. The minutes do not date the
meeting; it came before the workplan's first deadline (the matrix sent by 29 Feb 2012)."""

import datetime

TITLE = "SPF Initiative coalition meeting"
DATE = datetime.date(2012, 2, 1)
PLACE = "Geneva (ILO)"
AGENCIES = ["ILO", "UNICEF", "UNDP", "WHO", "UNFPA", "UN Women", "WFP", "World Bank", "IMF"]
AGENDA = [
    "Country operations: the matrix of SPF activities",
    "Response to global requests (Rio+20, G20, post-MDGs)",
    "Data and indicators",
    "Working with civil society",
    "ILC 2012: the SPF recommendation",
    "Funding strategy of the SPF-I",
]
MINUTES = """## Outcomes

1. **Country operations** in selected countries: all coalition members map the ongoing SPF
   activities in the countries, to implement joint SPF activities in selected countries.
2. **Global requests** (Rio+20, G20 recommendations, post-MDGs): keep the SPF on the
   international agenda.
3. **Data and indicators**: map the available SPF tools and data, and see how to connect them.
4. **Civil society**: coordinate material and tools for reaching out at country level.
5. **ILC 2012**: a new SPF recommendation is discussed at the Labour Conference in June 2012.
6. **Action plan**: the members meet again after the ILC and Rio+20 to set up an action plan.
7. **Funding strategy** of the SPF-I: analyse possible funding strategies.
"""
# (text, public)
DECISIONS = [
    (
        "All coalition members map their ongoing SPF activities in the countries, with the "
        "objective of joint SPF activities in selected countries.",
        True,
    ),
    (
        "The coalition members will meet again after the ILC and Rio+20 to set up an action plan.",
        True,
    ),
    ("Identify pilot countries and self-starters.", False),
    ("Prepare a 5 page funding strategy paper.", False),
]
# (text, owner agency, due date)
ACTION_POINTS = [
    ("Send the matrix of SPF country activities to all members", "ILO", datetime.date(2012, 2, 29)),
    ("Complete the matrix for your agency", "UNICEF", datetime.date(2012, 5, 31)),
    ("Draft the 5 page funding strategy paper", "ILO", datetime.date(2012, 9, 30)),
]
