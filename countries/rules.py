"""Who may read the country assessments (django-rules, autodiscovered)."""

import rules

from accounts.roles import is_member, is_secretariat

# Country assessments rank countries, which is politically sensitive: members and the
# secretariat read them (never the public, nor logged-in partners outside the coalition);
# the secretariat records them in the admin.
rules.add_perm("countries.see_assessments", is_member | is_secretariat)
