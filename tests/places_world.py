"""A small matrix beyond one country, for the tests of what the data leaves and enters by
(downloads, HXL, import, IATI, API): one activity of each scope, with places and themes,
written through the matrix's own rules (activities.places)."""

from types import SimpleNamespace

from activities.models import Activity, Role, Scope, Theme
from activities.places import set_places, set_themes
from countries.models import Region, Subdivision
from tests.factories import make_activity, make_agency, make_country


def theme(code: str) -> Theme:
    return Theme.objects.get(code=code)


def place(code: str) -> Subdivision:
    return Subdivision.objects.get(code=code)


def placed(
    country,
    agencies,
    *,
    scope=Scope.COUNTRY,
    region="",
    main=None,
    countries=(),
    places=(),
    themes=(),
    **fields,
) -> Activity:
    activity = make_activity(country, agencies, **fields)
    if scope != Scope.COUNTRY or places:
        set_places(
            activity,
            scope=scope,
            region=region,
            main=country if scope == Scope.COUNTRY else main,
            countries=list(countries),
            subdivisions=[place(code) for code in places],
        )
    if themes:
        set_themes(activity, [theme(code) for code in themes])
    return Activity.objects.get(pk=activity.pk)


def places_world() -> SimpleNamespace:
    """Senegal, Mali, Ghana (Africa), Viet Nam; ILO and UNICEF; five activities:
    `dakar` (Senegal, in Dakar and Thiès; gender and care), `exchange` (Senegal and Mali,
    Senegal the main one, in Dakar and Bamako; financing), `west_africa` (regional, Africa,
    listing Senegal and Ghana), `africa` (regional, the whole region; no agency) and
    `everywhere` (global; universal health coverage)."""
    sn, ml = make_country("SN", Region.AFRICA), make_country("ML", Region.AFRICA)
    gh, vn = make_country("GH", Region.AFRICA), make_country("VN", Region.ASIA_PACIFIC)
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    lead = {ilo: Role.LEAD}
    return SimpleNamespace(
        sn=sn,
        ml=ml,
        gh=gh,
        vn=vn,
        ilo=ilo,
        unicef=unicef,
        dakar=placed(
            sn, lead, title="Dakar pilot", places=("SN-DK", "SN-TH"), themes=("gender", "care")
        ),
        exchange=placed(
            sn,
            {ilo: Role.LEAD, unicef: Role.PARTNER},
            title="Senegal-Mali exchange",
            scope=Scope.MULTI_COUNTRY,
            main=sn,
            countries=(sn, ml),
            places=("SN-DK", "ML-BKO"),
            themes=("financing",),
        ),
        west_africa=placed(
            sn,
            {unicef: Role.LEAD},
            title="West Africa event",
            scope=Scope.REGIONAL,
            region=Region.AFRICA,
            countries=(sn, gh),
        ),
        africa=placed(sn, {}, title="Africa forum", scope=Scope.REGIONAL, region=Region.AFRICA),
        everywhere=placed(
            sn,
            lead,
            title="Global guide",
            scope=Scope.GLOBAL,
            themes=("universal-health-coverage",),
        ),
    )
