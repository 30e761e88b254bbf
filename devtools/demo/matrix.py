"""The country activity matrix: one row = one SPF activity in one country.

Sources: the 2011 overview in the 2012 minutes (joint SPF task forces, SPF costing tool
applications, the joint ILO/IMF fiscal space exercise) and the Flagship Programme's first
development partners meeting (country results presented by national speakers). Which agencies
sat in each task force, and which countries the costing and fiscal space rows are in, the
seeds do not say: those choices are illustrative and the descriptions say so.

Each row has a fixed demo reference (SPF-DEMOnn): it is the row's natural key for the loader.

Beyond one country (issue 20): the minutes' "Global and National Advocacy" (the Bachelet
report, the G20), the Yaoundé declaration and "joint SPF regional events", South-South
exchanges and the Flagship's cross-country advice and ASEAN health-care facility; where in
a country (a province, a district pilot) and the themes of the 2021 partners' meeting are
given where the seeds say so, and marked illustrative where they do not.
"""

import datetime
from dataclasses import dataclass

from activities.models import ActivityStatus, ActivityType, Guarantee, Role, Scope

LEAD, CO_LEAD, PARTNER, FUNDER = Role.LEAD, Role.CO_LEAD, Role.PARTNER, Role.FUNDER
ALL_GUARANTEES = tuple(Guarantee.values)
INCOME_GUARANTEES = (Guarantee.CHILDREN, Guarantee.WORKING_AGE, Guarantee.OLDER_PERSONS)
SPF_I_START, SPF_I_END = datetime.date(2011, 1, 1), datetime.date(2012, 12, 31)
PHASE_1_START, PHASE_1_END = datetime.date(2016, 1, 1), datetime.date(2020, 12, 31)
PHASE_2_START = datetime.date(2021, 1, 1)


@dataclass(frozen=True)
class DemoActivity:
    reference: str
    country: str  # ISO alpha-2
    title: str
    activity_type: str
    status: str
    agencies: dict[str, str]  # agency acronym -> role
    description: str = ""
    guarantees: tuple[str, ...] = ALL_GUARANTEES
    start: datetime.date | None = None
    end: datetime.date | None = None
    focal_point: str = ""  # a name from people.FOCAL_POINTS
    tools_used: tuple[str, ...] = ()  # tool acronyms, or names for tools without one
    tools_needed: tuple[str, ...] = ()
    funding: str = ""
    scope: str = Scope.COUNTRY
    region: str = ""  # an ILO region's value, for a regional activity
    countries: tuple[str, ...] = ()  # the others it covers (ISO alpha-2), besides `country`
    subdivisions: tuple[str, ...] = ()  # ISO 3166-2 codes
    themes: tuple[str, ...] = ()  # activities.Theme codes


# Joint SPF task forces named in the 2011 overview:
# (reference, country, lead, co-leads, partners, funding).
DAO = "Delivering-as-One funds of the UN country team (named in the 2012 minutes)."
OWN = "Participating agencies' own budgets; no long-term funding for the initiative."
TASK_FORCES: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("SPF-DEMO01", "HT", "ILO", ("UNICEF",), ("WFP", "WHO"), OWN),
    ("SPF-DEMO02", "BJ", "ILO", (), ("UNICEF", "WHO", "UNDP"), OWN),
    ("SPF-DEMO03", "BF", "ILO", ("UNICEF",), ("WFP", "UNDP"), OWN),
    ("SPF-DEMO04", "MZ", "ILO", ("UNICEF",), ("WFP", "WHO"), DAO),
    ("SPF-DEMO05", "TH", "ILO", (), ("UNICEF", "UNFPA", "UN Women", "WHO"), OWN),
    ("SPF-DEMO06", "ID", "ILO", ("UNDP",), ("UNICEF", "WFP"), OWN),
    ("SPF-DEMO07", "RW", "ILO", ("UNICEF",), ("WFP", "UNDP"), DAO),
    ("SPF-DEMO08", "TG", "ILO", (), ("UNICEF", "WHO", "UNDP"), OWN),
    ("SPF-DEMO09", "VN", "ILO", ("UNICEF",), ("UNDP", "UN Women"), OWN),
)

