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
from office.admin_report_texts import REPORT_TEXTS

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
    "The office is busy checking other log-ins: try again in a moment.": {
        "ru": "Офис занят проверкой других входов: попробуйте через минуту.",
        "uk": "Офіс зайнятий перевіркою інших входів: спробуйте за хвилину.",
    },
    "Wrong name or password. After 5 wrong passwords an account is locked for 15 minutes: then wait, or ask the owner.": {  # noqa: E501
        "ru": "Неверное имя или пароль. После 5 неверных паролей вход блокируется на 15 "
        "минут: тогда подождите или обратитесь к владельцу.",
        "uk": "Неправильне ім’я або пароль. Після 5 неправильних паролів вхід блокується на "
        "15 хвилин: тоді зачекайте або зверніться до власника.",
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
    # the gifts and the staff (office/admin_gifts.py, office/admin_staff.py)
    "Gifts": {"ru": "Подарки", "uk": "Подарунки"},
    "Staff": {"ru": "Персонал", "uk": "Персонал"},
    "New gift": {"ru": "Новый подарок", "uk": "Новий подарунок"},
    "Gift {code} saved.": {"ru": "Подарок {code} сохранён.", "uk": "Подарунок {code} збережено."},
    "No gifts yet.": {"ru": "Подарков пока нет.", "uk": "Подарунків поки немає."},
    "Code": {"ru": "Код", "uk": "Код"},
    "Cost, points": {"ru": "Стоимость, баллы", "uk": "Вартість, бали"},
    "Handed out": {"ru": "Выдаётся", "uk": "Видається"},
    "Withdrawn": {"ru": "Снят", "uk": "Знято"},
    "Handed out at the tills": {"ru": "Выдаётся на кассах", "uk": "Видається на касах"},
    "Name in Russian": {"ru": "Название по-русски", "uk": "Назва російською"},
    "Name in Ukrainian": {"ru": "Название по-украински", "uk": "Назва українською"},
    "Name in English": {"ru": "Название по-английски", "uk": "Назва англійською"},
    "Check the marked fields.": {
        "ru": "Проверьте отмеченные поля.",
        "uk": "Перевірте позначені поля.",
    },
    "A code is 1 to 32 Latin letters, digits, dashes or underscores.": {
        "ru": "Код: от 1 до 32 латинских букв, цифр, дефисов или подчёркиваний.",
        "uk": "Код: від 1 до 32 латинських літер, цифр, дефісів або підкреслень.",
    },
    "There is a gift with this code already: open it to change it.": {
        "ru": "Подарок с таким кодом уже есть: откройте его, чтобы изменить.",
        "uk": "Подарунок із таким кодом уже є: відкрийте його, щоб змінити.",
    },
    "A name is 1 to 200 printable characters.": {
        "ru": "Название: от 1 до 200 печатных символов.",
        "uk": "Назва: від 1 до 200 друкованих символів.",
    },
    "Choose the kind of gift.": {"ru": "Выберите вид подарка.", "uk": "Виберіть вид подарунка."},
    "The cost is points (at most 2 decimals), from 0 to 10 000 000.": {
        "ru": "Стоимость в баллах (не более 2 знаков после запятой), от 0 до 10 000 000.",
        "uk": "Вартість у балах (не більше 2 знаків після коми), від 0 до 10 000 000.",
    },
    "The office refused this gift: {reason}": {
        "ru": "Офис не принял подарок: {reason}",
        "uk": "Офіс не прийняв подарунок: {reason}",
    },
    "The office refused this: {reason}": {
        "ru": "Офис это не принял: {reason}",
        "uk": "Офіс це не прийняв: {reason}",
    },
    "New staff member": {"ru": "Новый сотрудник", "uk": "Новий співробітник"},
    "No staff yet.": {"ru": "Сотрудников пока нет.", "uk": "Співробітників поки немає."},
    "Role": {"ru": "Роль", "uk": "Роль"},
    "All tills": {"ru": "Все кассы", "uk": "Усі каси"},
    "Works": {"ru": "Работает", "uk": "Працює"},
    "Deactivated": {"ru": "Отключён", "uk": "Вимкнено"},
    "Staff card": {"ru": "Карта сотрудника", "uk": "Картка співробітника"},
    "Staff cards": {"ru": "Карты сотрудника", "uk": "Картки співробітника"},
    "Tills ('all', or numbers: 3, 4)": {
        "ru": "Кассы ('all' — все, или номера: 3, 4)",
        "uk": "Каси ('all' — усі, або номери: 3, 4)",
    },
    "Tills enrolled:": {"ru": "Подключённые кассы:", "uk": "Підключені каси:"},
    "PIN": {"ru": "PIN-код", "uk": "PIN-код"},
    "The PIN again": {"ru": "PIN-код ещё раз", "uk": "PIN-код ще раз"},
    "Staff card UID (may stay empty)": {
        "ru": "UID карты сотрудника (можно не заполнять)",
        "uk": "UID картки співробітника (можна не заповнювати)",
    },
    "No PIN": {"ru": "Нет PIN-кода", "uk": "Немає PIN-коду"},
    "Set": {"ru": "Задан", "uk": "Задано"},
    "Set (old hash: set it again)": {
        "ru": "Задан (старый хеш: задайте заново)",
        "uk": "Задано (старий хеш: задайте знову)",
    },
    "May log in at the tills": {"ru": "Может входить на кассах", "uk": "Може входити на касах"},
    "New PIN (needed when a cashier becomes a supervisor or store admin)": {
        "ru": "Новый PIN-код (нужен, когда кассир становится старшим кассиром или "
        "администратором магазина)",
        "uk": "Новий PIN-код (потрібен, коли касир стає старшим касиром або "
        "адміністратором магазину)",
    },
    "New PIN": {"ru": "Новый PIN-код", "uk": "Новий PIN-код"},
    "Set the new PIN": {"ru": "Задать новый PIN-код", "uk": "Задати новий PIN-код"},
    "Take back": {"ru": "Забрать", "uk": "Забрати"},
    "Card UID": {"ru": "UID карты", "uk": "UID картки"},
    "Give the card": {"ru": "Выдать карту", "uk": "Видати картку"},
    "Deactivate": {"ru": "Отключить", "uk": "Вимкнути"},
    "They will no longer log in at any till; their past operations stay.": {
        "ru": "Сотрудник больше не сможет войти ни на одной кассе; его прошлые операции останутся.",
        "uk": "Співробітник більше не зможе увійти на жодній касі; його минулі операції "
        "залишаться.",
    },
    "A name is 1 to 200 characters.": {
        "ru": "Имя: от 1 до 200 символов.",
        "uk": "Ім’я: від 1 до 200 символів.",
    },
    "Choose a role.": {"ru": "Выберите роль.", "uk": "Виберіть роль."},
    "Tills: 'all', or till numbers separated by commas.": {
        "ru": "Кассы: 'all' или номера касс через запятую.",
        "uk": "Каси: 'all' або номери кас через кому.",
    },
    "For this role a PIN is {least} to 12 digits.": {
        "ru": "Для этой роли PIN-код — от {least} до 12 цифр.",
        "uk": "Для цієї ролі PIN-код — від {least} до 12 цифр.",
    },
    "The two PINs differ: type the same PIN twice.": {
        "ru": "PIN-коды не совпадают: введите один и тот же PIN-код дважды.",
        "uk": "PIN-коди не збігаються: введіть той самий PIN-код двічі.",
    },
    "Made a supervisor or store admin, they need a new PIN of {least} to 12 digits.": {
        "ru": "Старшему кассиру или администратору магазина нужен новый PIN-код от "
        "{least} до 12 цифр.",
        "uk": "Старшому касиру або адміністратору магазину потрібен новий PIN-код від "
        "{least} до 12 цифр.",
    },
    "A card UID is 4 to 10 bytes in hex (8 to 20 digits, e.g. 04A1B2C3D4E5F6).": {
        "ru": "UID карты — от 4 до 10 байт в шестнадцатеричном виде (8–20 знаков, "
        "например 04A1B2C3D4E5F6).",
        "uk": "UID картки — від 4 до 10 байтів у шістнадцятковому вигляді (8–20 знаків, "
        "наприклад 04A1B2C3D4E5F6).",
    },
    "This card is another staff member's card.": {
        "ru": "Эта карта принадлежит другому сотруднику.",
        "uk": "Ця картка належить іншому співробітникові.",
    },
    "This card is not theirs.": {
        "ru": "Это не карта этого сотрудника.",
        "uk": "Це не картка цього співробітника.",
    },
    "There is no gift with this code.": {
        "ru": "Подарка с таким кодом нет.",
        "uk": "Подарунка з таким кодом немає.",
    },
    "There is no staff member with this number.": {
        "ru": "Сотрудника с таким номером нет.",
        "uk": "Співробітника з таким номером немає.",
    },
    "Added.": {"ru": "Добавлено.", "uk": "Додано."},
    "The new PIN is set.": {"ru": "Новый PIN-код задан.", "uk": "Новий PIN-код задано."},
    "Deactivated: they can no longer log in at any till.": {
        "ru": "Отключён: больше не может войти ни на одной кассе.",
        "uk": "Вимкнено: більше не може увійти на жодній касі.",
    },
    "Their cards are changed.": {
        "ru": "Карты сотрудника изменены.",
        "uk": "Картки співробітника змінено.",
    },
    "Reward": {"ru": "Награда", "uk": "Нагорода"},
    "Birthday gift": {"ru": "Подарок на день рождения", "uk": "Подарунок на день народження"},
    "Prize": {"ru": "Приз", "uk": "Приз"},
    "Cashier": {"ru": "Кассир", "uk": "Касир"},
    "Supervisor": {"ru": "Старший кассир", "uk": "Старший касир"},
    "Store admin": {"ru": "Администратор магазина", "uk": "Адміністратор магазину"},
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
TEXTS.update(REPORT_TEXTS)

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
    "reward": "Reward",
    "birthday": "Birthday gift",
    "prize": "Prize",
    "cashier": "Cashier",
    "supervisor": "Supervisor",
    "store_admin": "Store admin",
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
