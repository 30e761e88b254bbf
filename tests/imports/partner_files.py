"""Three partners' own spreadsheets, written as people write them: their own headers in
English, French or Spanish, list columns, names spelled several ways, dates in several
formats, and three rows truly wrong in each (named in WRONG_ROWS)."""

import csv
import io

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from activities.models import Tool
from tests.factories import make_agency, make_country, make_focal_point

# Row 4: a country that does not exist; row 6: ends before it starts; row 7: an unknown agency.
ENGLISH = [
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
        "Notes",
    ],
    [
        "Vietnam",
        "Pension reform study",
        "Study",
        "ILO",
        "UNWomen; unicef",
        "Older persons",
        "15/03/2012",
        "June 2013",
        "Ana Ruiz",
        "a.ruiz@ilo.org",
        "",
        "ok",
    ],
    [
        "Lao PDR",
        "Health insurance costing",
        "Costing",
        "WHO",
        "ILO",
        "Health",
        "01/04/2012",
        "",
        "",
        "",
        "Rapid Assessment Protocol (RAP)",
        "",
    ],
    ["Atlantis", "Floor for an island", "Advocacy", "ILO", "", "", "2012", "", "", "", "", ""],
    [
        "Cote d'Ivoire",
        "Child benefit pilot",
        "Pilot",
        "UNICEF",
        "ILO; World Bank",
        "Children, health",
        "31 May 2012",
        "31/12/2014",
        "",
        "",
        "",
        "to check",
    ],
    [
        "Cabo Verde",
        "Social pension law",
        "Legal",
        "ILO",
        "",
        "Older persons",
        "01/06/2013",
        "01/01/2013",
        "",
        "",
        "",
        "",
    ],
    [
        "Turkey",
        "Training of inspectors",
        "Training",
        "ILO",
        "XYZ Foundation",
        "Working age",
        "2012-09",
        "2012-12",
        "",
        "",
        "",
        "",
    ],
    [
        "Viet Nam",
        "Fiscal space analysis",
        "Costing",
        "UN Women",
        "ILO",
        "Health; children; working age; older persons",
        2012,
        2013,
        "",
        "",
        "ISPA tools",
        "",
    ],
]

# Row 5: an unknown type; row 6: an unknown agency; row 7: ends before it starts.
FRENCH = [
    [
        "Pays",
        "Intitulé de l'activité",
        "Type d'activité",
        "Agence chef de file",
        "Agences partenaires",
        "Garanties du socle",
        "Date de début",
        "Date de fin",
        "Remarques",
    ],
    [
        "Sénégal",
        "Étude des pensions",
        "Étude",
        "BIT",
        "UNICEF; OMS",
        "Personnes âgées",
        "1er mars 2012",
        "31 décembre 2013",
        "",
    ],
    [
        "Côte d\u2019Ivoire",
        "Plaidoyer pour le socle",
        "Plaidoyer",
        "BIT",
        "",
        "Santé; enfance",
        "mai 2012",
        "",
        "urgent",
    ],
    [
        "Swaziland",
        "Assistance au ministère",
        "Assistance technique",
        "UNICEF",
        "BIT",
        "Enfance",
        "15/06/2012",
        "30/06/2013",
        "",
    ],
    ["Sénégal", "Formation des agents", "Cuisine", "BIT", "", "", "01/09/2012", "", ""],
    ["Togo", "Coût du socle", "Chiffrage", "ONUXYZ", "", "Santé", "2012", "", ""],
    [
        "Bénin",
        "Loi sur la protection sociale",
        "Juridique",
        "BIT",
        "",
        "",
        "mars 2013",
        "janvier 2013",
        "",
    ],
]

# Row 5: a country that does not exist; row 6: an unknown agency; row 7: ends before it starts.
SPANISH = [
    [
        "País",
        "Nombre de la actividad",
        "Tipo de actividad",
        "Agencia líder",
        "Socios",
        "Garantías",
        "Fecha de inicio",
        "Fecha de fin",
        "Correo",
    ],
    [
        "Bolivia",
        "Estudio de pensiones no contributivas",
        "Estudio",
        "OIT",
        "UNICEF",
        "Personas mayores",
        "1 de marzo de 2012",
        "31 de diciembre de 2013",
        "",
    ],
    [
        "Paraguay",
        "Asistencia técnica al ministerio",
        "Asistencia técnica",
        "OIT",
        "OMS; UNICEF",
        "Salud y niñez",
        "15/04/2012",
        "30/06/2013",
        "",
    ],
    ["Perú", "Piloto de transferencias", "Piloto", "UNICEF", "", "Niñez", "junio de 2012", "", ""],
    ["Narnia", "Piso para todos", "Incidencia", "OIT", "", "", "2012", "", ""],
    ["Bolivia", "Costeo del piso", "Costeo", "OIT", "Banco XYZ", "Salud", "01/05/2012", "", ""],
    [
        "Perú",
        "Ley de pensiones",
        "Legislación",
        "OIT",
        "",
        "",
        "31/12/2013",
        "01/01/2013",
        "correo-invalido",
    ],
]

WRONG_ROWS = {"en": [4, 6, 7], "fr": [5, 6, 7], "es": [5, 6, 7]}
FILES = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}


def partners_hub() -> None:
    """The countries, agencies (with their French and Spanish acronyms), people and tools
    the three files name."""
    for code, region in [("VN", "asia-pacific"), ("LA", "asia-pacific"), ("CI", "africa")]:
        make_country(code, region=region)
    for code, region in [("CV", "africa"), ("TR", "europe-central-asia"), ("SN", "africa")]:
        make_country(code, region=region)
    for code, region in [("SZ", "africa"), ("TG", "africa"), ("BJ", "africa")]:
        make_country(code, region=region)
    for code in ("BO", "PY", "PE"):
        make_country(code, region="americas")
    ilo = make_agency("ILO", name="International Labour Organization", name_variants="BIT\nOIT")
    make_agency("UNICEF", name="United Nations Children's Fund")
    make_agency("WHO", name="World Health Organization", name_variants="OMS")
    make_agency("UN Women", name="UN Women", name_variants="UNWomen")
    make_agency("World Bank", name="The World Bank", name_variants="Banco Mundial")
    make_focal_point(ilo, name="Ana Ruiz", email="ana@ilo.org")
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    Tool.objects.create(name="ISPA tool", acronym="ISPA")


def file_bytes(language: str, *, without_wrong_rows: bool = False) -> tuple[bytes, str]:
    """(content, file name): English as XLSX, French as ODS, Spanish as a ";" CSV."""
    rows = FILES[language]
    if without_wrong_rows:
        wrong = {number - 1 for number in WRONG_ROWS[language]}
        rows = [row for index, row in enumerate(rows) if index not in wrong]
    if language == "en":
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append(row)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), "partner-matrix.xlsx"
    if language == "fr":
        document = OpenDocumentSpreadsheet()
        table = Table(name="Activités")
        for row in rows:
            line = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                line.addElement(cell)
            table.addElement(line)
        document.spreadsheet.addElement(table)
        out = io.BytesIO()
        document.write(out)
        return out.getvalue(), "matrice-partenaire.ods"
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    return text.getvalue().encode("cp1252"), "matriz-socio.csv"