# SPF costing tool applications ("over 30 countries", none named): (reference, country, agencies).
COSTING: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("SPF-DEMO10", "KH", {"ILO": LEAD, "UNICEF": PARTNER}),
    ("SPF-DEMO11", "SN", {"ILO": LEAD, "WHO": PARTNER}),
    ("SPF-DEMO12", "BO", {"ILO": LEAD, "UNDP": PARTNER}),
)

# The joint ILO/IMF fiscal space exercise ("in 3 countries", none named).
FISCAL_SPACE: tuple[tuple[str, str], ...] = (
    ("SPF-DEMO13", "MZ"),
    ("SPF-DEMO14", "SV"),
    ("SPF-DEMO15", "VN"),
)


def roles(lead: str, co_leads: tuple[str, ...], partners: tuple[str, ...]) -> dict[str, str]:
    return {lead: LEAD} | dict.fromkeys(co_leads, CO_LEAD) | dict.fromkeys(partners, PARTNER)


def _spf_i_rows() -> list[DemoActivity]:
    rows = [
        DemoActivity(
            reference,
            country,
            "Joint SPF task force",
            ActivityType.COORDINATION,
            ActivityStatus.COMPLETED,
            roles(lead, co_leads, partners),
            description="Joint SPF task force supporting the national implementation of the SPF, "
            "named in the overview of 2011 SPF-I activities. The agencies listed are illustrative.",
            start=SPF_I_START,
            end=SPF_I_END,
            focal_point="Griet Cattaert",
            tools_used=("Joint manual for country operations",),
            tools_needed=("RAP",),
            funding=funding,
        )
        for reference, country, lead, co_leads, partners, funding in TASK_FORCES
    ]
    rows += [
        DemoActivity(
            reference,
            country,
            "SPF costing tool application",
            ActivityType.COSTING,
            ActivityStatus.COMPLETED,
            agencies,
            description="Application of the SPF costing tool, with implementation support. The "
            "2011 overview counts over 30 countries without naming them: this one is illustrative.",
            start=SPF_I_START,
            end=datetime.date(2011, 12, 31),
            focal_point="Michael Cichon",
            tools_used=("RAP",),
            funding=OWN,
        )
        for reference, country, agencies in COSTING
    ]
    rows += [
        DemoActivity(
            reference,
            country,
            "Joint ILO/IMF fiscal space exercise",
            ActivityType.COSTING,
            ActivityStatus.COMPLETED,
            {"ILO": LEAD, "IMF": CO_LEAD},
            description="Joint ILO/IMF fiscal space exercise. The 2011 overview counts 3 countries "
            "without naming them: this one is illustrative.",
            start=SPF_I_START,
            end=datetime.date(2011, 12, 31),
            focal_point="Michael Cichon",
            tools_used=("Fiscal space analysis for social protection", "RAP"),
            funding=OWN,
        )
        for reference, country in FISCAL_SPACE
    ]
    return rows


FLAGSHIP = "ILO Flagship Programme on Building Social Protection Floors for All."

