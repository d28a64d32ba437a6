"""What a person is told about a card's state: what happened and what to do.

English source texts; the app translates them (Qt context "card_problem"), the CLI prints
them as they are.
"""

from __future__ import annotations

from terminal.loyalty import CardState


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name Qt's lupdate looks for
    """Marks ``text`` for Qt's lupdate (context "messages"); returns it unchanged."""
    return text


CARD_PROBLEMS: dict[CardState, str] = {
    CardState.NOT_ACTIVATED: QT_TRANSLATE_NOOP(
        "messages", "Card not activated: a supervisor activates it."
    ),
    CardState.BLOCKED: QT_TRANSLATE_NOOP(
        "messages", "Card BLOCKED: do not accept it; the member calls the club."
    ),
    CardState.LOST: QT_TRANSLATE_NOOP(
        "messages", "Card reported LOST: keep it, ask for ID, call a supervisor."
    ),
    CardState.EXPIRED: QT_TRANSLATE_NOOP("messages", "Card EXPIRED: offer a replacement card."),
    CardState.REPLACED: QT_TRANSLATE_NOOP(
        "messages", "Card REPLACED by a newer card: ask for the new one."
    ),
}
BANK_CARD = QT_TRANSLATE_NOOP(
    "messages", "This is a bank card, not a club card. Ask for the club card."
)
UNKNOWN_CARD = QT_TRANSLATE_NOOP(
    "messages", "This card is not in the club. Register a member or activate a bearer card."
)
NOT_CLUB_CARD = QT_TRANSLATE_NOOP(
    "messages", "This is not a club card: its number is not one of the club's."
)
READ_AGAIN = QT_TRANSLATE_NOOP(
    "messages", "The card was not read completely: tap or swipe it again."
)


