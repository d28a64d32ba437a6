"""The reports' words (office/admin_reports.py) in Russian and Ukrainian, kept apart from
the rest of the catalogue; office/admin_texts.py takes them into TEXTS."""

from __future__ import annotations

REPORT_TEXTS: dict[str, dict[str, str]] = {
    "Reports": {"ru": "Отчёты", "uk": "Звіти"},
    "There is no such report.": {"ru": "Такого отчёта нет.", "uk": "Такого звіту немає."},
    "From": {"ru": "С", "uk": "З"},
    "To": {"ru": "По", "uk": "По"},
    "Show": {"ru": "Показать", "uk": "Показати"},
    "Download as CSV": {"ru": "Скачать CSV", "uk": "Завантажити CSV"},
    "Nothing in this period.": {
        "ru": "За этот период ничего нет.",
        "uk": "За цей період нічого немає.",
    },
    "Points liability": {"ru": "Обязательства по баллам", "uk": "Зобов’язання за балами"},
    "Points earned and spent": {
        "ru": "Начисленные и списанные баллы",
        "uk": "Нараховані та списані бали",
    },
    "Operations by store, till and cashier": {
        "ru": "Операции по магазинам, кассам и кассирам",
        "uk": "Операції за магазинами, касами й касирами",
    },
    "What the members' points are worth now, and who is overdrawn.": {
        "ru": "Сколько сейчас стоят баллы участников и у кого баланс ниже нуля.",
        "uk": "Скільки зараз коштують бали учасників і в кого баланс нижче нуля.",
    },
    "Points earned and spent per day and store, with a chart.": {
        "ru": "Начисленные и списанные баллы по дням и магазинам, с диаграммой.",
        "uk": "Нараховані та списані бали за днями й магазинами, з діаграмою.",
    },
    "Applied operations by store, till, cashier and kind: count and amount.": {
        "ru": "Проведённые операции по магазинам, кассам, кассирам и видам: число и сумма.",
        "uk": "Проведені операції за магазинами, касами, касирами й видами: кількість і сума.",
    },
    "When each till was last seen, and what the office held or rejected of it.": {
        "ru": "Когда каждая касса выходила на связь и что офис от неё задержал или отклонил.",
        "uk": "Коли кожна каса виходила на зв’язок і що офіс від неї затримав або відхилив.",
    },
    "A report covers at most 366 days: choose a shorter period.": {
        "ru": "Отчёт охватывает не более 366 дней: выберите период короче.",
        "uk": "Звіт охоплює щонайбільше 366 днів: виберіть коротший період.",
    },
    "Check the dates: the first and the last day as YYYY-MM-DD, the first not after the last.": {
        "ru": "Проверьте даты: первый и последний день в виде ГГГГ-ММ-ДД, первый не позже "
        "последнего.",
        "uk": "Перевірте дати: перший і останній день у вигляді РРРР-ММ-ДД, перший не пізніше "
        "за останній.",
    },
    "no money value set": {
        "ru": "денежная стоимость не задана",
        "uk": "грошову вартість не задано",
    },
    "Figure": {"ru": "Показатель", "uk": "Показник"},
    "Value": {"ru": "Значение", "uk": "Значення"},
    "Points balance of all members": {"ru": "Баллы всех участников", "uk": "Бали всіх учасників"},
    "Money per point": {"ru": "Стоимость балла", "uk": "Вартість бала"},
    "Money value of the balance": {
        "ru": "Денежная стоимость баллов",
        "uk": "Грошова вартість балів",
    },
    "Members overdrawn": {
        "ru": "Участников с балансом ниже нуля",
        "uk": "Учасників із балансом нижче нуля",
    },
    "Their balances together": {"ru": "Их балансы вместе", "uk": "Їхні баланси разом"},
    "Balances moved in the period": {
        "ru": "Изменение балансов за период",
        "uk": "Зміна балансів за період",
    },
    "Day": {"ru": "День", "uk": "День"},
    "Store": {"ru": "Магазин", "uk": "Магазин"},
    "Points earned": {"ru": "Начислено баллов", "uk": "Нараховано балів"},
    "Points spent": {"ru": "Списано баллов", "uk": "Списано балів"},
    "Balances moved": {"ru": "Изменение балансов", "uk": "Зміна балансів"},
    "earned": {"ru": "начислено", "uk": "нараховано"},
    "spent": {"ru": "списано", "uk": "списано"},
    "Cashier": {"ru": "Кассир", "uk": "Касир"},
    "Count": {"ru": "Количество", "uk": "Кількість"},
    "Last seen": {"ru": "Последний раз на связи", "uk": "Востаннє на зв’язку"},
    "Not seen for a day": {"ru": "Нет связи больше суток", "uk": "Немає зв’язку понад добу"},
    "Held operations": {"ru": "Задержано операций", "uk": "Затримано операцій"},
    "Rejected operations": {"ru": "Отклонено операций", "uk": "Відхилено операцій"},
    "never": {"ru": "никогда", "uk": "ніколи"},
}
