"""The admin web app's words in English, Russian and Ukrainian: a plain catalogue, English
text → its Russian and Ukrainian (no Babel: a few dozen phrases, and a test keeps every
one translated and every phrase the templates use in here).

The language of a page is one (:func:`choose`): the admin's choice (the ``office_lang``
cookie, set by the selector on every page), else the best of the browser's
``Accept-Language``, else English. Every text on the page comes from here in that
language; what members and tills wrote (names) is shown as it is.
"""

from __future__ import annotations

from office.admin_program_texts import PROGRAM_TEXTS

LANGUAGES = ("en", "ru", "uk")
#: Each language's own name, for the selector.
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "uk": "Українська"}

TEXTS: dict[str, dict[str, str]] = {
    "Loyalty office": {"ru": "Офис программы лояльности", "uk": "Офіс програми лояльності"},
    "Log in": {"ru": "Войти", "uk": "Увійти"},
    "Log out": {"ru": "Выйти", "uk": "Вийти"},
    "Name": {"ru": "Имя", "uk": "Ім’я"},
    "Password": {"ru": "Пароль", "uk": "Пароль"},
    "Language": {"ru": "Язык", "uk": "Мова"},
    "Wrong name or password.": {
        "ru": "Неверное имя или пароль.",
        "uk": "Неправильне ім’я або пароль.",
    },
    "Too many wrong passwords: this account is locked for 15 minutes. Try again later or ask the owner.": {  # noqa: E501
        "ru": "Слишком много неверных паролей: вход заблокирован на 15 минут. Попробуйте "
        "позже или обратитесь к владельцу.",
        "uk": "Забагато неправильних паролів: вхід заблоковано на 15 хвилин. Спробуйте "
        "пізніше або зверніться до власника.",
    },
    "The log-in form had expired: try again.": {
        "ru": "Форма входа устарела: попробуйте ещё раз.",
        "uk": "Форма входу застаріла: спробуйте ще раз.",
    },
    "You have logged out.": {"ru": "Вы вышли.", "uk": "Ви вийшли."},
    "Your session has ended: log in again.": {
        "ru": "Сеанс завершён: войдите снова.",
        "uk": "Сеанс завершено: увійдіть знову.",
    },
    "Signed in as {name}, {role}": {
        "ru": "Вы вошли как {name}, {role}",
        "uk": "Ви увійшли як {name}, {role}",
    },
    "owner": {"ru": "владелец", "uk": "власник"},
    "marketing": {"ru": "маркетинг", "uk": "маркетинг"},
    "support": {"ru": "поддержка", "uk": "підтримка"},
    "read only": {"ru": "только чтение", "uk": "лише перегляд"},
    "Dashboard": {"ru": "Сводка", "uk": "Зведення"},
    "Members": {"ru": "Участники", "uk": "Учасники"},
    "Cards": {"ru": "Карты", "uk": "Картки"},
    "Tills": {"ru": "Кассы", "uk": "Каси"},
    "Operations today": {"ru": "Операций сегодня", "uk": "Операцій сьогодні"},
    "Search": {"ru": "Найти", "uk": "Знайти"},
    "Name, phone or card number": {
        "ru": "Имя, телефон или номер карты",
        "uk": "Ім’я, телефон або номер картки",
    },
    "No members found.": {"ru": "Участники не найдены.", "uk": "Учасників не знайдено."},
    "Previous": {"ru": "Назад", "uk": "Назад"},
    "Next": {"ru": "Далее", "uk": "Далі"},
    "Page {n}": {"ru": "Страница {n}", "uk": "Сторінка {n}"},
    "Phone": {"ru": "Телефон", "uk": "Телефон"},
    "Balance": {"ru": "Баланс", "uk": "Баланс"},
    "Full name": {"ru": "Полное имя", "uk": "Повне ім’я"},
    "Greeting": {"ru": "Обращение", "uk": "Звертання"},
    "Birthday": {"ru": "День рождения", "uk": "День народження"},
    "Segment": {"ru": "Сегмент", "uk": "Сегмент"},
    "Consent to personal data": {
        "ru": "Согласие на обработку персональных данных",
        "uk": "Згода на обробку персональних даних",
    },
    "Consent to marketing": {"ru": "Согласие на рассылки", "uk": "Згода на розсилки"},
    "Yes": {"ru": "Да", "uk": "Так"},
    "No": {"ru": "Нет", "uk": "Ні"},
    "Purchases": {"ru": "Покупок", "uk": "Покупок"},
    "Lifetime spend": {"ru": "Сумма покупок", "uk": "Сума покупок"},
    "Member {id}": {"ru": "Участник {id}", "uk": "Учасник {id}"},
    "Number": {"ru": "Номер", "uk": "Номер"},
    "UID": {"ru": "UID", "uk": "UID"},
    "Kind": {"ru": "Вид", "uk": "Вид"},
    "State": {"ru": "Состояние", "uk": "Стан"},
    "No cards.": {"ru": "Карт нет.", "uk": "Карток немає."},
    "Last operations": {"ru": "Последние операции", "uk": "Останні операції"},
    "When": {"ru": "Когда", "uk": "Коли"},
    "Till": {"ru": "Касса", "uk": "Каса"},
    "Operation": {"ru": "Операция", "uk": "Операція"},
    "Status": {"ru": "Статус", "uk": "Статус"},
    "Amount": {"ru": "Сумма", "uk": "Сума"},
    "Points": {"ru": "Баллы", "uk": "Бали"},
    "No operations yet.": {"ru": "Операций пока нет.", "uk": "Операцій поки немає."},
    "Edit": {"ru": "Изменить", "uk": "Змінити"},
    "Save": {"ru": "Сохранить", "uk": "Зберегти"},
    "Cancel": {"ru": "Отмена", "uk": "Скасувати"},
    "Saved.": {"ru": "Сохранено.", "uk": "Збережено."},
    "Nothing was changed.": {"ru": "Ничего не изменено.", "uk": "Нічого не змінено."},
    "Phone (digits)": {"ru": "Телефон (цифры)", "uk": "Телефон (цифри)"},
    "Someone changed this member meanwhile: here they are as they are now. Make your change again.": {  # noqa: E501
        "ru": "Участника тем временем изменили: вот его нынешние данные. Внесите изменение "
        "ещё раз.",
        "uk": "Учасника тим часом змінили: ось його теперішні дані. Внесіть зміну ще раз.",
    },
    "Check the full name: 1 to 200 letters.": {
        "ru": "Проверьте полное имя: от 1 до 200 букв.",
        "uk": "Перевірте повне ім’я: від 1 до 200 літер.",
    },
    "Check the phone: 7 to 15 digits, or leave it empty.": {
        "ru": "Проверьте телефон: от 7 до 15 цифр или пусто.",
        "uk": "Перевірте телефон: від 7 до 15 цифр або порожньо.",
    },
    "Not allowed": {"ru": "Нет доступа", "uk": "Немає доступу"},
    "Your role does not allow this. Ask the owner if you need it.": {
        "ru": "Ваша роль этого не позволяет. Если нужно, обратитесь к владельцу.",
        "uk": "Ваша роль цього не дозволяє. Якщо потрібно, зверніться до власника.",
    },
    "This form is out of date or did not come from this office. Open the page again and repeat.": {
        "ru": "Эта форма устарела или пришла не со страницы офиса. Откройте страницу снова "
        "и повторите.",
        "uk": "Ця форма застаріла або надійшла не зі сторінки офісу. Відкрийте сторінку знову "
        "й повторіть.",
    },
    "Not found": {"ru": "Не найдено", "uk": "Не знайдено"},
    "There is no such member (or they were deleted).": {
        "ru": "Такого участника нет (или он удалён).",
        "uk": "Такого учасника немає (або його видалено).",
    },
    "Back to the dashboard": {"ru": "На сводку", "uk": "До зведення"},
    # what the tills and the office call things (VALUES)
    "Personal": {"ru": "Именная", "uk": "Іменна"},
    "Bearer": {"ru": "На предъявителя", "uk": "На пред’явника"},
    "Not activated": {"ru": "Не активирована", "uk": "Не активована"},
    "Active": {"ru": "Активна", "uk": "Активна"},
    "Blocked": {"ru": "Заблокирована", "uk": "Заблокована"},
    "Lost": {"ru": "Утеряна", "uk": "Втрачена"},
    "Expired": {"ru": "Просрочена", "uk": "Прострочена"},
    "Replaced": {"ru": "Заменена", "uk": "Замінена"},
    "Purchase": {"ru": "Покупка", "uk": "Покупка"},
    "Return": {"ru": "Возврат", "uk": "Повернення"},
    "Gift": {"ru": "Подарок", "uk": "Подарунок"},
    "Adjustment": {"ru": "Корректировка", "uk": "Коригування"},
    "Feedback": {"ru": "Отзыв", "uk": "Відгук"},
    "Card blocked": {"ru": "Карта заблокирована", "uk": "Картку заблоковано"},
    "Card activated": {"ru": "Карта активирована", "uk": "Картку активовано"},
    "Card replaced": {"ru": "Карта заменена", "uk": "Картку замінено"},
    "Card unblocked": {"ru": "Карта разблокирована", "uk": "Картку розблоковано"},
    "Registration": {"ru": "Регистрация", "uk": "Реєстрація"},
    "Applied": {"ru": "Проведена", "uk": "Проведена"},
    "Held": {"ru": "Задержана", "uk": "Затримана"},
    "Rejected": {"ru": "Отклонена", "uk": "Відхилена"},
}