#: The use cases' errors by code (terminal.services.errors): English templates whose
#: {fields} the error's params fill in. A translation may leave out a field whose value
#: is English (an action, a role).
ERRORS: dict[str, str] = {
    "unknown_card": QT_TRANSLATE_NOOP("messages", "this card is not in the club's cache"),
    "no_program": QT_TRANSLATE_NOOP(
        "messages",
        "the cache holds no loyalty program yet: sync with the office or load demo data",
    ),
    "no_member": QT_TRANSLATE_NOOP("messages", "{what} needs a personalised card"),
    "pin_wrong": QT_TRANSLATE_NOOP(
        "messages", "wrong PIN; {attempts_left} attempt(s) before a lock-out"
    ),
    "locked_out": QT_TRANSLATE_NOOP("messages", "too many wrong PINs; try again after {until}"),
    "not_allowed": QT_TRANSLATE_NOOP("messages", "{action} needs a supervisor, not a {role}"),
    "purchase_needs_supervisor": QT_TRANSLATE_NOOP(
        "messages", "a purchase above {limit} needs a supervisor's confirmation with their PIN"
    ),
    "pin_format": QT_TRANSLATE_NOOP("messages", "a PIN for this role is {least} to 12 digits"),
    "supervisor_card_needed": QT_TRANSLATE_NOOP(
        "messages", "PIN accepted: now tap your own staff card"
    ),
    "supervisor_card_wrong": QT_TRANSLATE_NOOP(
        "messages", "that is not your staff card: type your PIN again and tap your own card"
    ),
    "supervisor_card_late": QT_TRANSLATE_NOOP(
        "messages", "no staff card was tapped in time: type your PIN again"
    ),
    "supervisor_pin_needed": QT_TRANSLATE_NOOP(
        "messages", "a supervisor chooses their name, types their PIN, then taps their card"
    ),
    "unknown_staff": QT_TRANSLATE_NOOP("messages", "no such member of staff on this till"),
    "staff_not_here": QT_TRANSLATE_NOOP(
        "messages", "the office does not let this member of staff work at this till"
    ),
    "shift_still_open": QT_TRANSLATE_NOOP(
        "messages",
        "the shift of {owner} (opened {opened}) is still open: "
        "a supervisor logs in to close it and print its report",
    ),
    "unknown_print_job": QT_TRANSLATE_NOOP("messages", "no such receipt in the print queue"),
    "no_receipt_to_reprint": QT_TRANSLATE_NOOP(
        "messages", "no receipt was printed in this shift yet: nothing to reprint"
    ),
    "points_malformed": QT_TRANSLATE_NOOP(
        "messages", "{text} is not a number of points: type digits, e.g. 150 or 12.5"
    ),
    "unknown_operation": QT_TRANSLATE_NOOP("messages", "no purchase with this receipt code"),
    "receipt_code_ambiguous": QT_TRANSLATE_NOOP(
        "messages", "two purchases have this receipt code: scan the QR code instead"
    ),
    "purchase_lookup_offline": QT_TRANSLATE_NOOP(
        "messages",
        "this till has no purchase with this receipt code, and the office, which knows "
        "the other tills' sales, cannot be reached just now: try again in a moment",
    ),
    "card_not_usable": QT_TRANSLATE_NOOP("messages", "this card cannot be used: see its state"),
    "unknown_gift": QT_TRANSLATE_NOOP("messages", "no gift {gift} in the catalogue"),
    "no_birthday_gift": QT_TRANSLATE_NOOP("messages", "no birthday gift is due to this member"),
    "birthday_gift_given": QT_TRANSLATE_NOOP(
        "messages",
        "already given for this birthday ({year}): a member gets one birthday gift per birthday",
    ),
    "points_short": QT_TRANSLATE_NOOP("messages", "the member has too few points for this reward"),
    "reason_missing": QT_TRANSLATE_NOOP(
        "messages", "write down the reason: it is required and kept"
    ),
    "bad_points": QT_TRANSLATE_NOOP("messages", "{points} is not a number of points to adjust by"),
    "feedback_empty": QT_TRANSLATE_NOOP("messages", "write down what the member said"),
    "not_activatable": QT_TRANSLATE_NOOP(
        "messages", "only a new (not activated) bearer card can be activated"
    ),
    "card_not_free": QT_TRANSLATE_NOOP("messages", "the new card must be a new, unissued card"),
    "not_blocked": QT_TRANSLATE_NOOP("messages", "only a blocked card can be unblocked"),
    "unknown_phone": QT_TRANSLATE_NOOP("messages", "no member with this phone in the cache"),
    "name_missing": QT_TRANSLATE_NOOP("messages", "type the member's full name"),
    "name_too_long": QT_TRANSLATE_NOOP("messages", "the name is too long"),
    "consent_missing": QT_TRANSLATE_NOOP(
        "messages",
        "the member must consent to the processing of their personal data: "
        "without it they cannot be registered",
    ),
    "bad_phone": QT_TRANSLATE_NOOP(
        "messages", "this is not a phone number: type it with the code, e.g. +7 916 123-45-67"
    ),
    "bad_birthday": QT_TRANSLATE_NOOP(
        "messages", "{text} is not a birthday: type it as DD.MM.YYYY, e.g. 21.03.1985"
    ),
    "bank_card_refused": QT_TRANSLATE_NOOP(
        "messages", "this is a bank card, not a club card: give the member a club card"
    ),
    "not_club_card": QT_TRANSLATE_NOOP(
        "messages", "this is not a club card: its number is not one of the club's"
    ),
    "register_not_enrolled": QT_TRANSLATE_NOOP(
        "messages",
        "this till is not enrolled with the office yet: members can be registered once "
        "store IT has enrolled it",
    ),
    "register_needs_card": QT_TRANSLATE_NOOP(
        "messages", "read the new club card first: tap or swipe it"
    ),
    "card_known": QT_TRANSLATE_NOOP(
        "messages", "this card is already in the club: it cannot be given to a new member"
    ),
    "unknown_parked": QT_TRANSLATE_NOOP(
        "messages", "this operation is not waiting for review any more"
    ),
    "store_busy": QT_TRANSLATE_NOOP(
        "messages",
        "The till's cache is busy (another program is writing to it): nothing was recorded. "
        "Try again in a moment; if it goes on, call IT.",
    ),
    "store_full": QT_TRANSLATE_NOOP(
        "messages",
        "The till's disk is full: nothing was recorded. Call IT to free space, then try again.",
    ),
    "store_failed": QT_TRANSLATE_NOOP(
        "messages",
        "The till's cache could not be used: nothing was recorded. "
        "Try again; if it goes on, call IT.",
    ),
}

