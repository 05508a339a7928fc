"""Writes of the learning app, one module per sub-domain:

- `catalogue`: learning opportunities one by one, and the catalogue's CSV import and export;
- `plans`: development plans from the engine's proposal, their goal, items, milestones and comments;
- `gap`: the planning engine fed from the database, and the gap stored on a plan;
- `completions`: a completed opportunity's skills into the competence profile, and plans moved on;
- `mooc`: completions read from a MOOC platform's CSV export;
- `common`: what they share (the recorded actor, the upload limit, a plan's access check and audit).

Every write checks access through `Access`, runs in one transaction and is audited where it touches a
person's data. The public verbs are re-exported here, so `services.build_plan(...)` also works.
"""

from polku.learning.services.catalogue import (
    OPPORTUNITY_FIELDS,
    CatalogueCheck,
    Owner,
    catalogue_check,
    catalogue_export,
    catalogue_import,
    check_opportunity,
    opportunity_delete,
    opportunity_row,
    opportunity_save,
    owner_from_key,
)
from polku.learning.services.common import MAX_UPLOAD_BYTES
from polku.learning.services.completions import completion_record, completion_reference
from polku.learning.services.gap import BUSINESS_SKILLS, plan_opportunities, refresh_gap
from polku.learning.services.mooc import MoocRow, mooc_import, mooc_summary
from polku.learning.services.plans import (
    PLAN_FIELDS,
    build_plan,
    comment_add,
    item_add,
    item_move,
    item_remove,
    item_update,
    milestone_delete,
    milestone_save,
    plan_delete,
    plan_update,
    propose,
)

__all__ = [
    "BUSINESS_SKILLS",
    "MAX_UPLOAD_BYTES",
    "OPPORTUNITY_FIELDS",
    "PLAN_FIELDS",
    "CatalogueCheck",
    "MoocRow",
    "Owner",
    "build_plan",
    "catalogue_check",
    "catalogue_export",
    "catalogue_import",
    "check_opportunity",
    "comment_add",
    "completion_record",
    "completion_reference",
    "item_add",
    "item_move",
    "item_remove",
    "item_update",
    "milestone_delete",
    "milestone_save",
    "mooc_import",
    "mooc_summary",
    "opportunity_delete",
    "opportunity_row",
    "opportunity_save",
    "owner_from_key",
    "plan_delete",
    "plan_opportunities",
    "plan_update",
    "propose",
    "refresh_gap",
]
