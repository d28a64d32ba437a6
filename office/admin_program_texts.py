"""The program's pages' words (office/admin_program.py, office/program_form.py) in
Russian and Ukrainian, English text → its translations: part of the catalogue of
office/admin_texts.py, kept here so that the catalogue stays readable."""

from __future__ import annotations

PROGRAM_TEXTS: dict[str, dict[str, str]] = {
    "Program": {"ru": "Программа", "uk": "Програма"},
    "{code}, version {version}": {
        "ru": "{code}, версия {version}",
        "uk": "{code}, версія {version}",
    },
    "Tiers": {"ru": "Уровни", "uk": "Рівні"},
    "Tier": {"ru": "Уровень", "uk": "Рівень"},
    "Code": {"ru": "Код", "uk": "Код"},
    "Name in Russian": {"ru": "Название по-русски", "uk": "Назва російською"},
    "Name in Ukrainian": {"ru": "Название по-украински", "uk": "Назва українською"},
    "From spend of": {"ru": "От суммы покупок", "uk": "Від суми покупок"},
    "Discount": {"ru": "Скидка", "uk": "Знижка"},
    "Discount, %": {"ru": "Скидка, %", "uk": "Знижка, %"},
    "Points per 100 paid": {"ru": "Баллов за 100 оплаты", "uk": "Балів за 100 оплати"},
    "Rules": {"ru": "Правила", "uk": "Правила"},
    "Tiers are reached by": {"ru": "Уровень определяет", "uk": "Рівень визначає"},
    "the spend of all time": {"ru": "сумма покупок за всё время", "uk": "сума покупок за весь час"},
    "the spend of a rolling window": {
        "ru": "сумма покупок за скользящий период",
        "uk": "сума покупок за ковзний період",
    },
    "the spend of the last {days} days": {
        "ru": "сумма покупок за последние {days} дн.",
        "uk": "сума покупок за останні {days} дн.",
    },
    "Window, days": {"ru": "Период, дней", "uk": "Період, днів"},
    "One point is worth": {"ru": "Стоимость одного балла", "uk": "Вартість одного бала"},
    "Points pay at most": {"ru": "Баллами можно оплатить до", "uk": "Балами можна сплатити до"},
    "Points pay at most, %": {
        "ru": "Баллами можно оплатить до, %",
        "uk": "Балами можна сплатити до, %",
    },
    "Discount at most": {"ru": "Скидка не больше", "uk": "Знижка не більше"},
    "Discount at most, %": {"ru": "Скидка не больше, %", "uk": "Знижка не більше, %"},
    "No points below": {"ru": "Без баллов при покупке до", "uk": "Без балів при покупці до"},
    "Points for feedback": {"ru": "Баллы за отзыв", "uk": "Бали за відгук"},
    "Largest purchase": {"ru": "Самая крупная покупка", "uk": "Найбільша покупка"},
    "A supervisor confirms purchases above": {
        "ru": "Старший кассир подтверждает покупки свыше",
        "uk": "Старший касир підтверджує покупки понад",
    },
    "A supervisor confirms purchases above (empty: never)": {
        "ru": "Старший кассир подтверждает покупки свыше (пусто: никогда)",
        "uk": "Старший касир підтверджує покупки понад (порожньо: ніколи)",
    },
    "never": {"ru": "никогда", "uk": "ніколи"},
    "points x{n}, {before} days before to {after} days after": {
        "ru": "баллы x{n}, с {before} дн. до по {after} дн. после",
        "uk": "бали x{n}, з {before} дн. до по {after} дн. після",
    },
    "a gift once a year": {"ru": "подарок раз в год", "uk": "подарунок раз на рік"},
    "A gift once a year": {"ru": "Подарок раз в год", "uk": "Подарунок раз на рік"},
    "no birthday rule": {"ru": "правила дня рождения нет", "uk": "правила дня народження немає"},
    "A birthday rule": {"ru": "Правило дня рождения", "uk": "Правило дня народження"},
    "Days before the birthday": {"ru": "Дней до дня рождения", "uk": "Днів до дня народження"},
    "Days after the birthday": {"ru": "Дней после дня рождения", "uk": "Днів після дня народження"},
    "Points multiplied by": {"ru": "Баллы умножаются на", "uk": "Бали множаться на"},
    "The office has no program yet.": {
        "ru": "В офисе ещё нет программы.",
        "uk": "В офісі ще немає програми.",
    },
    "The office has no program yet: the form starts from the standard one.": {
        "ru": "В офисе ещё нет программы: форма заполнена стандартной.",
        "uk": "В офісі ще немає програми: форму заповнено стандартною.",
    },
    "New version": {"ru": "Новая версия", "uk": "Нова версія"},
    "Versions": {"ru": "Версии", "uk": "Версії"},
    "Version": {"ru": "Версия", "uk": "Версія"},
    "Takes effect": {"ru": "Действует с", "uk": "Діє з"},
    "waiting for its date": {"ru": "ждёт своей даты", "uk": "чекає своєї дати"},
    "current": {"ru": "действующая", "uk": "чинна"},
    "earlier": {"ru": "прежняя", "uk": "попередня"},
    "Date and time, UTC (empty: now), such as 2027-01-01 00:00": {
        "ru": "Дата и время, UTC (пусто: сейчас), например 2027-01-01 00:00",
        "uk": "Дата й час, UTC (порожньо: зараз), наприклад 2027-01-01 00:00",
    },
    "From the lowest tier to the highest; the first from spend 0. Leave a row empty to drop it.": {
        "ru": "От низшего уровня к высшему; первый — от суммы 0. Пустая строка не учитывается.",
        "uk": "Від нижчого рівня до вищого; перший — від суми 0. Порожній рядок не враховується.",
    },
    "Check the marked field.": {
        "ru": "Проверьте отмеченное поле.",
        "uk": "Перевірте позначене поле.",
    },
    "Simulator": {"ru": "Расчёт покупки", "uk": "Розрахунок покупки"},
    "A member of the tier": {"ru": "Участник уровня", "uk": "Учасник рівня"},
    "buying goods worth": {"ru": "покупает товары на сумму", "uk": "купує товари на суму"},
    "on (YYYY-MM-DD)": {"ru": "в день (ГГГГ-ММ-ДД)", "uk": "у день (РРРР-ММ-ДД)"},
    "whose birthday it is": {
        "ru": "у которого в этот день день рождения",
        "uk": "у якого цього дня день народження",
    },
    "Work it out": {"ru": "Рассчитать", "uk": "Розрахувати"},
    "Current version": {"ru": "Действующая версия", "uk": "Чинна версія"},
    "Next version": {"ru": "Следующая версия", "uk": "Наступна версія"},
    "Draft": {"ru": "Черновик", "uk": "Чернетка"},
    "To pay": {"ru": "К оплате", "uk": "До сплати"},
    "Points earned": {"ru": "Начислено баллов", "uk": "Нараховано балів"},
    # the rules' reasons (office/program_form.py)
    "must be a number": {"ru": "должно быть числом", "uk": "має бути числом"},
    "must be a whole number": {"ru": "должно быть целым числом", "uk": "має бути цілим числом"},
    "must be an amount of money, such as 1500 or 99.90": {
        "ru": "должно быть суммой денег, например 1500 или 99.90",
        "uk": "має бути сумою грошей, наприклад 1500 або 99.90",
    },
    "must be a date and time, such as 2027-01-01 00:00": {
        "ru": "должно быть датой и временем, например 2027-01-01 00:00",
        "uk": "має бути датою й часом, наприклад 2027-01-01 00:00",
    },
    "this version has no such tier": {
        "ru": "в этой версии нет такого уровня",
        "uk": "у цій версії немає такого рівня",
    },
    "must not be empty": {"ru": "не должно быть пустым", "uk": "не має бути порожнім"},
    "is used by another tier": {
        "ru": "уже занят другим уровнем",
        "uk": "уже зайнятий іншим рівнем",
    },
    "must be 0 (the first benefits come at once)": {
        "ru": "должно быть 0 (первые выгоды — сразу)",
        "uk": "має бути 0 (перші вигоди — одразу)",
    },
    "must be > 0": {"ru": "должно быть больше 0", "uk": "має бути більше 0"},
    "must be more than zero": {"ru": "должно быть больше нуля", "uk": "має бути більше нуля"},
    "must be more than zero (or null: never)": {
        "ru": "должно быть больше нуля (или пусто: никогда)",
        "uk": "має бути більше нуля (або порожньо: ніколи)",
    },
    "must hold at least one tier": {
        "ru": "нужен хотя бы один уровень",
        "uk": "потрібен хоча б один рівень",
    },
    "must be at least {n}": {"ru": "должно быть не меньше {n}", "uk": "має бути не менше {n}"},
    "must be at most {n}": {"ru": "должно быть не больше {n}", "uk": "має бути не більше {n}"},
    "must be greater than the tier before ({n})": {
        "ru": "должно быть больше, чем у предыдущего уровня ({n})",
        "uk": "має бути більше, ніж у попереднього рівня ({n})",
    },
    "times the points' step must be exact money": {
        "ru": "умноженное на шаг баллов должно давать точную сумму",
        "uk": "помножене на крок балів має давати точну суму",
    },
    "must not be earlier than the version already waiting ({n})": {
        "ru": "не раньше версии, которая уже ждёт своей даты ({n})",
        "uk": "не раніше версії, яка вже чекає своєї дати ({n})",
    },
    # the tills' explanation lines (terminal.loyalty.explain)
    "Card": {"ru": "Карточная", "uk": "Карткова"},
    "Progressive": {"ru": "Прогрессивная", "uk": "Прогресивна"},
    "card": {"ru": "карточная", "uk": "карткова"},
    "tier": {"ru": "по уровню", "uk": "за рівнем"},
    "progressive": {"ru": "прогрессивная", "uk": "прогресивна"},
    "Card discount {pct}%: -{amount}": {
        "ru": "Скидка по карте {pct}%: -{amount}",
        "uk": "Знижка за карткою {pct}%: -{amount}",
    },
    "{tier} tier discount {pct}%: -{amount}": {
        "ru": "Скидка уровня {tier} {pct}%: -{amount}",
        "uk": "Знижка рівня {tier} {pct}%: -{amount}",
    },
    "Progressive discount {pct}% after {purchases} purchases: -{amount}": {
        "ru": "Прогрессивная скидка {pct}% после {purchases} покупок: -{amount}",
        "uk": "Прогресивна знижка {pct}% після {purchases} покупок: -{amount}",
    },
    "{best} discount {best_pct}% is better than {other} {other_pct}%": {
        "ru": "Скидка ({best}) {best_pct}% выгоднее, чем {other} {other_pct}%",
        "uk": "Знижка ({best}) {best_pct}% вигідніша, ніж {other} {other_pct}%",
    },
    "Discounts applied one after another: {pct}% in total, -{amount}": {
        "ru": "Скидки применены одна за другой: всего {pct}%, -{amount}",
        "uk": "Знижки застосовано одна за одною: усього {pct}%, -{amount}",
    },
    "Capped by the program maximum {max_pct}%: discount reduced by {amount}": {
        "ru": "Ограничено максимумом программы {max_pct}%: скидка уменьшена на {amount}",
        "uk": "Обмежено максимумом програми {max_pct}%: знижку зменшено на {amount}",
    },
    "Progressive discount has reached its maximum {cap_pct}%": {
        "ru": "Прогрессивная скидка достигла максимума {cap_pct}%",
        "uk": "Прогресивна знижка досягла максимуму {cap_pct}%",
    },
    "Bearer card: card discount only, no points": {
        "ru": "Карта на предъявителя: только скидка по карте, без баллов",
        "uk": "Картка на пред’явника: лише знижка за карткою, без балів",
    },
    "Points pay at most {share_pct}% of the receipt: up to {points}": {
        "ru": "Баллами можно оплатить до {share_pct}% чека: до {points}",
        "uk": "Балами можна сплатити до {share_pct}% чека: до {points}",
    },
    "Points balance {balance}: up to {points}": {
        "ru": "Баланс баллов {balance}: до {points}",
        "uk": "Баланс балів {balance}: до {points}",
    },
    "Points balance is negative ({balance}): no points can be spent": {
        "ru": "Баланс баллов отрицательный ({balance}): списать баллы нельзя",
        "uk": "Баланс балів від’ємний ({balance}): списати бали не можна",
    },
    "Paid with {points} points: -{amount}": {
        "ru": "Оплачено {points} баллами: -{amount}",
        "uk": "Сплачено {points} балами: -{amount}",
    },
    "Points earned: {pct}% of {paid} ({tier}): +{points}": {
        "ru": "Начислено баллов: {pct}% от {paid} ({tier}): +{points}",
        "uk": "Нараховано балів: {pct}% від {paid} ({tier}): +{points}",
    },
    "Birthday: points x{multiplier}": {
        "ru": "День рождения: баллы x{multiplier}",
        "uk": "День народження: бали x{multiplier}",
    },
    "No points below {minimum}": {
        "ru": "Без баллов при покупке до {minimum}",
        "uk": "Без балів при покупці до {minimum}",
    },
    "Birthday gift available": {
        "ru": "Доступен подарок ко дню рождения",
        "uk": "Доступний подарунок до дня народження",
    },
    "This purchase moves the member up to {tier}": {
        "ru": "С этой покупкой участник переходит на уровень {tier}",
        "uk": "З цією покупкою учасник переходить на рівень {tier}",
    },
}