# Flagship Programme work presented at its first development partners meeting.
FLAGSHIP_ROWS: tuple[DemoActivity, ...] = (
    DemoActivity(
        "SPF-DEMO16",
        "MZ",
        "National social protection strategy",
        ActivityType.TECHNICAL_ASSISTANCE,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Gov Mozambique": PARTNER},
        description="Support to the adoption of a national social protection strategy.",
        guarantees=INCOME_GUARANTEES,
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="Graciano Langa",
        funding=FLAGSHIP,
    ),
    DemoActivity(
        "SPF-DEMO17",
        "CV",
        "Extension of social pensions to older persons",
        ActivityType.TECHNICAL_ASSISTANCE,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Gov Cabo Verde": PARTNER},
        description="Social pensions extended to 80 per cent of older people.",
        guarantees=(Guarantee.OLDER_PERSONS,),
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="José Augusto Fernandes",
        funding=FLAGSHIP,
    ),
    DemoActivity(
        "SPF-DEMO18",
        "CV",
        "Contributory coverage for informal economy workers",
        ActivityType.CAPACITY_BUILDING,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Gov Cabo Verde": PARTNER},
        description="The national social security institute improved its administrative "
        "capacity to extend contributory programmes to informal economy workers.",
        guarantees=(Guarantee.WORKING_AGE,),
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="José Augusto Fernandes",
        funding=FLAGSHIP,
        themes=("informal-economy",),
    ),
    DemoActivity(
        "SPF-DEMO19",
        "CO",
        "Extension of social protection coverage to rural workers",
        ActivityType.TECHNICAL_ASSISTANCE,
        ActivityStatus.ONGOING,
        {"ILO": LEAD, "Gov Colombia": PARTNER},
        description="Extending social protection coverage to rural workers.",
        guarantees=(Guarantee.WORKING_AGE,),
        start=PHASE_1_START,
        focal_point="Francisco Javier Meijía",
        funding="Mostly the national budget, where most of the investment has to come from.",
    ),
    DemoActivity(
        "SPF-DEMO20",
        "PS",
        "First social protection law",
        ActivityType.LEGAL,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Palestinian Authority": PARTNER},
        description="Drafting of the first social protection law, aligned with ILO social "
        "security standards and developed through a participatory approach; passed.",
        guarantees=(Guarantee.WORKING_AGE, Guarantee.OLDER_PERSONS),
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="Ibrahim El-Shaer",
        funding=FLAGSHIP,
    ),
    DemoActivity(
        "SPF-DEMO21",
        "ZM",
        "Fiscal space for social cash transfers",
        ActivityType.COSTING,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Gov Zambia": PARTNER},
        description="Technical assistance to increase the fiscal space for social protection: "
        "with additional budget allocations, social cash transfer beneficiaries were "
        "multiplied by ten.",
        guarantees=INCOME_GUARANTEES,
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="Emerine Kabanshi",
        tools_used=("Fiscal space analysis for social protection", "RAP"),
        funding="Additional national budget allocations; " + FLAGSHIP,
    ),
    DemoActivity(
        "SPF-DEMO22",
        "LA",
        "Health care: policy advice with pilot implementation",
        ActivityType.PILOT,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "Luxembourg": FUNDER},
        description="Policy advice combined with pilot implementation, so that policies are not "
        "disconnected from reality. Building on it, Luxembourg is willing to support a "
        "health-care facility in ASEAN.",
        guarantees=(Guarantee.HEALTH,),
        start=PHASE_1_START,
        end=PHASE_1_END,
        focal_point="Jean-Marc Hoscheit",
        funding="Government of Luxembourg.",
        themes=("universal-health-coverage",),
    ),
    DemoActivity(
        "SPF-DEMO23",
        "SV",
        "SPF assessment-based national dialogue",
        ActivityType.STUDY,
        ActivityStatus.ONGOING,
        {"ILO": LEAD, "UNDP": CO_LEAD},
        description="Assessment of the gaps in the social protection floor and of the options to "
        "close them, discussed in a national dialogue. Illustrative: not in the seeds.",
        start=PHASE_2_START,
        focal_point="Valérie Schmitt",
        tools_used=("RAP",),
        tools_needed=("ISPA",),
        funding=FLAGSHIP,
    ),
    DemoActivity(
        "SPF-DEMO24",
        "CN",
        "South-South exchange of good practices",
        ActivityType.SOUTH_SOUTH,
        ActivityStatus.ONGOING,
        {"ILO": LEAD, "UNOSSC": CO_LEAD, "China": FUNDER},
        description="Conferences, country briefs and peer-to-peer support for South-South "
        "exchanges of good practices.",
        start=PHASE_2_START,
        focal_point="Valérie Schmitt",
        funding="People's Republic of China; UN Office for South-South Cooperation.",
    ),
)

