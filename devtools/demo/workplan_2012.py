"""The coalition's 2012 workplan, as adopted with the minutes (seed 000).

Wording is the plan's own, lightly tidied. Where the plan names a date loosely ("End 2012",
"July 2012") the step is due on the last day of that period and keeps the plan's words in
`due_note`. The plan dates the matrix call precisely: sent by 29 February, completed by all
members by 31 May 2012.
"""

import datetime
from dataclasses import dataclass, field

END_2012 = datetime.date(2012, 12, 31)
MAY_31 = datetime.date(2012, 5, 31)

TITLE = "Workplan 2012 \N{EN DASH} SPF Coalition"
YEAR = 2012


@dataclass(frozen=True)
class DemoStep:
    title: str
    due: datetime.date
    due_note: str = ""
    completed_on: datetime.date | None = None


@dataclass(frozen=True)
class DemoDeliverable:
    title: str
    objective: str = ""
    how: str = ""
    agencies: tuple[str, ...] = ()  # acronyms of the responsible agencies
    contacts: tuple[str, ...] = ()  # names from people.FOCAL_POINTS
    responsible_note: str = ""
    steps: tuple[DemoStep, ...] = field(default=())


MATRIX = DemoDeliverable(
    title="Matrix of SPF country activities: description of the activity, country, "
    "involved agencies, focal person",
    objective="Update the mapping exercise of SPF activities: What is going on where? Who is "
    "doing what? Tools needed? Who can take a lead where? Who to contact?",
    how="ILO will send a matrix to all the coalition members who are asked to update and "
    "complete it.",
    agencies=("ILO",),
    contacts=("Griet Cattaert",),
    responsible_note="All coalition members complete it",
    steps=(
        DemoStep(
            "Matrix sent by ILO to the initiative members",
            datetime.date(2012, 2, 29),
            "Before 29 February 2012",
            completed_on=datetime.date(2012, 2, 29),
        ),
        DemoStep("All members complete the matrix", MAY_31, "Before 31 May 2012"),
    ),
)

# (area number, area title, deliverables)
AREAS: tuple[tuple[int, str, tuple[DemoDeliverable, ...]], ...] = (
    (
        1,
        "Country operations",
        (
            MATRIX,
            DemoDeliverable(
                title="Country operations in selected countries: select a number of countries "
                "based on the criteria discussed during the meeting",
                objective="Joint work plan to implement SPF in selected countries",
                responsible_note="Coalition members",
                steps=(
                    DemoStep(
                        "Countries selected, joint work plan", END_2012, "End 2012 and ongoing"
                    ),
                ),
            ),
            DemoDeliverable(
                title="Report on joint activities to support national decision makers to "
                "implement (elements of) a SPF",
                agencies=("ILO", "UNICEF", "UNDP"),
                steps=(DemoStep("Report on joint activities", END_2012, "End 2012"),),
            ),
        ),
    ),
    (
        2,
        "Response to global requests (Rio+20, recommendations G20, post-MDGs)",
        (
            DemoDeliverable(
                title="Note on the ongoing and planned processes and intervention points to get "
                "the SPF into the post-MDG agenda",
                objective="Mapping exercise: What processes are going on? What is planned, when "
                "and where? Where can we add inputs?",
                agencies=("WHO", "UN-Habitat", "FES", "HelpAge"),
                contacts=("Peter Mertens", "Yamina Djacta", "Sara Burke"),
                steps=(
                    DemoStep("Note on processes and intervention points", MAY_31, "31 May 2012"),
                ),
            ),
            DemoDeliverable(
                title="Data and indicators",
                objective="Mapping exercise: What tools are available? What data is available "
                "where? Definitions? How to connect?",
                agencies=("ILO", "UNICEF", "UNDP", "UN Women"),
                steps=(
                    DemoStep("Mapping of SPF tools, data and indicators", MAY_31, "31 May 2012"),
                ),
            ),
        ),
    ),
    (
        3,
        "Coordination \N{EN DASH} mobilization",
        (
            DemoDeliverable(
                title="Material and other tools for reaching out to the civil society at the "
                "country level",
                objective="Coordinate material and tools for civil society at country level, to "
                "get greater involvement of civil society in the SPF.",
                agencies=("UNFPA", "ESN", "HelpAge"),
                contacts=("Azza Karam", "Thierry Weishaupt"),
                steps=(DemoStep("Outreach material collected", MAY_31, "31 May 2012"),),
            ),
        ),
    ),
    (
        4,
        "Funding strategy",
        (
            DemoDeliverable(
                title="5 page funding strategy paper (think piece)",
                objective="Analysis of possible funding strategies for the SPF-Initiative",
                how="Written by donor countries (Finland and France), supported by the SPF "
                "secretariat.",
                agencies=("MFA Finland", "France MoL", "ILO", "WHO", "UNICEF"),
                contacts=("Timo Voipio", "Marie Christine Coënt"),
                steps=(DemoStep("Funding strategy paper", MAY_31, "31 May 2012"),),
            ),
        ),
    ),
    (
        5,
        "Planned coordination activities",
        (
            DemoDeliverable(
                title="Follow up ILC, G20, Rio+20",
                objective="Meet again after the ILC and Rio+20 to set up an action plan in "
                "response to their outcomes.",
                responsible_note="Coalition members",
                steps=(DemoStep("Action plan meeting", datetime.date(2012, 7, 31), "July 2012"),),
            ),
        ),
    ),
)
