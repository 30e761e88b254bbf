"""Other spellings of country names, as people write them in the coalition's spreadsheets:
the one table of them, read by every matcher (Country.objects.name_index) and copied into
the demo's countries (where the secretariat adds its own, in the admin).

Both the ILO/UN spelling and the common one are listed, whichever django-countries shows, so
that matching keeps working when the library changes its preferred name. No commas: the
variants field also treats commas as separators ("Korea (Republic of)" matches "Korea,
Republic of": punctuation does not count). A variant must never name two countries.
"""

NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "BN": ("Brunei Darussalam", "Brunei"),
    "BO": ("Bolivia", "Plurinational State of Bolivia", "Bolivia (Plurinational State of)"),
    "BS": ("Bahamas", "The Bahamas"),
    "CD": (
        "DR Congo",
        "DRC",
        "Democratic Republic of the Congo",
        "Congo-Kinshasa",
        "RDC",
        "Congo DR",
        "Congo Democratic Republic",
    ),
    "CG": ("Congo", "Republic of the Congo", "Congo-Brazzaville"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"),
    "CV": ("Cabo Verde", "Cape Verde"),
    "CZ": ("Czechia", "Czech Republic"),
    "FM": ("Micronesia", "Federated States of Micronesia", "Micronesia (Federated States of)"),
    "GB": ("United Kingdom", "UK", "Great Britain"),
    "GM": ("Gambia", "The Gambia"),
    "HK": ("Hong Kong", "Hong Kong SAR"),
    "IR": ("Iran", "Islamic Republic of Iran", "Iran (Islamic Republic of)"),
    "KP": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "KR": ("South Korea", "Republic of Korea", "Korea (Republic of)"),
    "LA": ("Lao PDR", "Laos", "Lao People's Democratic Republic", "Lao"),
    "MD": ("Moldova", "Republic of Moldova"),
    "MK": ("North Macedonia", "Macedonia", "The former Yugoslav Republic of Macedonia"),
    "MM": ("Myanmar", "Burma"),
    "MO": ("Macao", "Macau", "Macao SAR"),
    "NR": ("Nauru",),
    "PS": ("Occupied Palestinian Territory", "Palestine", "OPT", "State of Palestine"),
    "RU": ("Russia", "Russian Federation"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "SZ": ("Eswatini", "eSwatini", "Swaziland"),
    "TL": ("Timor-Leste", "East Timor"),
    "TR": ("Türkiye", "Turkiye", "Turkey"),
    "TZ": ("Tanzania", "United Republic of Tanzania"),
    "US": ("United States", "USA", "United States of America"),
    "VA": ("Holy See", "Vatican"),
    "VE": ("Venezuela", "Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"),
    "VN": ("Viet Nam", "Vietnam"),
}

# Names people write for more than one country: an import refuses them and lists the
# candidates, never picks one ("Congo" is also the Democratic Republic's name in many files,
# "Guinea" stands for Guinea-Bissau or Equatorial Guinea as well). The forms, whose lists
# name each country in full, read "Congo" and "Guinea" as the countries of that name.
AMBIGUOUS_NAMES: dict[str, tuple[str, ...]] = {
    "Congo": ("CG", "CD"),
    "Korea": ("KR", "KP"),
    "Guinea": ("GN", "GW", "GQ", "PG"),
    "Virgin Islands": ("VG", "VI"),
}
