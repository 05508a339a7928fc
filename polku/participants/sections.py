"""What apps above `participants` add to a participant's pages (polku.core.sections explains the pattern).

- `participant_sections`: the staff page of one participation (`participants:detail`), between the entry
  data and the consents; each context function is called with `participation`, `access` and `request`
  (the page has already checked that the reader may see the participation, and audited the read).
- `my_sections`: the participant's own page (`participants:me`), between their projects and their profile;
  called with `person`, `access` and `request`.
"""

from __future__ import annotations

from polku.core.sections import SectionRegistry

participant_sections = SectionRegistry("participant")
my_sections = SectionRegistry("my page")
