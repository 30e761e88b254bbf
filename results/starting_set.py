"""The coalition's starting library of indicators, in English, French and Spanish: SDG 1.3.1
and its components (ILO's World Social Protection Report), and the milestones of the
Flagship's country work. Loaded by a migration (results/migrations/0002) and by the demo;
the secretariat edits them in the admin afterwards, so loading only adds what is missing.
"""

from typing import Any

PERCENT_BY_SEX: dict[str, Any] = {"unit": "percent", "aggregation": "latest", "dimensions": ["sex"]}
MILESTONE: dict[str, Any] = {"unit": "milestone", "aggregation": "none", "dimensions": []}
ALL_GUARANTEES = ["health", "children", "working-age", "older-persons"]
INCOME_GUARANTEES = ["children", "working-age", "older-persons"]

# (code, fields): name*/definition* in three languages, the rest as Indicator's fields.
INDICATORS: tuple[tuple[str, dict[str, Any]], ...] = (
    (
        "SDG-1.3.1",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "total",
            "guarantees": INCOME_GUARANTEES,
            "name": "Population covered by at least one social protection benefit (SDG 1.3.1)",
            "name_fr": "Population couverte par au moins une prestation de protection sociale "
            "(ODD 1.3.1)",
            "name_es": "Población cubierta por al menos una prestación de protección social "
            "(ODS 1.3.1)",
            "definition": "Share of the total population receiving at least one contributory "
            "or non-contributory cash benefit, or actively contributing to a social security "
            "scheme.",
            "definition_fr": "Part de la population totale qui reçoit au moins une prestation "
            "en espèces, contributive ou non, ou qui cotise à un régime de sécurité sociale.",
            "definition_es": "Proporción de la población total que recibe al menos una "
            "prestación monetaria, contributiva o no contributiva, o que cotiza a un régimen "
            "de seguridad social.",
        },
    ),
    (
        "SDG-1.3.1-children",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "children",
            "guarantees": ["children"],
            "name": "Children covered by social protection benefits",
            "name_fr": "Enfants couverts par des prestations de protection sociale",
            "name_es": "Niños y niñas cubiertos por prestaciones de protección social",
            "definition": "Share of children receiving child or family cash benefits.",
            "definition_fr": "Part des enfants qui reçoivent des prestations en espèces pour "
            "enfants ou familiales.",
            "definition_es": "Proporción de niños y niñas que reciben prestaciones monetarias "
            "por hijo o familiares.",
        },
    ),
    (
        "SDG-1.3.1-mothers",
        {
            "unit": "percent",
            "aggregation": "latest",
            "dimensions": [],
            "sdg_component": "mothers-newborns",
            "guarantees": ["health", "children"],
            "name": "Mothers with newborns receiving maternity cash benefits",
            "name_fr": "Mères de nouveau-nés percevant des prestations de maternité en espèces",
            "name_es": "Madres con recién nacidos que perciben prestaciones monetarias de "
            "maternidad",
            "definition": "Share of women giving birth who receive maternity cash benefits.",
            "definition_fr": "Part des femmes ayant accouché qui perçoivent des prestations de "
            "maternité en espèces.",
            "definition_es": "Proporción de mujeres que dan a luz y perciben prestaciones "
            "monetarias de maternidad.",
        },
    ),
    (
        "SDG-1.3.1-disability",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "severe-disability",
            "guarantees": ["working-age"],
            "name": "Persons with severe disabilities receiving disability cash benefits",
            "name_fr": "Personnes gravement handicapées percevant des prestations d'invalidité "
            "en espèces",
            "name_es": "Personas con discapacidad grave que perciben prestaciones monetarias "
            "por discapacidad",
            "definition": "Share of persons with severe disabilities who receive disability "
            "cash benefits.",
            "definition_fr": "Part des personnes gravement handicapées qui perçoivent des "
            "prestations d'invalidité en espèces.",
            "definition_es": "Proporción de personas con discapacidad grave que perciben "
            "prestaciones monetarias por discapacidad.",
        },
    ),
    (
        "SDG-1.3.1-unemployed",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "unemployed",
            "guarantees": ["working-age"],
            "name": "Unemployed persons receiving unemployment cash benefits",
            "name_fr": "Chômeurs percevant des prestations de chômage en espèces",
            "name_es": "Personas desempleadas que perciben prestaciones monetarias de desempleo",
            "definition": "Share of unemployed persons who receive unemployment cash benefits.",
            "definition_fr": "Part des chômeurs qui perçoivent des prestations de chômage en "
            "espèces.",
            "definition_es": "Proporción de personas desempleadas que perciben prestaciones "
            "monetarias de desempleo.",
        },
    ),
    (
        "SDG-1.3.1-older",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "older-persons",
            "guarantees": ["older-persons"],
            "name": "Older persons receiving a pension",
            "name_fr": "Personnes âgées percevant une pension",
            "name_es": "Personas mayores que perciben una pensión",
            "definition": "Share of persons above the statutory pensionable age who receive an "
            "old-age pension.",
            "definition_fr": "Part des personnes ayant dépassé l'âge légal de la retraite qui "
            "perçoivent une pension de vieillesse.",
            "definition_es": "Proporción de personas por encima de la edad legal de jubilación "
            "que perciben una pensión de vejez.",
        },
    ),
    (
        "SDG-1.3.1-vulnerable",
        {
            **PERCENT_BY_SEX,
            "sdg_component": "vulnerable",
            "guarantees": INCOME_GUARANTEES,
            "name": "Vulnerable persons covered by social assistance",
            "name_fr": "Personnes vulnérables couvertes par l'assistance sociale",
            "name_es": "Personas vulnerables cubiertas por la asistencia social",
            "definition": "Share of vulnerable persons (children, persons of working age and "
            "older persons not covered by contributory schemes) who receive social assistance "
            "cash benefits.",
            "definition_fr": "Part des personnes vulnérables (enfants, personnes d'âge actif et "
            "personnes âgées non couvertes par un régime contributif) qui perçoivent des "
            "prestations d'assistance sociale en espèces.",
            "definition_es": "Proporción de personas vulnerables (niños, personas en edad de "
            "trabajar y personas mayores no cubiertas por regímenes contributivos) que perciben "
            "prestaciones monetarias de asistencia social.",
        },
    ),
    (
        "PEOPLE-NEW",
        {
            "unit": "people",
            # Several activities often reach the same people: the largest is a floor, a sum
            # could count them twice.
            "aggregation": "largest",
            "dimensions": ["sex", "age", "guarantee", "disability", "area"],
            "sdg_component": "",
            "guarantees": ALL_GUARANTEES,
            "name": "People newly covered",
            "name_fr": "Personnes nouvellement couvertes",
            "name_es": "Personas con nueva cobertura",
            "definition": "People who started receiving a social protection benefit or "
            "service during the period, thanks to the reforms or programmes the activity "
            "supported.",
            "definition_fr": "Personnes ayant commencé à recevoir une prestation ou un service "
            "de protection sociale pendant la période, grâce aux réformes ou programmes "
            "soutenus par l'activité.",
            "definition_es": "Personas que empezaron a recibir una prestación o un servicio de "
            "protección social durante el periodo, gracias a las reformas o programas "
            "apoyados por la actividad.",
        },
    ),
    (
        "LAW",
        {
            "unit": "number",
            "aggregation": "sum",
            "dimensions": ["guarantee"],
            "sdg_component": "",
            "guarantees": ALL_GUARANTEES,
            "name": "Laws or policies adopted",
            "name_fr": "Lois ou politiques adoptées",
            "name_es": "Leyes o políticas adoptadas",
            "definition": "Laws, decrees, strategies or policies on social protection adopted "
            "during the period with the activity's support.",
            "definition_fr": "Lois, décrets, stratégies ou politiques de protection sociale "
            "adoptés pendant la période avec l'appui de l'activité.",
            "definition_es": "Leyes, decretos, estrategias o políticas de protección social "
            "adoptados durante el periodo con el apoyo de la actividad.",
        },
    ),
    (
        "DIALOGUE",
        {
            **MILESTONE,
            "sdg_component": "",
            "guarantees": [],
            "name": "National dialogue held",
            "name_fr": "Dialogue national tenu",
            "name_es": "Diálogo nacional celebrado",
            "definition": "A national dialogue on the social protection floor took place, with "
            "government, workers, employers and civil society.",
            "definition_fr": "Un dialogue national sur le socle de protection sociale a eu "
            "lieu, avec le gouvernement, les travailleurs, les employeurs et la société civile.",
            "definition_es": "Se celebró un diálogo nacional sobre el piso de protección "
            "social, con el gobierno, los trabajadores, los empleadores y la sociedad civil.",
        },
    ),
    (
        "ABND",
        {
            **MILESTONE,
            "sdg_component": "",
            "guarantees": ALL_GUARANTEES,
            "name": "Assessment-based national dialogue (ABND) completed",
            "name_fr": "Évaluation fondée sur le dialogue national (EBDN) achevée",
            "name_es": "Evaluación basada en el diálogo nacional (EBDN) concluida",
            "definition": "The ABND exercise (inventory of the social protection system, gaps "
            "against the four guarantees, costed recommendations) was completed and validated.",
            "definition_fr": "L'exercice EBDN (inventaire du système de protection sociale, "
            "lacunes au regard des quatre garanties, recommandations chiffrées) a été achevé "
            "et validé.",
            "definition_es": "El ejercicio EBDN (inventario del sistema de protección social, "
            "brechas respecto de las cuatro garantías, recomendaciones costeadas) se concluyó "
            "y validó.",
        },
    ),
    (
        "COSTING",
        {
            **MILESTONE,
            "sdg_component": "",
            "guarantees": ALL_GUARANTEES,
            "name": "Costing done",
            "name_fr": "Chiffrage réalisé",
            "name_es": "Costeo realizado",
            "definition": "The social protection floor's benefits were costed (for example "
            "with the Rapid Assessment Protocol) and the results shared with the government.",
            "definition_fr": "Les prestations du socle de protection sociale ont été chiffrées "
            "(par exemple avec le protocole d'évaluation rapide) et les résultats partagés "
            "avec le gouvernement.",
            "definition_es": "Se costearon las prestaciones del piso de protección social (por "
            "ejemplo con el protocolo de evaluación rápida) y se compartieron los resultados "
            "con el gobierno.",
        },
    ),
)


def load_starting_indicators(indicators) -> int:
    """Create the starting indicators missing from `indicators` (a manager of Indicator, or of
    the migration's historical model); returns how many were created."""
    existing = set(indicators.values_list("code", flat=True))
    new = [
        indicators.model(code=code, position=position, **fields)
        for position, (code, fields) in enumerate(INDICATORS, start=1)
        if code not in existing
    ]
    indicators.bulk_create(new)
    return len(new)