#: Why the office refused an operation (its result's ``code``), for the supervisor's
#: list of operations for review.
PARK_REASONS: dict[str, str] = {
    "over_offline_limit": QT_TRANSLATE_NOOP(
        "messages",
        "The office refused points spent without its authorisation beyond the offline limit "
        "for one operation: call IT.",
    ),
    "registration_rejected": QT_TRANSLATE_NOOP(
        "messages",
        "The office rejected this member's registration at this till, so nothing is applied "
        "to them: register the person again.",
    ),
    "bad_operation": QT_TRANSLATE_NOOP(
        "messages", "The office could not read the operation (a fault of the till): call IT."
    ),
    "conflict": QT_TRANSLATE_NOOP(
        "messages", "The office has another operation with the same id: call IT."
    ),
    "unknown_kind": QT_TRANSLATE_NOOP(
        "messages", "The office does not know this kind of operation yet: call IT."
    ),
    "unknown_member": QT_TRANSLATE_NOOP(
        "messages", "The office does not know this member (deleted, or not registered)."
    ),
    "unknown_card": QT_TRANSLATE_NOOP("messages", "The office does not know this card."),
    "target_rejected": QT_TRANSLATE_NOOP(
        "messages", "The purchase this return reverses was refused by the office."
    ),
    "id_not_yours": QT_TRANSLATE_NOOP(
        "messages",
        "The member was registered with ids of another till (was the till enrolled again?): "
        "call IT.",
    ),
    "id_taken": QT_TRANSLATE_NOOP(
        "messages", "The office already has a member or card with this id: call IT."
    ),
    "card_taken": QT_TRANSLATE_NOOP(
        "messages",
        "The card belongs to someone else at the office: give the member another card and "
        "register them again.",
    ),
    "unknown_staff": QT_TRANSLATE_NOOP(
        "messages",
        "The office does not know the member of staff who made it: staff are made at the "
        "office; call IT.",
    ),
    "staff_inactive": QT_TRANSLATE_NOOP(
        "messages", "The member of staff who made it was deactivated at the office."
    ),
    "staff_not_here": QT_TRANSLATE_NOOP(
        "messages", "The member of staff who made it may not work at this till (office's list)."
    ),
    "role_required": QT_TRANSLATE_NOOP(
        "messages", "It needs a supervisor's authorisation, and the office did not find one."
    ),
    "op_id_taken": QT_TRANSLATE_NOOP(
        "messages",
        "Another till sent an operation with the same id: this one was not applied. Call IT.",
    ),
    "figures_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "The office worked the figures out again and they differ (discount, points or "
        "money): nothing was applied. Call IT.",
    ),
    "seen_mismatch": QT_TRANSLATE_NOOP(
        "messages",
        "The member's tier, discount or birthday on this till was not the office's: the "
        "operation was not applied. Sync the till and record it again.",
    ),
    "unknown_program": QT_TRANSLATE_NOOP(
        "messages",
        "The office does not know the program version this till used: sync the till and "
        "record it again.",
    ),
    "out_of_bounds": QT_TRANSLATE_NOOP(
        "messages",
        "The office refused impossible figures (a negative amount, too large a purchase, "
        "a wrong count): call IT.",
    ),
    "reversal_exceeds": QT_TRANSLATE_NOOP(
        "messages", "The purchase was returned already (at this or another till)."
    ),
    "unknown_gift": QT_TRANSLATE_NOOP("messages", "The office has no such gift."),
    "gift_not_due": QT_TRANSLATE_NOOP(
        "messages", "The office says this birthday gift was handed out already."
    ),
    "reason_missing": QT_TRANSLATE_NOOP("messages", "The office needs the reason written down."),
    "adjustment_cap": QT_TRANSLATE_NOOP(
        "messages", "The adjustment is above the office's limit for one operation."
    ),
    "adjustment_daily_cap": QT_TRANSLATE_NOOP(
        "messages",
        "The supervisor has adjusted as many points today as the office allows.",
    ),
    "card_state": QT_TRANSLATE_NOOP(
        "messages",
        "The card's state at the office does not allow this (e.g. it is blocked, or "
        "already active).",
    ),
    "card_not_free": QT_TRANSLATE_NOOP(
        "messages", "The new card is not a free card at the office: use another card."
    ),
    "card_not_members": QT_TRANSLATE_NOOP(
        "messages", "The card belongs to another member at the office."
    ),
    "payment_card": QT_TRANSLATE_NOOP(
        "messages",
        "The card's number is a bank card's: give the member a club card and register them again.",
    ),
    "http": QT_TRANSLATE_NOOP("messages", "The office refused the request: call IT."),
}
PARK_REASON_OTHER = QT_TRANSLATE_NOOP("messages", "The office refused it: call IT.")

#: The rules' errors most often met at the till, by code (terminal.loyalty.errors), for
#: languages other than English (English shows the rules' own, more detailed, text).
LOYALTY_ERRORS: dict[str, str] = {
    "amount_empty": QT_TRANSLATE_NOOP("messages", "Type the amount."),
    "amount_malformed": QT_TRANSLATE_NOOP(
        "messages", "This is not an amount: use digits and one decimal separator."
    ),
    "amount_negative": QT_TRANSLATE_NOOP("messages", "An amount cannot be negative."),
    "amount_too_precise": QT_TRANSLATE_NOOP(
        "messages", "An amount has at most two decimal places."
    ),
    "amount_too_large": QT_TRANSLATE_NOOP("messages", "This amount is too large."),
    "amount_not_positive": QT_TRANSLATE_NOOP("messages", "The amount must be more than zero."),
    "amount_over_maximum": QT_TRANSLATE_NOOP(
        "messages", "This amount is more than the program allows for one purchase."
    ),
    "points_negative": QT_TRANSLATE_NOOP("messages", "Points to spend cannot be negative."),
    "points_not_allowed": QT_TRANSLATE_NOOP("messages", "A bearer card cannot pay with points."),
    "points_not_multiple": QT_TRANSLATE_NOOP("messages", "Spend points in the program's steps."),
    "points_over_limit": QT_TRANSLATE_NOOP(
        "messages", "More points than may pay for this receipt: spend fewer."
    ),
    "return_invalid": QT_TRANSLATE_NOOP(
        "messages", "This return cannot be made: nothing left to return, or more than bought."
    ),
}


def card_problem(state: CardState) -> str | None:
    return CARD_PROBLEMS.get(state)
