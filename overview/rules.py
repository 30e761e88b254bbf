"""Who sees the overview's pages (django-rules, loaded by rules' autodiscovery).

The front page, the map and the country brief are as public as the matrix. The dashboard
is for coalition members and the secretariat: it shows the current update round and the
workplan's late deliverables, the coalition's internal business.
"""

import rules

# Issue 9 moves these predicates; the import follows them at merge.
from accounts.roles import is_member, is_secretariat

rules.add_perm("overview.see_dashboard", is_member | is_secretariat)
