"""The official and working languages of each country, among the languages of the UN that
the coalition can work in (English, French and Spanish, its working languages, and Arabic,
Portuguese and Russian), so that the choice of countries can balance languages (2012
minutes: "regional and language balance").

Shipped with the app, keyed by ISO 3166-1 alpha-2, and read at query time (no column to keep
up to date). Where it comes from: the official, co-official and working languages that each
country's constitution or law gives, as listed by the CIA World Factbook ("Languages") and
Wikipedia's "List of official languages by country and territory", checked in November 2026;
a language used widely but without legal status (English in Sri Lanka, French in Lebanon or
the Maghreb) is not listed. A country absent from the table has none of these languages as
an official one.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {
    "en": _("English"),
    "fr": _("French"),
    "es": _("Spanish"),
    "ar": _("Arabic"),
    "pt": _("Portuguese"),
    "ru": _("Russian"),
}

_EN = (
    "AG AI AS AU BB BI BM BS BW BZ CA CC CK CM CW CX DM ER FJ FK FM GB GD GG GH GI GM GU GY "
    "HK IE IM IN IO JE JM KE KI KN KY LC LR LS MH MP MS MT MU MW NA NF NG NR NU NZ PG PH PK "
    "PN PR PW RW SB SC SD SG SH SL SS SX SZ TC TK TO TT TV TZ UG UM US VC VG VI VU WS ZA ZM ZW"
)
_FR = (
    "BE BF BI BJ BL CA CD CF CG CH CI CM DJ FR GA GF GN GP GQ HT JE KM LU MC MF MG ML MQ MU "
    "NC NE PF PM RE RW SC SN TD TF TG VU WF YT"
)
_ES = "AR BO CL CO CR CU DO EC EH ES GQ GT HN MX NI PA PE PR PY SV UY VE"
_AR = "AE BH DJ DZ EG EH ER IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE"
_PT = "AO BR CV GQ GW MO MZ PT ST TL"
_RU = "BY KG KZ RU TJ"

# alpha-2 -> its languages among LANGUAGE_NAMES, in the order of LANGUAGE_NAMES.
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _codes in (
    ("en", _EN),
    ("fr", _FR),
    ("es", _ES),
    ("ar", _AR),
    ("pt", _PT),
    ("ru", _RU),
):
    for _code in _codes.split():
        COUNTRY_LANGUAGES[_code] = (*COUNTRY_LANGUAGES.get(_code, ()), _language)


def languages_of(code: str) -> tuple[str, ...]:
    """The language codes of the country with ISO alpha-2 `code` (empty if none listed)."""
    return COUNTRY_LANGUAGES.get(str(code).upper(), ())


def codes_speaking(language: str) -> list[str]:
    """The alpha-2 codes of the countries where `language` is official or working."""
    return sorted(code for code, languages in COUNTRY_LANGUAGES.items() if language in languages)
