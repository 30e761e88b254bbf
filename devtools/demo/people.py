"""Focal points: the people the seed documents name, and what they do for the coalition.

Names, agencies and levels come from the seeds (the 2012 minutes and workplan, the Flagship
Programme's first development partners meeting). Positions are given only where a seed gives
them. CONTACT DETAILS ARE PLACEHOLDERS: the loader makes up name-based addresses at
example.org and +41 22 000 xxxx numbers, which reach nobody.

Where a seed does not say who someone works for, the choice is a plausible one:
- Isabel Ortiz speaks for UNICEF in the 2012 minutes and for the ILO at the Flagship meeting;
  she is listed once, with the ILO.
- Frank Hoffer and Adam Greene spoke for workers and employers: listed with ITUC and IOE.
- Wouter Van Ginneken spoke for civil society organisations: listed with the NGO Committee for
  Social Development, the civil society member of the 2012 coalition.
- Country people (Mozambique, Cabo Verde, Colombia, OPT, Zambia) are listed with their
  national government.
"""

from agencies.models import FocalLevel
from countries.models import Region

GLOBAL = FocalLevel.GLOBAL
REGIONAL = FocalLevel.REGIONAL
COUNTRY = FocalLevel.COUNTRY

# Positions as the Flagship meeting report gives them.
ILO_DDG_FIELD = "Deputy Director-General for Field Operations & Partnerships"

# (agency acronym, name, level, country code or region for that level, position)
FOCAL_POINTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("ILO", "Michael Cichon", GLOBAL, "", ""),
    ("ILO", "Griet Cattaert", GLOBAL, "", "SPF-I secretariat: collates the country matrix"),
    ("ILO", "Valérie Schmitt", GLOBAL, "", "Global Flagship Programme on SPFs for All"),
    ("ILO", "Isabel Ortiz", GLOBAL, "", ""),
    ("ILO", "Gilbert Houngbo", GLOBAL, "", ILO_DDG_FIELD),
    ("ILO", "Juan Hunt Ortiz", GLOBAL, "", "Deputy Director, PARDEV"),
    ("ILO", "Anita Amorim", GLOBAL, "", "Head, Emerging and Special Partnerships Unit, PARDEV"),
    ("UNICEF", "Richard Morgan", GLOBAL, "", ""),
    ("UNICEF", "Joanne Bosworth", REGIONAL, Region.ASIA_PACIFIC, ""),
    ("WHO", "Peter Mertens", GLOBAL, "", ""),
    ("WHO", "Claude Meyer", GLOBAL, "", ""),
    ("UN-Habitat", "Yamina Djacta", GLOBAL, "", ""),
    ("FES", "Sara Burke", GLOBAL, "", ""),
    ("UNFPA", "Azza Karam", GLOBAL, "", ""),
    ("ESN", "Thierry Weishaupt", GLOBAL, "", ""),
    ("MFA Finland", "Timo Voipio", GLOBAL, "", ""),
    ("France MoL", "Marie Christine Coënt", GLOBAL, "", ""),
    ("UN MPTF", "Jennifer Topping", GLOBAL, "", ""),
    ("AFD", "Nadine Poupart", GLOBAL, "", ""),
    ("KBF", "Ludwig Forrest", GLOBAL, "", ""),
    ("Luxembourg", "Jean-Marc Hoscheit", GLOBAL, "", ""),
    ("NGO CSocD", "Wouter Van Ginneken", GLOBAL, "", ""),
    ("ITUC", "Frank Hoffer", GLOBAL, "", ""),
    ("IOE", "Adam Greene", GLOBAL, "", ""),
    ("IUC Turin", "Ulrich Stege", GLOBAL, "", ""),
    ("Gov Mozambique", "Graciano Langa", COUNTRY, "MZ", ""),
    ("Gov Cabo Verde", "José Augusto Fernandes", COUNTRY, "CV", ""),
    ("Gov Colombia", "Francisco Javier Meijía", COUNTRY, "CO", ""),
    ("Palestinian Authority", "Ibrahim El-Shaer", COUNTRY, "PS", ""),
    ("Gov Zambia", "Emerine Kabanshi", COUNTRY, "ZM", ""),
)
