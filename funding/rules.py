"""Who sees funding amounts (django-rules, autodiscovered).

Who funds what, through which channel, for which countries and period is public, as the
Flagship Programme reports it. The amounts (and their totals) are for coalition members and
the secretariat: pledges are negotiated and not every partner publishes them.
"""

import rules

from accounts.roles import is_member, is_secretariat

rules.add_perm("funding.see_amounts", is_member | is_secretariat)
# A contribution's note is the secretariat's working remark (no page shows it to the public):
# in the downloads, for the same people as the amounts.
rules.add_perm("funding.see_notes", is_member | is_secretariat)
