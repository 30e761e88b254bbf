"""Who sees funding amounts (django-rules, autodiscovered).

Who funds what, through which channel, for which countries and period is public, as the
Flagship Programme reports it. The amounts (and their totals) are for coalition members and
the secretariat: pledges are negotiated and not every partner publishes them.
"""

import rules

from accounts.roles import is_member, is_secretariat

rules.add_perm("funding.see_amounts", is_member | is_secretariat)
