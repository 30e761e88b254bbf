"""The catalogue of SPF tools and data sets (workplan 2012, item 2: "What tools are available?").

The seeds name the SPF costing tool (applied in over 30 countries in 2011), the joint ILO/IMF
fiscal space exercise, the joint manual for country operations and the ISPA tools (a session
of the 2021 Flagship market place). The UNICEF, World Bank and second ILO entries are real
tools the seeds do not mention, added so that the catalogue has more than one owner;
descriptions stay short and general.
"""

# (name, acronym, owner acronym or "" for inter-agency tools, description)
TOOLS: tuple[tuple[str, str, str, str], ...] = (
    (
        "SPF costing tool (Rapid Assessment Protocol)",
        "RAP",
        "ILO",
        "Costs the SPF benefits a country considers and compares them with its budget; "
        "applied, with implementation support, in over 30 countries by 2011.",
    ),
    (
        "Fiscal space analysis for social protection",
        "",
        "ILO",
        "Options for financing the floor from national resources; used in the joint ILO/IMF "
        "fiscal space exercise in three countries (2011).",
    ),
    (
        "Joint manual for country operations",
        "",
        "ILO",
        "The SPF Initiative's manual for joint UN country work; the 2012 minutes ask for more "
        "detailed technical and operational notes beside it.",
    ),
    (
        "Interagency Social Protection Assessment tools",
        "ISPA",
        "",
        "Inter-agency tools to assess a country's social protection system, policies and "
        "programmes (presented at the 2021 Flagship market place).",
    ),
    (
        "Social Security Inquiry",
        "SSI",
        "ILO",
        "ILO's data collection on social protection coverage, benefits and expenditure.",
    ),
    (
        "Multiple Overlapping Deprivation Analysis",
        "MODA",
        "UNICEF",
        "UNICEF's method to measure child poverty as overlapping deprivations.",
    ),
    (
        "Atlas of Social Protection Indicators of Resilience and Equity",
        "ASPIRE",
        "World Bank",
        "World Bank data set of social protection coverage and adequacy indicators.",
    ),
)
