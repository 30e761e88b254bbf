"""Criteria for choosing countries for joint operations, as the 2012 work-planning minutes
list them (seed 000, "Possible criteria for country selection to maximize success").

The minutes warn against appearing selective: the criteria are framed from the country
team's perspective, and assessments against them are for members only. Near-duplicates in
the minutes (a country request is listed twice; the UNDAF and UNDG points overlap) are
merged; the wording otherwise stays close to the minutes'.
"""

# (title, description)
CRITERIA: tuple[tuple[str, str], ...] = (
    (
        "A country request exists",
        "The country has asked for advice or technical assistance in developing social "
        "protection floor policies: there is demand.",
    ),
    (
        "Social protection is a priority of the national development framework",
        "Extending social protection, or elements of the floor, is a priority of the "
        "national development framework, PRSPs and/or UNDAFs, or is planned to be.",
    ),
    (
        "Willingness to work out fiscal space",
        "The government is willing to work out fiscal space and/or mobilise financing "
        "(the minutes note that willingness is difficult to assess).",
    ),
    (
        "Favourable legal environment",
        "Constitutional guarantees or laws that support the floor.",
    ),
    (
        "A UNDAF or One-UN process",
        "A UNDAF or One-UN process is under way, to which the SPF can be linked (UNDG).",
    ),
    (
        "National ownership at a high level",
        "",
    ),
    (
        "Organised civil society platform",
        "",
    ),
    (
        "Sensitivity to social protection issues",
        "Including where inequality is becoming a problem.",
    ),
    (
        "At least 2 member agencies active and willing to lead",
        "At least two UN agencies that are members of the SPF Initiative are active in the "
        "country and willing to take the lead or co-lead.",
    ),
    (
        "SPF elements already in place",
        "Successful elements of a social protection floor are already in place.",
    ),
    (
        "Regional and language balance",
        "The selected countries balance regions, languages and types of system; pilot "
        "countries and self-starters are identified and picked from.",
    ),
)

# Criteria the matrix answers by itself (countries.models.Computation), by title.
COMPUTED: dict[str, str] = {
    "At least 2 member agencies active and willing to lead": "willing-leads",
}
