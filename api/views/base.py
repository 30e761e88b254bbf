from typing import Any

from rest_framework.viewsets import ReadOnlyModelViewSet

from api.permissions import may_see_contacts


class HubViewSet(ReadOnlyModelViewSet):
    """Read-only lists and details; the serializers learn once per request whether the
    reader may see contact fields."""

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if "show_contacts" not in self.__dict__:
            self.show_contacts = may_see_contacts(self.request)
        context["show_contacts"] = self.show_contacts
        return context
