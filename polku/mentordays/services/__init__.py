"""Writes about mentor days, in two modules re-exported here (`from polku.mentordays import services`):

- `days`: the day, its experts and their slots, set up by the day's managers
- `bookings`: participants' bookings and the waitlist, cancellation with promotion from the waitlist,
  attendance, and the day-before reminders

Who manages a day is `Access.can_manage_mentor_day` (the project lead, the coordinators of the partner
running it, admins); participants book for themselves.
"""

from polku.mentordays.services.bookings import (
    attendance_mark,
    booking_cancel,
    booking_create,
    free_slots,
    participation_for_day,
    reminders_send,
    waitlist_join,
    waitlist_leave,
)
from polku.mentordays.services.days import (
    DAY_FIELDS,
    expert_add,
    expert_remove,
    expert_update,
    mentor_day_create,
    mentor_day_update,
    slot_create,
    slot_delete,
    slot_update,
    slots_generate,
)

__all__ = [
    "DAY_FIELDS",
    "attendance_mark",
    "booking_cancel",
    "booking_create",
    "expert_add",
    "expert_remove",
    "expert_update",
    "free_slots",
    "mentor_day_create",
    "mentor_day_update",
    "participation_for_day",
    "reminders_send",
    "slot_create",
    "slot_delete",
    "slot_update",
    "slots_generate",
    "waitlist_join",
    "waitlist_leave",
]
