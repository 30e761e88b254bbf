"""Other spellings of the coalition's usual agencies, above all their acronyms in French and
Spanish (the ILO is the OIT and the BIT, the IMF the FMI): the one table of them, read by
the matcher of typed and imported names (Agency.objects.name_index), the matrix's search
and the agency pickers, beside each agency's own variants kept in the admin.

Keyed by the acronym the hub uses; an agency with another acronym is not concerned. A
variant must never name two agencies.
"""

AGENCY_VARIANTS: dict[str, tuple[str, ...]] = {
    "ILO": ("OIT", "BIT", "International Labour Office", "International Labour Organization"),
    "UNICEF": (
        "Fonds des Nations Unies pour l'enfance",
        "Fondo de las Naciones Unidas para la Infancia",
    ),
    "UNDP": ("PNUD",),
    "WHO": ("OMS", "World Health Organisation"),
    "IMF": ("FMI",),
    "World Bank": ("Banque mondiale", "Banco Mundial", "World Bank Group", "WB"),
    "WFP": ("PAM", "World Food Program"),
    "UNFPA": ("FNUAP",),
    "UN Women": ("UNWomen", "UN-Women", "ONU Femmes", "ONU Mujeres"),
    "UN-Habitat": ("UNHabitat", "UN Habitat", "ONU-Habitat"),
    "FAO": ("Food and Agriculture Organization",),
    "UNHCR": ("HCR", "ACNUR"),
    "OHCHR": ("HCDH", "ACNUDH"),
    "OECD": ("OCDE",),
    "ISSA": ("AISS",),
    "ITUC": ("CSI",),
    "IOE": ("OIE",),
    "AfDB": ("BAD", "BAfD"),
    "IDB": ("BID",),
    "ADB": ("BAsD",),
    "UNESCAP": ("ESCAP", "CESAP"),
    "UNECA": ("ECA", "CEA"),
    # ECLAC's CEPAL is left to each file's value mapping (a member maps it in
    # tests/browser/test_spanish_partner_file_on_a_phone.py).
}


def known_variants(acronym: str) -> tuple[str, ...]:
    """The table's spellings of the agency with this acronym (any case)."""
    return _BY_KEY.get(acronym.casefold(), ())


_BY_KEY = {acronym.casefold(): variants for acronym, variants in AGENCY_VARIANTS.items()}
