"""ILO region of every ISO 3166-1 country and territory (alpha-2 code -> region).

ILO's regional grouping, not the UN geoscheme: North Africa (Egypt, Libya, Morocco...) is in
Africa; the Arab States are the Gulf and Mashreq countries plus the Occupied Palestinian
Territory; Central Asia, Türkiye and Israel are in Europe and Central Asia; Iran, Afghanistan
and Pakistan are in Asia and the Pacific. Territories go to the region of their geography.
"""

from countries.models import Region

AFRICA = Region.AFRICA
AMERICAS = Region.AMERICAS
ARAB_STATES = Region.ARAB_STATES
ASIA_PACIFIC = Region.ASIA_PACIFIC
EUROPE_CENTRAL_ASIA = Region.EUROPE_CENTRAL_ASIA

ILO_REGIONS: dict[str, str] = {
    "AD": EUROPE_CENTRAL_ASIA,  # Andorra
    "AE": ARAB_STATES,  # United Arab Emirates
    "AF": ASIA_PACIFIC,  # Afghanistan
    "AG": AMERICAS,  # Antigua and Barbuda
    "AI": AMERICAS,  # Anguilla
    "AL": EUROPE_CENTRAL_ASIA,  # Albania
    "AM": EUROPE_CENTRAL_ASIA,  # Armenia
    "AO": AFRICA,  # Angola
    "AQ": AMERICAS,  # Antarctica: no ILO region; filed with the nearest inhabited land
    "AR": AMERICAS,  # Argentina
    "AS": ASIA_PACIFIC,  # American Samoa
    "AT": EUROPE_CENTRAL_ASIA,  # Austria
    "AU": ASIA_PACIFIC,  # Australia
    "AW": AMERICAS,  # Aruba
    "AX": EUROPE_CENTRAL_ASIA,  # Åland Islands
    "AZ": EUROPE_CENTRAL_ASIA,  # Azerbaijan
    "BA": EUROPE_CENTRAL_ASIA,  # Bosnia and Herzegovina
    "BB": AMERICAS,  # Barbados
    "BD": ASIA_PACIFIC,  # Bangladesh
    "BE": EUROPE_CENTRAL_ASIA,  # Belgium
    "BF": AFRICA,  # Burkina Faso
    "BG": EUROPE_CENTRAL_ASIA,  # Bulgaria
    "BH": ARAB_STATES,  # Bahrain
    "BI": AFRICA,  # Burundi
    "BJ": AFRICA,  # Benin
    "BL": AMERICAS,  # Saint Barthélemy
    "BM": AMERICAS,  # Bermuda
    "BN": ASIA_PACIFIC,  # Brunei Darussalam
    "BO": AMERICAS,  # Bolivia
    "BQ": AMERICAS,  # Bonaire, Sint Eustatius and Saba
    "BR": AMERICAS,  # Brazil
    "BS": AMERICAS,  # Bahamas
    "BT": ASIA_PACIFIC,  # Bhutan
    "BV": AFRICA,  # Bouvet Island (South Atlantic, nearest to southern Africa)
    "BW": AFRICA,  # Botswana
    "BY": EUROPE_CENTRAL_ASIA,  # Belarus
    "BZ": AMERICAS,  # Belize
    "CA": AMERICAS,  # Canada
    "CC": ASIA_PACIFIC,  # Cocos (Keeling) Islands
    "CD": AFRICA,  # Democratic Republic of the Congo
    "CF": AFRICA,  # Central African Republic
    "CG": AFRICA,  # Congo
    "CH": EUROPE_CENTRAL_ASIA,  # Switzerland
    "CI": AFRICA,  # Côte d'Ivoire
    "CK": ASIA_PACIFIC,  # Cook Islands
    "CL": AMERICAS,  # Chile
    "CM": AFRICA,  # Cameroon
    "CN": ASIA_PACIFIC,  # China
    "CO": AMERICAS,  # Colombia
    "CR": AMERICAS,  # Costa Rica
    "CU": AMERICAS,  # Cuba
    "CV": AFRICA,  # Cabo Verde
    "CW": AMERICAS,  # Curaçao
    "CX": ASIA_PACIFIC,  # Christmas Island
    "CY": EUROPE_CENTRAL_ASIA,  # Cyprus
    "CZ": EUROPE_CENTRAL_ASIA,  # Czechia
    "DE": EUROPE_CENTRAL_ASIA,  # Germany
    "DJ": AFRICA,  # Djibouti
    "DK": EUROPE_CENTRAL_ASIA,  # Denmark
    "DM": AMERICAS,  # Dominica
    "DO": AMERICAS,  # Dominican Republic
    "DZ": AFRICA,  # Algeria
    "EC": AMERICAS,  # Ecuador
    "EE": EUROPE_CENTRAL_ASIA,  # Estonia
    "EG": AFRICA,  # Egypt
    "EH": AFRICA,  # Western Sahara
    "ER": AFRICA,  # Eritrea
    "ES": EUROPE_CENTRAL_ASIA,  # Spain
    "ET": AFRICA,  # Ethiopia
    "FI": EUROPE_CENTRAL_ASIA,  # Finland
    "FJ": ASIA_PACIFIC,  # Fiji
    "FK": AMERICAS,  # Falkland Islands (Malvinas)
    "FM": ASIA_PACIFIC,  # Micronesia (Federated States of)
    "FO": EUROPE_CENTRAL_ASIA,  # Faroe Islands
    "FR": EUROPE_CENTRAL_ASIA,  # France
    "GA": AFRICA,  # Gabon
    "GB": EUROPE_CENTRAL_ASIA,  # United Kingdom
    "GD": AMERICAS,  # Grenada
    "GE": EUROPE_CENTRAL_ASIA,  # Georgia
    "GF": AMERICAS,  # French Guiana
    "GG": EUROPE_CENTRAL_ASIA,  # Guernsey
    "GH": AFRICA,  # Ghana
    "GI": EUROPE_CENTRAL_ASIA,  # Gibraltar
    "GL": AMERICAS,  # Greenland
    "GM": AFRICA,  # Gambia
    "GN": AFRICA,  # Guinea
    "GP": AMERICAS,  # Guadeloupe
    "GQ": AFRICA,  # Equatorial Guinea
    "GR": EUROPE_CENTRAL_ASIA,  # Greece
    "GS": AMERICAS,  # South Georgia and the South Sandwich Islands
    "GT": AMERICAS,  # Guatemala
    "GU": ASIA_PACIFIC,  # Guam
    "GW": AFRICA,  # Guinea-Bissau
    "GY": AMERICAS,  # Guyana
    "HK": ASIA_PACIFIC,  # Hong Kong
    "HM": ASIA_PACIFIC,  # Heard Island and McDonald Islands
    "HN": AMERICAS,  # Honduras
    "HR": EUROPE_CENTRAL_ASIA,  # Croatia
    "HT": AMERICAS,  # Haiti
    "HU": EUROPE_CENTRAL_ASIA,  # Hungary
    "ID": ASIA_PACIFIC,  # Indonesia
    "IE": EUROPE_CENTRAL_ASIA,  # Ireland
    "IL": EUROPE_CENTRAL_ASIA,  # Israel
    "IM": EUROPE_CENTRAL_ASIA,  # Isle of Man
    "IN": ASIA_PACIFIC,  # India
    "IO": ASIA_PACIFIC,  # British Indian Ocean Territory (Chagos, south of the Maldives)
    "IQ": ARAB_STATES,  # Iraq
    "IR": ASIA_PACIFIC,  # Iran
    "IS": EUROPE_CENTRAL_ASIA,  # Iceland
    "IT": EUROPE_CENTRAL_ASIA,  # Italy
    "JE": EUROPE_CENTRAL_ASIA,  # Jersey
    "JM": AMERICAS,  # Jamaica
    "JO": ARAB_STATES,  # Jordan
    "JP": ASIA_PACIFIC,  # Japan
    "KE": AFRICA,  # Kenya
    "KG": EUROPE_CENTRAL_ASIA,  # Kyrgyzstan
    "KH": ASIA_PACIFIC,  # Cambodia
    "KI": ASIA_PACIFIC,  # Kiribati
    "KM": AFRICA,  # Comoros
    "KN": AMERICAS,  # Saint Kitts and Nevis
    "KP": ASIA_PACIFIC,  # Democratic People's Republic of Korea
    "KR": ASIA_PACIFIC,  # Republic of Korea
    "KW": ARAB_STATES,  # Kuwait
    "KY": AMERICAS,  # Cayman Islands
    "KZ": EUROPE_CENTRAL_ASIA,  # Kazakhstan
    "LA": ASIA_PACIFIC,  # Lao People's Democratic Republic
    "LB": ARAB_STATES,  # Lebanon
    "LC": AMERICAS,  # Saint Lucia
    "LI": EUROPE_CENTRAL_ASIA,  # Liechtenstein
    "LK": ASIA_PACIFIC,  # Sri Lanka
    "LR": AFRICA,  # Liberia
    "LS": AFRICA,  # Lesotho
    "LT": EUROPE_CENTRAL_ASIA,  # Lithuania
    "LU": EUROPE_CENTRAL_ASIA,  # Luxembourg
    "LV": EUROPE_CENTRAL_ASIA,  # Latvia
    "LY": AFRICA,  # Libya
    "MA": AFRICA,  # Morocco
    "MC": EUROPE_CENTRAL_ASIA,  # Monaco
    "MD": EUROPE_CENTRAL_ASIA,  # Republic of Moldova
    "ME": EUROPE_CENTRAL_ASIA,  # Montenegro
    "MF": AMERICAS,  # Saint Martin (French part)
    "MG": AFRICA,  # Madagascar
    "MH": ASIA_PACIFIC,  # Marshall Islands
    "MK": EUROPE_CENTRAL_ASIA,  # North Macedonia
    "ML": AFRICA,  # Mali
    "MM": ASIA_PACIFIC,  # Myanmar
    "MN": ASIA_PACIFIC,  # Mongolia
    "MO": ASIA_PACIFIC,  # Macao
    "MP": ASIA_PACIFIC,  # Northern Mariana Islands
    "MQ": AMERICAS,  # Martinique
    "MR": AFRICA,  # Mauritania
    "MS": AMERICAS,  # Montserrat
    "MT": EUROPE_CENTRAL_ASIA,  # Malta
    "MU": AFRICA,  # Mauritius
    "MV": ASIA_PACIFIC,  # Maldives
    "MW": AFRICA,  # Malawi
    "MX": AMERICAS,  # Mexico
    "MY": ASIA_PACIFIC,  # Malaysia
    "MZ": AFRICA,  # Mozambique
    "NA": AFRICA,  # Namibia
    "NC": ASIA_PACIFIC,  # New Caledonia
    "NE": AFRICA,  # Niger
    "NF": ASIA_PACIFIC,  # Norfolk Island
    "NG": AFRICA,  # Nigeria
    "NI": AMERICAS,  # Nicaragua
    "NL": EUROPE_CENTRAL_ASIA,  # Netherlands
    "NO": EUROPE_CENTRAL_ASIA,  # Norway
    "NP": ASIA_PACIFIC,  # Nepal
    "NR": ASIA_PACIFIC,  # Nauru
    "NU": ASIA_PACIFIC,  # Niue
    "NZ": ASIA_PACIFIC,  # New Zealand
    "OM": ARAB_STATES,  # Oman
    "PA": AMERICAS,  # Panama
    "PE": AMERICAS,  # Peru
    "PF": ASIA_PACIFIC,  # French Polynesia
    "PG": ASIA_PACIFIC,  # Papua New Guinea
    "PH": ASIA_PACIFIC,  # Philippines
    "PK": ASIA_PACIFIC,  # Pakistan
    "PL": EUROPE_CENTRAL_ASIA,  # Poland
    "PM": AMERICAS,  # Saint Pierre and Miquelon
    "PN": ASIA_PACIFIC,  # Pitcairn
    "PR": AMERICAS,  # Puerto Rico
    "PS": ARAB_STATES,  # Occupied Palestinian Territory
    "PT": EUROPE_CENTRAL_ASIA,  # Portugal
    "PW": ASIA_PACIFIC,  # Palau
    "PY": AMERICAS,  # Paraguay
    "QA": ARAB_STATES,  # Qatar
    "RE": AFRICA,  # Réunion
    "RO": EUROPE_CENTRAL_ASIA,  # Romania
    "RS": EUROPE_CENTRAL_ASIA,  # Serbia
    "RU": EUROPE_CENTRAL_ASIA,  # Russian Federation
    "RW": AFRICA,  # Rwanda
    "SA": ARAB_STATES,  # Saudi Arabia
    "SB": ASIA_PACIFIC,  # Solomon Islands
    "SC": AFRICA,  # Seychelles
    "SD": AFRICA,  # Sudan
    "SE": EUROPE_CENTRAL_ASIA,  # Sweden
    "SG": ASIA_PACIFIC,  # Singapore
    "SH": AFRICA,  # Saint Helena, Ascension and Tristan da Cunha
    "SI": EUROPE_CENTRAL_ASIA,  # Slovenia
    "SJ": EUROPE_CENTRAL_ASIA,  # Svalbard and Jan Mayen
    "SK": EUROPE_CENTRAL_ASIA,  # Slovakia
    "SL": AFRICA,  # Sierra Leone
    "SM": EUROPE_CENTRAL_ASIA,  # San Marino
    "SN": AFRICA,  # Senegal
    "SO": AFRICA,  # Somalia
    "SR": AMERICAS,  # Suriname
    "SS": AFRICA,  # South Sudan
    "ST": AFRICA,  # Sao Tome and Principe
    "SV": AMERICAS,  # El Salvador
    "SX": AMERICAS,  # Sint Maarten (Dutch part)
    "SY": ARAB_STATES,  # Syrian Arab Republic
    "SZ": AFRICA,  # Eswatini
    "TC": AMERICAS,  # Turks and Caicos Islands
    "TD": AFRICA,  # Chad
    "TF": AFRICA,  # French Southern Territories (southern Indian Ocean)
    "TG": AFRICA,  # Togo
    "TH": ASIA_PACIFIC,  # Thailand
    "TJ": EUROPE_CENTRAL_ASIA,  # Tajikistan
    "TK": ASIA_PACIFIC,  # Tokelau
    "TL": ASIA_PACIFIC,  # Timor-Leste
    "TM": EUROPE_CENTRAL_ASIA,  # Turkmenistan
    "TN": AFRICA,  # Tunisia
    "TO": ASIA_PACIFIC,  # Tonga
    "TR": EUROPE_CENTRAL_ASIA,  # Türkiye
    "TT": AMERICAS,  # Trinidad and Tobago
    "TV": ASIA_PACIFIC,  # Tuvalu
    "TW": ASIA_PACIFIC,  # Taiwan
    "TZ": AFRICA,  # United Republic of Tanzania
    "UA": EUROPE_CENTRAL_ASIA,  # Ukraine
    "UG": AFRICA,  # Uganda
    "UM": ASIA_PACIFIC,  # United States Minor Outlying Islands (mostly in the Pacific)
    "US": AMERICAS,  # United States of America
    "UY": AMERICAS,  # Uruguay
    "UZ": EUROPE_CENTRAL_ASIA,  # Uzbekistan
    "VA": EUROPE_CENTRAL_ASIA,  # Holy See
    "VC": AMERICAS,  # Saint Vincent and the Grenadines
    "VE": AMERICAS,  # Venezuela
    "VG": AMERICAS,  # Virgin Islands (British)
    "VI": AMERICAS,  # Virgin Islands (U.S.)
    "VN": ASIA_PACIFIC,  # Viet Nam
    "VU": ASIA_PACIFIC,  # Vanuatu
    "WF": ASIA_PACIFIC,  # Wallis and Futuna
    "WS": ASIA_PACIFIC,  # Samoa
    "YE": ARAB_STATES,  # Yemen
    "YT": AFRICA,  # Mayotte
    "ZA": AFRICA,  # South Africa
    "ZM": AFRICA,  # Zambia
    "ZW": AFRICA,  # Zimbabwe
}
