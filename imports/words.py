"""The words partners write, in English, French and Spanish, for the hub's columns and
values (besides the hub's own labels in every site language, which are read from the models).

Data only: imports.columns guesses a column's field from HEADER_WORDS, imports.matching
reads a guarantee, a type of work or a status from the others. Compared by name key
(core.names.name_key: no accents, case or punctuation), so "Type d'activité" is written
"type d activite" here.
"""

# A list column: one cell naming several of the four R202 guarantees.
GUARANTEES = "guarantees"

# Headers as partners write them (besides the hub's own, in every site language). Compared
# by name key; those of five characters or more also count inside a longer header ("Date de
# début prévue" is a start date).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "reference": ("ref", "id", "referencia", "activity id", "spf id", "spf reference"),
    "country_code": ("iso", "iso3", "iso code", "code iso", "code pays", "codigo pais", "cod pais"),
    "country": ("pays", "pais", "country name", "nom du pays", "nombre del pais", "nation"),
    "title": (
        "activity",
        "activities",
        "activity title",
        "activity name",
        "titre",
        "intitule",
        "activite",
        "nom de l activite",
        "titulo",
        "actividad",
        "nombre de la actividad",
        "project",
        "projet",
        "proyecto",
    ),
    "description": ("details", "summary", "resume", "resumen", "descripcion", "objectives"),
    "activity_type": (
        "activity type",
        "type of activity",
        "kind of work",
        "type of work",
        "work",
        "type d activite",
        "tipo",
        "tipo de actividad",
        "kind",
        "category",
        "categorie",
        "categoria",
        "modalite",
        "modalidad",
    ),
    "status": ("statut", "etat", "estado", "situation", "stage", "state"),
    GUARANTEES: (
        "guarantees",
        "r202 guarantees",
        "spf guarantees",
        "garanties",
        "garanties du socle",
        "garantias",
        "garantias del piso",
        "guarantee",
    ),
    "start_date": (
        "start",
        "begins",
        "beginning",
        "from",
        "debut",
        "date de debut",
        "inicio",
        "fecha de inicio",
        "desde",
        "started",
    ),
    "end_date": (
        "end",
        "to",
        "until",
        "ends",
        "finish",
        "fin",
        "date de fin",
        "fecha de fin",
        "fecha de termino",
        "hasta",
        "ended",
    ),
    "lead_agency": (
        "lead",
        "leading agency",
        "lead organisation",
        "lead organization",
        "leading organisation",
        "leading organization",
        "chef de file",
        "agence chef de file",
        "agence principale",
        "lider",
        "agencia lider",
        "organismo lider",
    ),
    "co_lead_agencies": ("co lead", "colead", "co leads", "co chef de file", "co lider", "colider"),
    "partner_agencies": (
        "partners",
        "agencies",
        "agency",
        "other agencies",
        "partenaires",
        "agences",
        "agences partenaires",
        "autres agences",
        "socios",
        "agencias",
        "organismos",
        "organizations",
        "organisations",
        "implementing partners",
        "agencies involved",
    ),
    "funder_agencies": (
        "funders",
        "donors",
        "donor",
        "bailleurs",
        "bailleurs de fonds",
        "donateurs",
        "financeurs",
        "donantes",
        "financiadores",
    ),
    "focal_point": (
        "contact",
        "contact person",
        "point focal",
        "personne de contact",
        "punto focal",
        "persona de contacto",
        "contacto",
        "focal person",
    ),
    "focal_point_email": (
        "email",
        "e mail",
        "mail",
        "courriel",
        "correo",
        "correo electronico",
        "contact email",
    ),
    "tools_used": ("tools", "outils", "outils utilises", "herramientas", "herramientas utilizadas"),
    "tools_needed": ("outils necessaires", "besoins en outils", "herramientas necesarias"),
    "funding": ("financement", "financiamiento", "financiacion", "budget", "presupuesto"),
    "scope": ("portee", "alcance", "geographic scope", "portee geographique", "niveau", "nivel"),
    "main_country": ("pays principal", "pais principal", "main country code", "lead country"),
    "subdivisions": (
        "province",
        "provinces",
        "provincia",
        "provincias",
        "admin 1",
        "adm1",
        "subdivision",
        "subdivisiones",
        "where in the country",
    ),
    "themes": ("theme", "thematic", "thematique", "thematiques", "tema", "temas", "topics"),
}


# The R202 guarantees as partners name them in a list cell (besides the hub's labels in
# every site language): "Health; children", "Santé, enfance", "salud y vejez".
GUARANTEE_WORDS: dict[str, tuple[str, ...]] = {
    "covers_health": (
        "health",
        "health care",
        "healthcare",
        "sante",
        "soins de sante",
        "salud",
        "atencion de salud",
    ),
    "covers_children": ("children", "child", "enfants", "enfance", "ninos", "ninez", "infancia"),
    "covers_working_age": (
        "working age",
        "unemployment",
        "age actif",
        "age de travailler",
        "chomage",
        "edad activa",
        "edad de trabajar",
        "desempleo",
    ),
    "covers_older_persons": (
        "older persons",
        "older people",
        "old age",
        "elderly",
        "pensions",
        "personnes agees",
        "vieillesse",
        "personas mayores",
        "adultos mayores",
        "vejez",
    ),
}


# Types and statuses as partners write them (besides the hub's labels in every language).
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "advocacy": ("plaidoyer", "incidencia", "sensibilisation", "awareness"),
    "technical-assistance": ("ta", "assistance technique", "asistencia tecnica", "advisory"),
    "costing": ("costing", "fiscal space", "chiffrage", "espace budgetaire", "costeo"),
    "legal": ("law", "legislation", "juridique", "legislatif", "legislacion", "legal"),
    "capacity-building": ("training", "formation", "renforcement des capacites", "capacitacion"),
    "study": ("study", "assessment", "etude", "evaluation", "estudio", "evaluacion", "research"),
    "pilot": ("pilot", "pilote", "piloto"),
    "south-south": ("south south", "sud sud", "sur sur"),
    "coordination": ("task force", "coordinacion", "coordination"),
}
SCOPE_WORDS: dict[str, tuple[str, ...]] = {
    "country": ("national", "country", "pays", "pais", "single country"),
    "multi-country": (
        "multi country",
        "multicountry",
        "several",
        "multi pays",
        "plusieurs pays",
        "multipais",
        "varios paises",
        "multinational",
    ),
    "regional": ("region", "regional", "regionale"),
    "global": ("global", "mondial", "mundial", "worldwide", "world", "monde", "mundo"),
}
# Words in a country cell that say the activity is global, not a country's.
GLOBAL_WORDS = ("global", "mondial", "mundial", "worldwide", "world", "monde", "mundo")
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "planned": ("prevu", "planifie", "a venir", "previsto", "planificado", "pipeline"),
    "ongoing": ("en cours", "en curso", "active", "in progress", "current"),
    "completed": ("termine", "acheve", "finalizado", "terminado", "closed", "done", "finished"),
    "suspended": ("suspendu", "suspendido", "on hold", "en pause"),
}
