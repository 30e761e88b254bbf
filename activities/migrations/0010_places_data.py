"""Every activity so far was in one country: each gets that country as the one row of its
coverage, with a history record dated when the activity was created (so that the matrix as
it was on any past day shows its countries), and the ten themes of the 2021 partners'
meeting are loaded in English, French and Spanish."""

from django.db import migrations

THEMES = [
    (
        "climate-just-transition",
        "Climate change and just transition",
        "Changement climatique et transition juste",
        "Cambio climático y transición justa",
    ),
    (
        "disability-inclusion",
        "Disability inclusion",
        "Inclusion des personnes handicapées",
        "Inclusión de las personas con discapacidad",
    ),
    (
        "migrants-displaced",
        "Migrants and forcibly displaced people",
        "Migrants et personnes déplacées de force",
        "Migrantes y personas desplazadas por la fuerza",
    ),
    ("informal-economy", "Informal economy", "Économie informelle", "Economía informal"),
    (
        "universal-health-coverage",
        "Universal health coverage",
        "Couverture sanitaire universelle",
        "Cobertura sanitaria universal",
    ),
    (
        "digital-delivery",
        "Digital delivery and registries",
        "Prestation numérique et registres",
        "Prestación digital y registros",
    ),
    ("gender", "Gender", "Genre", "Género"),
    ("care", "Care", "Soins et accompagnement", "Cuidados"),
    (
        "shock-responsive",
        "Shock-responsive social protection",
        "Protection sociale réactive aux chocs",
        "Protección social reactiva ante crisis",
    ),
    ("financing", "Financing", "Financement", "Financiamiento"),
]


def load_themes(apps, schema_editor):
    Theme = apps.get_model("activities", "Theme")
    for position, (code, name, name_fr, name_es) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_fr": name_fr, "name_es": name_es, "position": position},
        )


def one_country_each(apps, schema_editor):
    Activity = apps.get_model("activities", "Activity")
    ActivityCountry = apps.get_model("activities", "ActivityCountry")
    Past = apps.get_model("activities", "HistoricalActivityCountry")
    rows = (
        Activity.objects.filter(country__isnull=False)
        .exclude(coverage__isnull=False)
        .values_list("pk", "country_id", "created_at")
    )
    batch = []
    for activity_id, country_id, created_at in rows.iterator(chunk_size=5000):
        batch.append((activity_id, country_id, created_at))
        if len(batch) == 5000:
            write(ActivityCountry, Past, batch)
            batch = []
    write(ActivityCountry, Past, batch)


def write(ActivityCountry, Past, batch):
    links = ActivityCountry.objects.bulk_create(
        [ActivityCountry(activity_id=a, country_id=c) for a, c, _when in batch]
    )
    Past.objects.bulk_create(
        [
            Past(
                id=link.pk,
                activity_id=link.activity_id,
                country_id=link.country_id,
                history_date=when,
                history_type="+",
                history_change_reason="One country, as every activity before scopes",
            )
            for link, (_a, _c, when) in zip(links, batch, strict=True)
        ]
    )


def no_coverage(apps, schema_editor):
    apps.get_model("activities", "HistoricalActivityCountry").objects.all().delete()
    apps.get_model("activities", "ActivityCountry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0009_places")]

    operations = [
        migrations.RunPython(load_themes, migrations.RunPython.noop),
        migrations.RunPython(one_country_each, no_coverage),
    ]
