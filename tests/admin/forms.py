"""POST data for the activity change form, with its agencies inline."""

from activities.models import Activity, ActivityAgency


def activity_post(activity: Activity, links: list[tuple], **fields) -> dict:
    """The change form as submitted: `links` are (agency, role, existing link or None)."""
    data = {
        "country": activity.country_id,
        "title": activity.title,
        "description": activity.description,
        "activity_type": activity.activity_type,
        "status": activity.status,
        "start_date": activity.start_date.isoformat() if activity.start_date else "",
        "end_date": activity.end_date.isoformat() if activity.end_date else "",
        "focal_point": "",
        "funding": "",
        # The version the form was opened on (the admin refuses an edit of an older one).
        "based_on_version": activity.version,
        "participations-TOTAL_FORMS": len(links),
        "participations-INITIAL_FORMS": sum(1 for *_, link in links if link),
        "participations-MIN_NUM_FORMS": 0,
        "participations-MAX_NUM_FORMS": 1000,
    }
    for index, (agency, role, link) in enumerate(links):
        prefix = f"participations-{index}-"
        data[prefix + "agency"] = agency.pk
        data[prefix + "role"] = role
        data[prefix + "id"] = link.pk if link else ""
        data[prefix + "activity"] = activity.pk
    data.update(fields)
    return data


def roles(activity: Activity) -> dict[str, str]:
    links = ActivityAgency.objects.filter(activity=activity).select_related("agency")
    return {link.agency.acronym: link.role for link in links}
