"""The French and Spanish text of the selection criteria of the 2012 minutes, by their
English title (any case): given to the criteria already there by a migration
(countries/migrations/0005) and to the demo's by the demo loader. The secretariat edits them
in the admin afterwards.
"""

# English title -> (title_fr, description_fr, title_es, description_es)
CRITERIA_TEXT: dict[str, tuple[str, str, str, str]] = {
    "A country request exists": (
        "Le pays a formulé une demande",
        "Le pays a demandé des conseils ou une assistance technique pour élaborer des "
        "politiques de socle de protection sociale : la demande existe.",
        "Existe una solicitud del país",
        "El país ha pedido asesoramiento o asistencia técnica para elaborar políticas de "
        "piso de protección social: hay demanda.",
    ),
    "Social protection is a priority of the national development framework": (
        "La protection sociale est une priorité du cadre national de développement",
        "L'extension de la protection sociale, ou d'éléments du socle, est une priorité du "
        "cadre national de développement, des DSRP et/ou des PNUAD, ou est prévue.",
        "La protección social es una prioridad del marco nacional de desarrollo",
        "La extensión de la protección social, o de elementos del piso, es una prioridad del "
        "marco nacional de desarrollo, de los DELP y/o de los MANUD, o está prevista.",
    ),
    "Willingness to work out fiscal space": (
        "Volonté de dégager un espace budgétaire",
        "Le gouvernement est prêt à dégager un espace budgétaire et/ou à mobiliser des "
        "financements (le compte rendu note que cette volonté est difficile à évaluer).",
        "Voluntad de generar espacio fiscal",
        "El gobierno está dispuesto a generar espacio fiscal y/o movilizar financiación "
        "(el acta señala que esa voluntad es difícil de evaluar).",
    ),
    "Favourable legal environment": (
        "Cadre juridique favorable",
        "Des garanties constitutionnelles ou des lois qui soutiennent le socle.",
        "Marco jurídico favorable",
        "Garantías constitucionales o leyes que respaldan el piso.",
    ),
    "A UNDAF or One-UN process": (
        "Un processus PNUAD ou « Unis dans l'action »",
        "Un processus PNUAD ou « Unis dans l'action » est en cours, auquel le socle peut "
        "être rattaché (GNUD).",
        "Un proceso MANUD o «Unidos en la acción»",
        "Hay en curso un proceso MANUD o «Unidos en la acción» al que puede vincularse el "
        "piso (GNUD).",
    ),
    "National ownership at a high level": (
        "Appropriation nationale au plus haut niveau",
        "",
        "Apropiación nacional al más alto nivel",
        "",
    ),
    "Organised civil society platform": (
        "Plateforme organisée de la société civile",
        "",
        "Plataforma organizada de la sociedad civil",
        "",
    ),
    "Sensitivity to social protection issues": (
        "Sensibilité aux questions de protection sociale",
        "Notamment là où les inégalités deviennent un problème.",
        "Sensibilidad a las cuestiones de protección social",
        "En particular donde la desigualdad se está convirtiendo en un problema.",
    ),
    "At least 2 member agencies active and willing to lead": (
        "Au moins 2 agences membres actives et prêtes à diriger",
        "Au moins deux agences des Nations Unies membres de l'Initiative pour un socle de "
        "protection sociale sont actives dans le pays et prêtes à diriger ou codiriger.",
        "Al menos 2 agencias miembros activas y dispuestas a liderar",
        "Al menos dos agencias de las Naciones Unidas miembros de la Iniciativa del Piso de "
        "Protección Social están activas en el país y dispuestas a liderar o codirigir.",
    ),
    "SPF elements already in place": (
        "Éléments du socle déjà en place",
        "Des éléments réussis d'un socle de protection sociale sont déjà en place.",
        "Elementos del piso ya existentes",
        "Ya existen elementos exitosos de un piso de protección social.",
    ),
    "Regional and language balance": (
        "Équilibre régional et linguistique",
        "Les pays choisis équilibrent régions, langues et types de systèmes ; les pays "
        "pilotes et ceux qui ont déjà commencé sont repérés et choisis parmi eux.",
        "Equilibrio regional y lingüístico",
        "Los países seleccionados equilibran regiones, idiomas y tipos de sistema; se "
        "identifican los países piloto y los que ya han empezado, y se elige entre ellos.",
    ),
}


def give_translations(criteria) -> None:
    """Fill the French and Spanish text of the criteria (a queryset of SelectionCriterion,
    the historical model in a migration) whose English title is known and that have none."""
    by_title = {title.casefold(): text for title, text in CRITERIA_TEXT.items()}
    for criterion in criteria:
        text = by_title.get(criterion.title.strip().casefold())
        if text is None or criterion.title_fr or criterion.title_es:
            continue
        (
            criterion.title_fr,
            criterion.description_fr,
            criterion.title_es,
            criterion.description_es,
        ) = text
        criterion.save(update_fields=["title_fr", "description_fr", "title_es", "description_es"])
