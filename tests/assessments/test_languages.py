"""The official and working languages of countries, shipped with the app."""

from countries.languages import COUNTRY_LANGUAGES, codes_speaking, languages_of


def test_it_lists_several_languages_of_a_multilingual_country():
    assert languages_of("CM") == ("en", "fr")
    assert languages_of("cm") == ("en", "fr")


def test_it_lists_no_language_for_a_country_without_one_of_them():
    assert languages_of("VN") == ()


def test_it_finds_the_countries_speaking_a_language():
    assert {"AR", "ES", "MX"} <= set(codes_speaking("es"))
    assert "FR" not in codes_speaking("es")


def test_it_keys_every_entry_by_a_real_iso_code():
    from django_countries import countries

    assert all(code in dict(countries) for code in COUNTRY_LANGUAGES)
