"""The country activity matrix: one row = one SPF activity in one country.

Sources: the 2011 overview in the 2012 minutes (joint SPF task forces, SPF costing tool
applications, the joint ILO/IMF fiscal space exercise) and the Flagship Programme's first
development partners meeting (country results presented by national speakers). Which agencies
sat in each task force, and which countries the costing and fiscal space rows are in, the
seeds do not say: those choices are illustrative and the descriptions say so.

Each row has a fixed demo reference (SPF-DEMOnn): it is the row's natural key for the loader.
"""

import datetime
from dataclasses import dataclass

from activities.models import ActivityStatus, ActivityType, Guarantee, Role

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

ACTIVITIES: tuple[DemoActivity, ...] = (*_spf_i_rows(), *FLAGSHIP_ROWS)