# Work beyond one country, and a few rows saying where in the country.
PLACES_ROWS: tuple[DemoActivity, ...] = (
    DemoActivity(
        "SPF-DEMO25",
        "",
        "Bachelet report: Social Protection for a Fair and Inclusive Globalization",
        ActivityType.ADVOCACY,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "WHO": CO_LEAD},
        description="Global advocacy: the report of the Social Protection Floor Advisory "
        "Group, launched in October 2011 (the minutes' “Global and National Advocacy”).",
        start=datetime.date(2011, 1, 1),
        end=datetime.date(2011, 10, 31),
        scope=Scope.GLOBAL,
        themes=("financing",),
    ),
    DemoActivity(
        "SPF-DEMO26",
        "",
        "SPF in the G20 discussions and communiqué",
        ActivityType.ADVOCACY,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD, "IMF": PARTNER, "World Bank": PARTNER},
        description="The SPF included in the G20 discussions and final communiqué, with "
        "support to preliminary meetings in several countries, November 2011.",
        start=datetime.date(2011, 6, 1),
        end=datetime.date(2011, 11, 30),
        scope=Scope.GLOBAL,
    ),
    DemoActivity(
        "SPF-DEMO27",
        "",
        "Yaoundé Tripartite Declaration: action plan 2011",
        ActivityType.ADVOCACY,
        ActivityStatus.COMPLETED,
        {"ILO": LEAD},
        description="Implementation of the SPF declared at the 2nd African Decent Work "
        "Symposium, October 2010, and its action plan for 2011.",
        start=datetime.date(2010, 10, 1),
        end=datetime.date(2011, 12, 31),
        scope=Scope.REGIONAL,
        region="africa",
    ),
    DemoActivity(
        "SPF-DEMO28",
        "",
        "Joint SPF regional event for West Africa",
        ActivityType.COORDINATION,
        ActivityStatus.PLANNED,
        {"ILO": LEAD, "UNICEF": CO_LEAD, "WHO": PARTNER, "NGO CSocD": PARTNER},
        description="“Organize joint SPF regional events” and co-attend civil society's "
        "regional meetings as a coalition (the 2012 minutes). The countries are "
        "illustrative: those of the joint task forces in West Africa.",
        start=datetime.date(2012, 9, 1),
        end=datetime.date(2012, 9, 30),
        scope=Scope.REGIONAL,
        region="africa",
        countries=("BJ", "BF", "TG", "SN"),
        themes=("informal-economy",),
    ),
    DemoActivity(
        "SPF-DEMO29",
        "MZ",
        "South-South learning event: Mozambique and Cabo Verde",
        ActivityType.SOUTH_SOUTH,
        ActivityStatus.ONGOING,
        {"ILO": LEAD, "UNOSSC": CO_LEAD, "Gov Mozambique": PARTNER, "Gov Cabo Verde": PARTNER},
        description="Peer-to-peer exchange on social pensions, with translators to overcome "
        "the language barrier (the minutes). Illustrative: the seeds name no pair of "
        "countries.",
        guarantees=(Guarantee.OLDER_PERSONS,),
        start=PHASE_2_START,
        scope=Scope.MULTI_COUNTRY,
        countries=("CV",),
        subdivisions=("MZ-G", "MZ-MPM"),
        themes=("digital-delivery",),
    ),
    DemoActivity(
        "SPF-DEMO30",
        "",
        "Health-care facility for ASEAN",
        ActivityType.PILOT,
        ActivityStatus.PLANNED,
        {"ILO": LEAD, "Luxembourg": FUNDER},
        description="Building on the experience in Lao PDR, the Government of Luxembourg is "
        "willing to support the development of a health-care facility in ASEAN.",
        guarantees=(Guarantee.HEALTH,),
        start=PHASE_2_START,
        scope=Scope.REGIONAL,
        region="asia-pacific",
        countries=("LA", "KH", "VN"),
        themes=("universal-health-coverage",),
        funding="Government of Luxembourg.",
    ),
    DemoActivity(
        "SPF-DEMO31",
        "SN",
        "Cross-country policy advice: informal economy workers",
        ActivityType.TECHNICAL_ASSISTANCE,
        ActivityStatus.ONGOING,
        {"ILO": LEAD, "France MoL": FUNDER},
        description="The Government of France helps the Flagship Programme provide "
        "cross-country policy advice on extending social protection to informal economy "
        "workers. The countries are illustrative.",
        guarantees=(Guarantee.WORKING_AGE, Guarantee.HEALTH),
        start=PHASE_2_START,
        scope=Scope.MULTI_COUNTRY,
        countries=("CI", "ML"),
        subdivisions=("SN-DK", "SN-TH"),
        themes=("informal-economy", "financing"),
        funding=FLAGSHIP,
    ),
)

ACTIVITIES: tuple[DemoActivity, ...] = (*_spf_i_rows(), *FLAGSHIP_ROWS, *PLACES_ROWS)
