"""Partners' files as people write them, each with its expected outcome stated.

Written as partners send them, never edited: an English comma CSV with a title line, lists
written with commas and "and", month names, a regional commission the hub does not know, a
total line and a source line; a French semicolon CSV with a list typed without quotes (its
row shifted), an agency named in French, commas in a list and a source line; a Spanish
workbook with a read-me sheet, a title line, two organisations in their own languages (one
the hub has under another name, one it does not have), a type of work in Spanish and a total
line. Each file names its truly wrong rows (row, column, value, reason) and the choices a
person makes in the import's pages, and nothing else: every other row is imported, and the
same file again changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

import openpyxl

from activities.models import Tool
from tests.factories import make_agency, make_country, make_focal_point


@dataclass
class PartnerFile:
    name: str
    data: bytes
    # The truly wrong rows: (row, column, value, reason), as the preview names them.
    wrong: list[tuple[int, str, str, str]]
    # The page's answers for the values the hub does not know: the value as written -> an
    # agency's acronym or a type's code it means, "add" or "out".
    values: dict[str, str] = field(default_factory=dict)
    realign: list[int] = field(default_factory=list)  # shifted rows the person realigns
    not_read: list[int] = field(default_factory=list)  # total and note lines
    sheet: str = ""  # the sheet the page says it read
    creates: int = 0  # activities created


def partners_hub() -> None:
    for code in ("KE", "MZ", "SN", "ML", "BJ"):
        make_country(code, region="africa")
    for code in ("BO", "PE"):
        make_country(code, region="americas")
    ilo = make_agency("ILO", name="International Labour Organization", name_variants="BIT\nOIT")
    make_agency("UNICEF", name="United Nations Children's Fund")
    make_agency("WHO", name="World Health Organization", name_variants="OMS")
    make_agency("UN Women", name="UN Women", name_variants="UNWomen")
    make_agency("UNFPA", name="United Nations Population Fund")
    make_agency("World Bank", name="The World Bank", name_variants="Banco Mundial")
    make_focal_point(ilo, name="Ana Ruiz", email="ana@ilo.org")
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    Tool.objects.create(name="ISPA tool", acronym="ISPA")


def comma_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


ENGLISH = PartnerFile(
    "east-africa-update.csv",
    comma_csv(
        [
            ["SPF activities in East Africa - partner update, March 2012"],
            [
                "Country",
                "Activity",
                "Kind of work",
                "Leading organisation",
                "Other agencies",
                "SPF guarantees",
                "From",
                "To",
                "Contact person",
                "Contact email",
                "Tools",
            ],
            [
                "Kenya",
                "Social pension study",
                "Study",
                "ILO",
                "UNFPA, UN Women",
                "Older persons, health",
                "March 2012",
                "June 2013",
                "Ana Ruiz",
                "ana@ilo.org",
                "RAP",
            ],
            [
                "Mozambique",
                "Basic social subsidy costing",
                "Costing",
                "ILO",
                "UNICEF and World Bank",
                "Children",
                "01/04/2012",
                "",
                "",
                "",
                "ISPA tools",
            ],
            [
                "Mozambique",
                "Regional dialogue",
                "Coordination",
                "ECA",
                "ILO",
                "",
                "May 2012",
                "",
                "",
                "",
                "",
            ],
            [
                "Kenya",
                "Cash transfer law",
                "Legal",
                "UNICEF",
                "",
                "Children",
                "01/06/2013",
                "01/01/2013",
                "",
                "",
                "",
            ],
            ["Total", "4 activities", "", "", "", "", "", "", "", "", ""],
            ["Source: partners' reports to the coalition, March 2012"],
        ]
    ),
    wrong=[(6, "End date", "01/01/2013", "The end date cannot be before the start date.")],
    values={"ECA": "add"},
    not_read=[7, 8],
    creates=3,
)

FRENCH = PartnerFile(
    "senegal-mali-benin.csv",
    "\n".join(
        [
            "Pays;Intitulé;Type d'activité;Agence chef de file;Agences partenaires;Garanties;"
            "Date de début;Date de fin;Statut",
            # An unquoted list: "UNICEF; OMS" became two cells, every later cell one right.
            "Sénégal;Étude des pensions;Étude;BIT;UNICEF; OMS;Personnes âgées;1er mars 2012;"
            "31 décembre 2013;En cours",
            "Sénégal;Formation des agents;Renforcement des capacités;BIT;ONU Femmes;Enfance;"
            "avril 2012;;Prévu",
            "Mali;Plaidoyer pour le socle;Plaidoyer;UNICEF;;Santé et enfance;31/02/2012;;",
            "Bénin;Socle de santé;Assistance technique;OMS;BIT, UNICEF;Santé;janvier 2012;"
            "décembre 2014;En cours",
            "Source : enquête auprès des partenaires, 2012",
        ]
    ).encode(),
    wrong=[
        (
            4,
            "Start date",
            "31/02/2012",
            "“31/02/2012” is not a date: write it as 2012-05-31, 31/05/2012 or 31 May 2012.",
        )
    ],
    values={"ONU Femmes": "UN Women"},
    realign=[2],
    not_read=[6],
    creates=3,
)


def spanish_workbook() -> bytes:
    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "Léame"
    for line in [
        ["Léame"],
        ["Complete una fila por actividad. Las agencias, separadas por comas."],
        ["Gracias por su contribución."],
    ]:
        readme.append(line)
    sheet = book.create_sheet("Actividades")
    for line in [
        ["Actividades del piso de protección social - Bolivia y Perú, 2012"],
        [
            "País",
            "Nombre de la actividad",
            "Tipo de actividad",
            "Agencia líder",
            "Socios",
            "Garantías",
            "Fecha de inicio",
            "Fecha de fin",
        ],
        [
            "Bolivia",
            "Estudio de pensiones no contributivas",
            "Estudio",
            "OIT",
            "OPS y UNICEF",
            "Personas mayores",
            "marzo de 2012",
            "diciembre de 2013",
        ],
        [
            "Perú",
            "Diálogo regional sobre protección social",
            "Coordinación",
            "CEPAL",
            "OIT",
            "",
            "1 de mayo de 2012",
            "",
        ],
        ["Perú", "Estudio de caso de salud", "Estudio de caso", "OIT", "OPS", "Salud", "2012", ""],
        ["Narnia", "Piso para todos", "Incidencia", "OIT", "", "", "2012", ""],
        ["Total", 4, "", "", "", "", "", ""],
    ]:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


SPANISH = PartnerFile(
    "socios-bolivia-peru.xlsx",
    spanish_workbook(),
    wrong=[
        (
            6,
            "Country",
            "Narnia",
            "Unknown country “Narnia”: use its ISO code (e.g. VNM) or its name.",
        )
    ],
    values={"OPS": "WHO", "CEPAL": "add", "Estudio de caso": "study"},
    not_read=[7],
    sheet="Actividades",
    creates=3,
)

FILES = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}
