"""Coalition members and partners named in the seed documents.

Members (is_member True) are the organisations of the 2012 SPF Initiative coalition: UN
agencies, the IFIs, the NGOs and networks and the two ministries writing the funding strategy.
Partners are the donors, funds, social partners, academia and national governments that appear
around the Flagship Programme (2016 onwards). Websites are the organisations' public home pages.
"""

from agencies.models import AgencyKind

UN = AgencyKind.UN_AGENCY
IFI = AgencyKind.IFI
GOV = AgencyKind.GOVERNMENT
NGO = AgencyKind.NGO
DONOR = AgencyKind.DONOR
ACADEMIA = AgencyKind.ACADEMIA
SOCIAL = AgencyKind.SOCIAL_PARTNER
MEMBER, PARTNER = True, False

# (acronym, full name, kind, coalition member?)
AGENCIES: tuple[tuple[str, str, str, bool], ...] = (
    ("ILO", "International Labour Organization", UN, MEMBER),
    ("UNICEF", "United Nations Children's Fund", UN, MEMBER),
    ("UNDP", "United Nations Development Programme", UN, MEMBER),
    ("WHO", "World Health Organization", UN, MEMBER),
    ("UN-Habitat", "United Nations Human Settlements Programme", UN, MEMBER),
    ("UNFPA", "United Nations Population Fund", UN, MEMBER),
    ("UN Women", "UN Entity for Gender Equality and the Empowerment of Women", UN, MEMBER),
    ("WFP", "World Food Programme", UN, MEMBER),
    ("World Bank", "World Bank", IFI, MEMBER),
    ("IMF", "International Monetary Fund", IFI, MEMBER),
    ("HelpAge", "HelpAge International", NGO, MEMBER),
    ("ESN", "European Social Network", NGO, MEMBER),
    ("FES", "Friedrich-Ebert-Stiftung", NGO, MEMBER),
    ("NGO CSocD", "NGO Committee for Social Development", NGO, MEMBER),
    ("GIP SPSI", "GIP Santé Protection Sociale International", GOV, MEMBER),
    ("MFA Finland", "Ministry for Foreign Affairs of Finland", GOV, MEMBER),
    ("France MoL", "Ministry for Labour, Employment and Public Health, France", GOV, MEMBER),
    ("UN MPTF", "UN Multi-Partner Trust Fund Office", DONOR, PARTNER),
    ("AFD", "Agence Française de Développement", DONOR, PARTNER),
    ("KBF", "King Baudouin Foundation", DONOR, PARTNER),
    ("EU", "European Union", DONOR, PARTNER),
    ("Luxembourg", "Government of Luxembourg", DONOR, PARTNER),
    ("Irish Aid", "Irish Aid, Department of Foreign Affairs of Ireland", DONOR, PARTNER),
    ("Portugal", "Government of Portugal", DONOR, PARTNER),
    ("China", "Government of the People's Republic of China", DONOR, PARTNER),
    ("UNOSSC", "United Nations Office for South-South Cooperation", UN, PARTNER),
    ("ITUC", "International Trade Union Confederation", SOCIAL, PARTNER),
    ("IOE", "International Organisation of Employers", SOCIAL, PARTNER),
    ("IUC Turin", "International University College of Turin", ACADEMIA, PARTNER),
    ("Gov Mozambique", "Government of Mozambique", GOV, PARTNER),
    ("Gov Cabo Verde", "Government of Cabo Verde", GOV, PARTNER),
    ("Gov Colombia", "Government of Colombia", GOV, PARTNER),
    ("Gov Zambia", "Government of Zambia", GOV, PARTNER),
    ("Palestinian Authority", "Palestinian Authority (OPT)", GOV, PARTNER),
)

# Spellings met in minutes and spreadsheets (no commas: they separate variants).
AGENCY_VARIANTS: dict[str, tuple[str, ...]] = {
    "ILO": ("International Labour Office", "OIT", "BIT"),
    "UNICEF": ("UN Children's Fund",),
    "UNDP": ("PNUD",),
    "WHO": ("OMS", "World Health Organisation"),
    "UN-Habitat": ("UNHabitat", "UN Habitat"),
    "UNFPA": ("UN Population Fund",),
    "UN Women": ("UNWomen", "UN-Women"),
    "WFP": ("World Food Program", "PAM"),
    "World Bank": ("WB", "IBRD", "World Bank Group"),
    "IMF": ("FMI",),
    "HelpAge": ("Helpage", "Help Age International"),
    "FES": ("Friedrich Ebert Foundation",),
    "NGO CSocD": ("NGO Committee on Social Development",),
    "GIP SPSI": ("GIP-SPSI",),
    "MFA Finland": ("Finland MFA", "Ministry for Foreign Affairs Finland"),
    "France MoL": ("Ministry for Labor Employment and Public Health", "French Ministry of Labour"),
    "UN MPTF": ("MPTF Office", "MPTFO", "Multi-Partner Trust Fund Office"),
    "AFD": ("French Development Agency",),
    "KBF": ("Fondation Roi Baudouin", "Koning Boudewijnstichting"),
    "Luxembourg": ("Luxembourg Government",),
    "China": ("People's Republic of China", "PRC"),
    "UNOSSC": ("UN Office for South-South Cooperation", "Special Unit for South-South Cooperation"),
    "ITUC": ("CSI",),
    "IOE": ("OIE",),
    "Gov Cabo Verde": ("Gov Cape Verde", "Government of Cape Verde"),
    "Palestinian Authority": ("Gov OPT",),
}

WEBSITES: dict[str, str] = {
    "ILO": "https://www.ilo.org",
    "UNICEF": "https://www.unicef.org",
    "UNDP": "https://www.undp.org",
    "WHO": "https://www.who.int",
    "UN-Habitat": "https://unhabitat.org",
    "UNFPA": "https://www.unfpa.org",
    "UN Women": "https://www.unwomen.org",
    "WFP": "https://www.wfp.org",
    "World Bank": "https://www.worldbank.org",
    "IMF": "https://www.imf.org",
    "HelpAge": "https://www.helpage.org",
    "ESN": "https://www.esn-eu.org",
    "FES": "https://www.fes.de",
    "UN MPTF": "https://mptf.undp.org",
    "AFD": "https://www.afd.fr",
    "KBF": "https://kbs-frb.be",
    "UNOSSC": "https://unsouthsouth.org",
    "ITUC": "https://www.ituc-csi.org",
    "IOE": "https://www.ioe-emp.org",
}