TEXTS.update(PROGRAM_TEXTS)

#: The words the tills and the office store (card kinds and states, operation kinds and
#: statuses, roles) → the English text shown for them.
VALUES = {
    "personal": "Personal",
    "bearer": "Bearer",
    "not_activated": "Not activated",
    "active": "Active",
    "blocked": "Blocked",
    "lost": "Lost",
    "expired": "Expired",
    "replaced": "Replaced",
    "purchase": "Purchase",
    "return": "Return",
    "gift": "Gift",
    "adjustment": "Adjustment",
    "feedback": "Feedback",
    "card_block": "Card blocked",
    "card_activate": "Card activated",
    "card_replace": "Card replaced",
    "card_unblock": "Card unblocked",
    "member_register": "Registration",
    "applied": "Applied",
    "held": "Held",
    "rejected": "Rejected",
    "owner": "owner",
    "marketing": "marketing",
    "support": "support",
    "read_only": "read only",
}


def text(lang: str, english: str, **params: object) -> str:
    """``english`` in ``lang`` (English for a phrase the catalogue lacks)."""
    said = english if lang == "en" else TEXTS.get(english, {}).get(lang, english)
    return said.format(**params) if params else said


def value(lang: str, stored: str) -> str:
    """A stored word (``blocked``, ``purchase``) in ``lang``; as it is if unknown."""
    return text(lang, VALUES[stored]) if stored in VALUES else stored


def choose(cookie: str | None, accept_language: str | None) -> str:
    """The page's language: the cookie's, else the best of Accept-Language, else en."""
    if cookie in LANGUAGES:
        return str(cookie)
    best, weight = "en", 0.0
    for part in (accept_language or "")[:500].split(","):
        tag, _, q = part.strip().partition(";q=")
        code = tag.strip().lower()[:2]
        try:
            w = float(q) if q else 1.0
        except ValueError:
            continue
        if code in LANGUAGES and w > weight:
            best, weight = code, w
    return best
