"""The member on screen: who, how to greet them, birthday, tier, discount, points, problems."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from terminal.loyalty import CardKind
from terminal.services.identify import MemberView
from terminal.services.messages import card_problem
from terminal.ui.formats import money_text, points_text
from terminal.ui.i18n import current_language, translate_message


class MemberPanel(QWidget):
    """Shows a :class:`MemberView`; computes nothing (the services did)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: MemberView | None = None
        self.name = QLabel(objectName="name", wordWrap=True)
        self.greeting = QLabel(objectName="greeting", wordWrap=True)
        self.birthday = QLabel(objectName="birthday", wordWrap=True)
        self.problem = QLabel(objectName="problem", wordWrap=True)
        self.tier = QLabel(wordWrap=True)
        self.progress = QProgressBar(textVisible=False, maximumHeight=14)
        self.discount = QLabel(objectName="key_figure", wordWrap=True)
        self.points = QLabel(objectName="key_figure", wordWrap=True)
        self.privileges = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        for w in (
            self.name,
            self.greeting,
            self.birthday,
            self.problem,
            self.tier,
            self.progress,
            self.discount,
            self.points,
            self.privileges,
        ):
            layout.addWidget(w)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._view is not None:
            self.show_view(self._view)
        super().changeEvent(event)

    def show_view(self, view: MemberView) -> None:
        self._view = view
        m = view.member
        if m is None or view.card_kind is CardKind.BEARER:
            self.name.setText(self.tr("Bearer card"))
            self.greeting.setText("")
        else:
            self.name.setText(m.full_name)
            self.greeting.setText(self.tr("Address as: %1").replace("%1", m.address_as))
        self.birthday.setVisible(view.birthday_window and m is not None)
        if view.birthday_window and m is not None:
            text = self.tr("Birthday! Congratulate %1").replace("%1", m.address_as)
            if view.gift_available:
                text += " · " + self.tr("gift available")
            self.birthday.setText(text)
        problem = card_problem(view.card_state)
        self.problem.setVisible(problem is not None)
        if problem is not None:
            self.problem.setText(translate_message(problem))
        progress = view.progress
        self.tier.setVisible(progress is not None)
        self.progress.setVisible(progress is not None)
        if progress is not None:
            nxt = progress.next
            language = current_language()
            text = self.tr("Tier: %1").replace("%1", progress.current.name_in(language))
            if nxt is not None:
                remaining = money_text(progress.remaining.amount)
                text += " · " + self.tr("%1 to %2").replace("%1", remaining).replace(
                    "%2", nxt.name_in(language)
                )
            self.tier.setText(text)
            self.progress.setValue(int(progress.fraction * 100))
        pct = view.discount_pct  # the rules' figure (best of or stacked, capped)
        self.discount.setText(self.tr("Discount: %1%").replace("%1", f"{pct.normalize():f}"))
        self.points.setVisible(m is not None)
        if m is not None:
            text = self.tr("Points: %1").replace("%1", points_text(view.balance))
            if view.pending_operations:
                pending = points_text(view.pending_points)
                text += " " + self.tr("(%1 not yet sent)").replace("%1", pending)
            self.points.setText(text)
        privileges = []
        if m is not None and m.priority_service:
            privileges.append(self.tr("Priority service"))
        if m is not None and m.personal_manager:
            privileges.append(self.tr("Personal manager: %1").replace("%1", m.personal_manager))
        self.privileges.setVisible(bool(privileges))
        self.privileges.setText(" · ".join(privileges))
