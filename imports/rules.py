"""Who may import spreadsheets (django-rules, autodiscovered)."""

import rules

from accounts.roles import is_member, is_secretariat

# Members import their agencies' rows (each row is checked against their agencies).
rules.add_perm("imports.import_rows", is_secretariat | is_member)
