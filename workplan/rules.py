"""Who may see what of the workplan beyond its public board (django-rules, autodiscovered).

The board, its downloads and calendar are as public as the matrix; a person's own deadlines
need a login (the views say so). The workplan itself is edited in the admin, with Django's
model permissions.
"""

import rules

from accounts.roles import is_secretariat

# Every open and late deadline of the coalition, with who was reminded when: the
# secretariat's page for chasing members, not a member's business. The reminders app serves
# it (it shows their log) in the workplan's namespace; "My deadlines" links to it.
rules.add_perm("workplan.see_coalition_deadlines", is_secretariat)
