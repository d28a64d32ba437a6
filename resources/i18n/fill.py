"""Put our Russian and Ukrainian texts into the .ts catalogues after `pyside6-lupdate`.

    make translations      # lupdate, this script, lrelease

The dictionaries below are the translations (English source -> text); a source with no
entry stays unfinished in the .ts and shows in English, and the test of the catalogues
fails, so nothing is forgotten.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RU = {
    "this till is not enrolled with the office yet: members can be registered once store IT has enrolled it": "касса ещё не зарегистрирована в офисе: участников можно регистрировать после того, как ИТ магазина её подключит",
    "No connection to the office: gifts cannot be handed out offline. Try again when the till is back online.": "Нет связи с офисом: подарки без связи не выдаются. Повторите, когда связь появится.",
    "No connection to the office and the member data is too old to spend points. The purchase can go ahead without spending points.": "Нет связи с офисом, а данные участника слишком старые для списания баллов. Покупку можно провести без списания.",
    "No connection to the office: at most {cap} points can be spent in one purchase. Spend fewer points.": "Нет связи с офисом: за одну покупку можно списать не больше {cap} баллов. Спишите меньше.",
    "No connection to the office: this card can spend only {left} more points until the till is back online. Spend fewer points.": "Нет связи с офисом: по этой карте можно списать ещё только {left} баллов, пока связь не появится. Спишите меньше.",
    "The card has only {left} points (counting purchases not yet sent to the office). Spend fewer points.": "На карте только {left} баллов (с учётом покупок, ещё не отправленных в офис). Спишите меньше.",
    "No connection to the office: this till can spend only {left} more points until it is back online. Spend fewer points.": "Нет связи с офисом: на этой кассе можно списать ещё только {left} баллов, пока связь не появится. Спишите меньше.",
    "Office: not enrolled": "Офис: касса не зарегистрирована",
    "Office: connecting…": "Офис: подключение…",
    "Office: online": "Офис: на связи",
    "Office: downloading members": "Офис: загрузка участников",
    "Office: OFFLINE": "Офис: НЕТ СВЯЗИ",
    "Office: SYNC STOPPED, call store IT": "Офис: ОБМЕН ОСТАНОВЛЕН, вызовите ИТ магазина",
    "%1 to send": "к отправке: %1",
    "%1 for review": "на проверку: %1",
    "last sync %1": "последний обмен %1",
    "clock is off": "часы неточны",
    "Amount": "Сумма",
    "Points to spend": "Списать баллов",
    "Confirm (Enter)": "Подтвердить (Enter)",
    "Cancel (Esc)": "Отмена (Esc)",
    "Type the amount, e.g. 1234.50": "Введите сумму, например 1234,50",
    "Points: type a number": "Баллы: введите число",
    "To pay: %1": "К оплате: %1",
    "Points earned: %1 · balance after: %2": "Начислено баллов: %1 · остаток: %2",
    "Loyalty terminal": "Терминал лояльности",
    "Tap or swipe the club card": "Приложите или проведите клубную карту",
    "Phone, card number or surname": "Телефон, номер карты или фамилия",
    "Readers: %1": "Считыватели: %1",
    "Readers: none": "Считыватели: нет",
    "Printer: ready": "Принтер: готов",
    "Printer: OFFLINE": "Принтер: НЕ В СЕТИ",
    "Printer: OUT OF PAPER": "Принтер: НЕТ БУМАГИ",
    "Printer: COVER OPEN": "Принтер: ОТКРЫТА КРЫШКА",
    "Printer: not answering": "Принтер: не отвечает",
    "Printer: error": "Принтер: ошибка",
    "Printer: none configured": "Принтер: не настроен",
    "Printer: …": "Принтер: …",
    "%1 receipt(s) waiting": "чеков в очереди: %1",
    "Start of shift": "Начало смены",
    "Card discount {pct}%: -{amount}": "Скидка по карте {pct}%: -{amount}",
    "{tier} tier discount {pct}%: -{amount}": "Скидка уровня {tier} {pct}%: -{amount}",
    "Progressive discount {pct}% after {purchases} purchases: -{amount}":
        "Накопительная скидка {pct}% после {purchases} покупок: -{amount}",
    "The {best} discount {best_pct}% is better than the {other} {other_pct}%":
        "Скидка ({best}) {best_pct}% выгоднее, чем ({other}) {other_pct}%",
    "Discounts applied one after another: {pct}% in total, -{amount}":
        "Скидки применены одна за другой: всего {pct}%, -{amount}",
    "Capped by the program maximum {max_pct}%: discount reduced by {amount}":
        "Ограничено максимумом программы {max_pct}%: скидка уменьшена на {amount}",
    "Progressive discount has reached its maximum {cap_pct}%":
        "Накопительная скидка достигла максимума {cap_pct}%",
    "Bearer card: card discount only, no points":
        "Карта на предъявителя: только скидка по карте, без баллов",
    "Points pay at most {share_pct}% of the receipt: up to {points}":
        "Баллами можно оплатить не больше {share_pct}% чека: до {points}",
    "Points balance {balance}: up to {points}": "Баланс баллов {balance}: до {points}",
    "Points balance is negative ({balance}): no points can be spent":
        "Баланс баллов отрицательный ({balance}): списать нельзя",
    "Paid with {points} points: -{amount}": "Оплачено баллами ({points}): -{amount}",
    "Points earned: {pct}% of {paid} ({tier}): +{points}":
        "Начислено баллов: {pct}% от {paid} ({tier}): +{points}",
    "Birthday: points x{multiplier}": "День рождения: баллы x{multiplier}",
    "No points below {minimum}": "Баллы не начисляются при сумме меньше {minimum}",
    "Birthday gift available": "Положен подарок ко дню рождения",
    "This purchase moves the member up to {tier}": "С этой покупкой участник переходит на уровень {tier}",
    "card": "по карте",
    "tier": "уровня",
    "progressive": "накопительная",
    "Close the shift and print its report": "Закрыть смену и напечатать отчёт",
    "Give a gift": "Выдать подарок",
    "Return (receipt code)": "Возврат (код чека)",
    "Adjust points": "Корректировка баллов",
    "Record a complaint or suggestion": "Записать жалобу или предложение",
    "Block the card": "Заблокировать карту",
    "Activate the bearer card": "Активировать карту на предъявителя",
    "Replace the card": "Заменить карту",
    "Do it (Enter)": "Выполнить (Enter)",
    "Receipt code (scan the QR)": "Код чека (отсканируйте QR)",
    "Amount returned (empty: all)": "Сумма возврата (пусто: всё)",
    "Points (+ or -)": "Баллы (+ или -)",
    "Reason (required)": "Причина (обязательно)",
    "What the member said": "Что сказал участник",
    "Why": "Причина",
    "New card: number or UID": "Новая карта: номер или UID",
    "Done: operation %1 recorded.": "Готово: операция %1 записана.",
    "Present the member's card first.": "Сначала предъявите карту участника.",
    "Choose a gift.": "Выберите подарок.",
    "Scan or type the receipt code.": "Отсканируйте или введите код чека.",
    "Purchase %1 of %2: %3, returned so far %4. Type the amount returned (empty: all %5) and press Enter to return.":
        "Покупка %1 от %2: %3, уже возвращено %4. Введите сумму возврата (пусто: всё, %5) и нажмите Enter.",
    "Points: type a number, e.g. 100 or -50.": "Баллы: введите число, например 100 или -50.",
    "Type or scan the new card's number.": "Введите или отсканируйте номер новой карты.",
    "Supervisor": "Старший смены",
    "Supervisor PIN": "PIN-код старшего смены",
    "Receipts and reports (newest first)": "Чеки и отчёты (сначала новые)",
    "Reprint (Enter)": "Напечатать копию (Enter)",
    "Back (Esc)": "Назад (Esc)",
    "No supervisor on this till yet: store IT adds them.":
        "На этой кассе ещё нет старшего смены: его добавляет ИТ магазина.",
    "waiting": "ждёт печати",
    "printing": "печатается",
    "printed": "напечатан",
    "cancelled": "отменён",
    "Receipt (F2)": "Чек (F2)",
    "PIN": "PIN-код",
    "Log in (Enter)": "Войти (Enter)",
    "No staff on this till yet: store IT adds them.":
        "На этой кассе ещё нет сотрудников: их добавляет ИТ магазина.",
    "Wrong PIN. %1 attempt(s) left.": "Неверный PIN-код. Осталось попыток: %1.",
    "Too many wrong PINs. Try again after %1.":
        "Слишком много неверных PIN-кодов. Попробуйте снова после %1.",
    "This member has no card.": "У участника нет карты.",
    "Done. To pay %1 · points earned %2 · balance %3":
        "Готово. К оплате %1 · начислено %2 · остаток %3",
    "Bearer card": "Карта на предъявителя",
    "Address as: %1": "Обращение: %1",
    "Birthday! Congratulate %1": "День рождения! Поздравьте: %1",
    "gift available": "положен подарок",
    "Tier: %1": "Уровень: %1",
    "%1 to %2": "ещё %1 до уровня %2",
    "Discount: %1%": "Скидка: %1%",
    "Points: %1": "Баллы: %1",
    "(%1 not yet sent)": "(%1 ещё не отправлено)",
    "Priority service": "Приоритетное обслуживание",
    "Personal manager: %1": "Персональный менеджер: %1",
    "Card not activated: a supervisor activates it.":
        "Карта не активирована: её активирует старший смены.",
    "Card BLOCKED: do not accept it; the member calls the club.":
        "Карта ЗАБЛОКИРОВАНА: не принимайте её; участник звонит в клуб.",
    "Card reported LOST: keep it, ask for ID, call a supervisor.":
        "Карта заявлена как УТЕРЯННАЯ: оставьте её у себя, попросите документ, позовите старшего смены.",
    "Card EXPIRED: offer a replacement card.": "Срок карты ИСТЁК: предложите замену карты.",
    "Card REPLACED by a newer card: ask for the new one.":
        "Карта ЗАМЕНЕНА новой: попросите новую карту.",
    "This is a bank card, not a club card. Ask for the club card.":
        "Это банковская карта, а не клубная. Попросите клубную карту.",
    "This card is not in the club. Register a member or activate a bearer card.":
        "Этой карты нет в клубе. Зарегистрируйте участника или активируйте карту на предъявителя.",
    "The card was not read completely: tap or swipe it again.":
        "Карта считана не полностью: приложите или проведите её ещё раз.",
    # the use cases' and the rules' errors (terminal.services.messages)
    "this card is not in the club's cache":
        'Этой карты нет в базе клуба',
    'the cache holds no loyalty program yet: sync with the office or load demo data':
        'В базе кассы ещё нет программы лояльности: синхронизируйтесь с офисом или загрузите демо-данные',
    '{what} needs a personalised card':
        'Для этой операции нужна именная карта',
    'wrong PIN; {attempts_left} attempt(s) before a lock-out':
        'Неверный PIN-код; до блокировки осталось попыток: {attempts_left}',
    'too many wrong PINs; try again after {until}':
        'Слишком много неверных PIN-кодов; попробуйте снова после {until}',
    '{action} needs a supervisor, not a {role}':
        'Это может сделать только старший смены',
    'a PIN is 4 to 12 digits':
        'PIN-код — от 4 до 12 цифр',
    'no such member of staff on this till':
        'На этой кассе нет такого сотрудника',
    'the shift of {owner} (opened {opened}) is still open: a supervisor logs in to close it and print its report':
        'Смена сотрудника {owner} (открыта {opened}) ещё не закрыта: старший смены входит, чтобы закрыть её и напечатать отчёт',
    'no such receipt in the print queue':
        'Такого чека нет в очереди печати',
    '{text} is not a number of points: type digits, e.g. 150 or 12.5':
        '{text} — не число баллов: введите цифры, например 150 или 12,5',
    'no purchase with this receipt code':
        'Покупки с таким кодом чека нет',
    'this card cannot be used: see its state':
        'Эту карту нельзя использовать: посмотрите её состояние',
    'no gift {gift} in the catalogue':
        'Подарка {gift} нет в каталоге',
    'no birthday gift is due to this member':
        'Этому участнику подарок ко дню рождения не положен',
    'the member has too few points for this reward':
        'У участника недостаточно баллов для этого подарка',
    'write down the reason: it is required and kept':
        'Укажите причину: она обязательна и сохраняется',
    '{points} is not a number of points to adjust by':
        '{points} — не число баллов для корректировки',
    'write down what the member said':
        'Запишите, что сказал участник',
    'only a new (not activated) bearer card can be activated':
        'Активировать можно только новую (не активированную) карту на предъявителя',
    'the new card must be a new, unissued card':
        'Новая карта должна быть новой, ещё не выданной',
    'no member with this phone in the cache':
        'Участника с таким телефоном нет в базе',
    "The till's cache is busy (another program is writing to it): nothing was recorded. Try again in a moment; if it goes on, call IT.":
        'База кассы занята (в неё пишет другая программа): ничего не записано. Повторите через минуту; если не проходит, позвоните в ИТ.',
    "The till's disk is full: nothing was recorded. Call IT to free space, then try again.":
        'Диск кассы заполнен: ничего не записано. Позвоните в ИТ, чтобы освободили место, и повторите.',
    "The till's cache could not be used: nothing was recorded. Try again; if it goes on, call IT.":
        'Не удалось обратиться к базе кассы: ничего не записано. Повторите; если не проходит, позвоните в ИТ.',
    'Type the amount.':
        'Введите сумму.',
    'This is not an amount: use digits and one decimal separator.':
        'Это не сумма: используйте цифры и один десятичный разделитель.',
    'An amount cannot be negative.':
        'Сумма не может быть отрицательной.',
    'An amount has at most two decimal places.':
        'В сумме не больше двух знаков после запятой.',
    'This amount is too large.':
        'Слишком большая сумма.',
    'The amount must be more than zero.':
        'Сумма должна быть больше нуля.',
    'Points to spend cannot be negative.':
        'Списываемых баллов не может быть меньше нуля.',
    'A bearer card cannot pay with points.':
        'Картой на предъявителя нельзя платить баллами.',
    "Spend points in the program's steps.":
        'Списывайте баллы шагами, которые задаёт программа.',
    'More points than may pay for this receipt: spend fewer.':
        'Столько баллов нельзя списать на этот чек: спишите меньше.',
    'This return cannot be made: nothing left to return, or more than bought.':
        'Такой возврат невозможен: возвращать нечего или больше, чем куплено.',
    'Supervisor: register a member with this card (F9)':
        'Старший смены: зарегистрировать участника с этой картой (F9)',
    'Register a member with this card':
        'Регистрация участника с этой картой',
    'Full name':
        'Фамилия, имя, отчество',
    'How to address them':
        'Как обращаться',
    'Phone':
        'Телефон',
    'Birthday (DD.MM.YYYY)':
        'День рождения (ДД.ММ.ГГГГ)',
    'e.g. Anna Petrovna (empty: the full name)':
        'например, Анна Петровна (пусто: полное имя)',
    'Consents to the processing of personal data (required)':
        'Согласие на обработку персональных данных (обязательно)',
    'Consents to receiving offers and news (optional)':
        'Согласие на получение предложений и новостей (по желанию)',
    'Register (Enter)':
        'Зарегистрировать (Enter)',
    "type the member's full name":
        'введите фамилию, имя и отчество участника',
    'the name is too long':
        'слишком длинное имя',
    'the member must consent to the processing of their personal data: without it they cannot be registered':
        'нужно согласие участника на обработку персональных данных: без него регистрация невозможна',
    'this is not a phone number: type it with the code, e.g. +7 916 123-45-67':
        'это не номер телефона: введите его с кодом, например +7 916 123-45-67',
    '{text} is not a birthday: type it as DD.MM.YYYY, e.g. 21.03.1985':
        '{text} — не дата рождения: введите ДД.ММ.ГГГГ, например 21.03.1985',
    'this is a bank card, not a club card: give the member a club card':
        'это банковская карта, а не клубная: выдайте участнику клубную карту',
    'read the new club card first: tap or swipe it':
        'сначала считайте новую клубную карту: приложите или проведите её',
    'this card is already in the club: it cannot be given to a new member':
        'эта карта уже есть в клубе: её нельзя выдать новому участнику',
    'this operation is not waiting for review any more':
        'эта операция больше не ждёт проверки',
    'Send again to the office':
        'Отправить в офис снова',
    'Refused by the office, for review: %1':
        'Отклонено офисом, на проверку: %1',
    'purchase':
        'покупка',
    'return':
        'возврат',
    'gift':
        'подарок',
    'points adjustment':
        'корректировка баллов',
    'feedback':
        'отзыв',
    'card blocked':
        'карта заблокирована',
    'card activated':
        'карта активирована',
    'card replaced':
        'карта заменена',
    'member registered':
        'регистрация участника',
    'The office could not read the operation (a fault of the till): call IT.':
        'Офис не смог прочитать операцию (ошибка кассы): вызовите ИТ.',
    'The office has another operation with the same id: call IT.':
        'В офисе уже есть другая операция с тем же номером: вызовите ИТ.',
    'The office does not know this kind of operation yet: call IT.':
        'Офис пока не знает такой вид операции: вызовите ИТ.',
    'The office does not know this member (deleted, or not registered).':
        'Офис не знает этого участника (удалён или не зарегистрирован).',
    'The office does not know this card.':
        'Офис не знает этой карты.',
    'The purchase this return reverses was refused by the office.':
        'Покупка, к которой относится возврат, отклонена офисом.',
    'The member was registered with ids of another till (was the till enrolled again?): call IT.':
        'Участник зарегистрирован с номерами другой кассы (кассу регистрировали заново?): вызовите ИТ.',
    'The office already has a member or card with this id: call IT.':
        'В офисе уже есть участник или карта с этим номером: вызовите ИТ.',
    'The card belongs to someone else at the office: give the member another card and register them again.':
        'В офисе эта карта принадлежит другому: выдайте участнику другую карту и зарегистрируйте его снова.',
    'The office refused the request: call IT.':
        'Офис отклонил запрос: вызовите ИТ.',
    'The office refused it: call IT.':
        'Офис отклонил операцию: вызовите ИТ.',
}  # fmt: skip

UK = {
    "this till is not enrolled with the office yet: members can be registered once store IT has enrolled it": "каса ще не зареєстрована в офісі: учасників можна реєструвати після того, як ІТ магазину її підключить",
    "No connection to the office: gifts cannot be handed out offline. Try again when the till is back online.": "Немає зв'язку з офісом: подарунки без зв'язку не видаються. Повторіть, коли зв'язок з'явиться.",
    "No connection to the office and the member data is too old to spend points. The purchase can go ahead without spending points.": "Немає зв'язку з офісом, а дані учасника застарілі для списання балів. Покупку можна провести без списання.",
    "No connection to the office: at most {cap} points can be spent in one purchase. Spend fewer points.": "Немає зв'язку з офісом: за одну покупку можна списати не більше {cap} балів. Спишіть менше.",
    "No connection to the office: this card can spend only {left} more points until the till is back online. Spend fewer points.": "Немає зв'язку з офісом: з цієї картки можна списати ще лише {left} балів, доки зв'язок не з'явиться. Спишіть менше.",
    "The card has only {left} points (counting purchases not yet sent to the office). Spend fewer points.": "На картці лише {left} балів (з урахуванням покупок, ще не надісланих до офісу). Спишіть менше.",
    "No connection to the office: this till can spend only {left} more points until it is back online. Spend fewer points.": "Немає зв'язку з офісом: на цій касі можна списати ще лише {left} балів, доки зв'язок не з'явиться. Спишіть менше.",
    "Office: not enrolled": "Офіс: каса не зареєстрована",
    "Office: connecting…": "Офіс: підключення…",
    "Office: online": "Офіс: на зв'язку",
    "Office: downloading members": "Офіс: завантаження учасників",
    "Office: OFFLINE": "Офіс: НЕМАЄ ЗВ'ЯЗКУ",
    "Office: SYNC STOPPED, call store IT": "Офіс: ОБМІН ЗУПИНЕНО, викличте ІТ магазину",
    "%1 to send": "до надсилання: %1",
    "%1 for review": "на перевірку: %1",
    "last sync %1": "останній обмін %1",
    "clock is off": "годинник неточний",
    "Amount": "Сума",
    "Points to spend": "Списати балів",
    "Confirm (Enter)": "Підтвердити (Enter)",
    "Cancel (Esc)": "Скасувати (Esc)",
    "Type the amount, e.g. 1234.50": "Введіть суму, наприклад 1234,50",
    "Points: type a number": "Бали: введіть число",
    "To pay: %1": "До сплати: %1",
    "Points earned: %1 · balance after: %2": "Нараховано балів: %1 · залишок: %2",
    "Loyalty terminal": "Термінал лояльності",
    "Tap or swipe the club card": "Прикладіть або проведіть клубну картку",
    "Phone, card number or surname": "Телефон, номер картки або прізвище",
    "Readers: %1": "Зчитувачі: %1",
    "Readers: none": "Зчитувачі: немає",
    "Printer: ready": "Принтер: готовий",
    "Printer: OFFLINE": "Принтер: НЕ В МЕРЕЖІ",
    "Printer: OUT OF PAPER": "Принтер: НЕМАЄ ПАПЕРУ",
    "Printer: COVER OPEN": "Принтер: ВІДКРИТА КРИШКА",
    "Printer: not answering": "Принтер: не відповідає",
    "Printer: error": "Принтер: помилка",
    "Printer: none configured": "Принтер: не налаштовано",
    "Printer: …": "Принтер: …",
    "%1 receipt(s) waiting": "чеків у черзі: %1",
    "Start of shift": "Початок зміни",
    "Card discount {pct}%: -{amount}": "Знижка за карткою {pct}%: -{amount}",
    "{tier} tier discount {pct}%: -{amount}": "Знижка рівня {tier} {pct}%: -{amount}",
    "Progressive discount {pct}% after {purchases} purchases: -{amount}":
        "Накопичувальна знижка {pct}% після {purchases} покупок: -{amount}",
    "The {best} discount {best_pct}% is better than the {other} {other_pct}%":
        "Знижка ({best}) {best_pct}% вигідніша, ніж ({other}) {other_pct}%",
    "Discounts applied one after another: {pct}% in total, -{amount}":
        "Знижки застосовано одна за одною: разом {pct}%, -{amount}",
    "Capped by the program maximum {max_pct}%: discount reduced by {amount}":
        "Обмежено максимумом програми {max_pct}%: знижку зменшено на {amount}",
    "Progressive discount has reached its maximum {cap_pct}%":
        "Накопичувальна знижка досягла максимуму {cap_pct}%",
    "Bearer card: card discount only, no points":
        "Картка на пред'явника: лише знижка за карткою, без балів",
    "Points pay at most {share_pct}% of the receipt: up to {points}":
        "Балами можна сплатити не більше {share_pct}% чека: до {points}",
    "Points balance {balance}: up to {points}": "Баланс балів {balance}: до {points}",
    "Points balance is negative ({balance}): no points can be spent":
        "Баланс балів від'ємний ({balance}): списати не можна",
    "Paid with {points} points: -{amount}": "Сплачено балами ({points}): -{amount}",
    "Points earned: {pct}% of {paid} ({tier}): +{points}":
        "Нараховано балів: {pct}% від {paid} ({tier}): +{points}",
    "Birthday: points x{multiplier}": "День народження: бали x{multiplier}",
    "No points below {minimum}": "Бали не нараховуються, якщо сума менша за {minimum}",
    "Birthday gift available": "Належить подарунок до дня народження",
    "This purchase moves the member up to {tier}": "З цією покупкою учасник переходить на рівень {tier}",
    "card": "за карткою",
    "tier": "рівня",
    "progressive": "накопичувальна",
    "Close the shift and print its report": "Закрити зміну та надрукувати звіт",
    "Give a gift": "Видати подарунок",
    "Return (receipt code)": "Повернення (код чека)",
    "Adjust points": "Коригування балів",
    "Record a complaint or suggestion": "Записати скаргу чи пропозицію",
    "Block the card": "Заблокувати картку",
    "Activate the bearer card": "Активувати картку на пред'явника",
    "Replace the card": "Замінити картку",
    "Do it (Enter)": "Виконати (Enter)",
    "Receipt code (scan the QR)": "Код чека (скануйте QR)",
    "Amount returned (empty: all)": "Сума повернення (порожньо: все)",
    "Points (+ or -)": "Бали (+ або -)",
    "Reason (required)": "Причина (обов'язково)",
    "What the member said": "Що сказав учасник",
    "Why": "Причина",
    "New card: number or UID": "Нова картка: номер або UID",
    "Done: operation %1 recorded.": "Готово: операцію %1 записано.",
    "Present the member's card first.": "Спочатку пред'явіть картку учасника.",
    "Choose a gift.": "Оберіть подарунок.",
    "Scan or type the receipt code.": "Скануйте або введіть код чека.",
    "Purchase %1 of %2: %3, returned so far %4. Type the amount returned (empty: all %5) and press Enter to return.":
        "Покупка %1 від %2: %3, уже повернено %4. Введіть суму повернення (порожньо: усе, %5) і натисніть Enter.",
    "Points: type a number, e.g. 100 or -50.": "Бали: введіть число, наприклад 100 або -50.",
    "Type or scan the new card's number.": "Введіть або скануйте номер нової картки.",
    "Supervisor": "Старший зміни",
    "Supervisor PIN": "PIN-код старшого зміни",
    "Receipts and reports (newest first)": "Чеки та звіти (спочатку нові)",
    "Reprint (Enter)": "Надрукувати копію (Enter)",
    "Back (Esc)": "Назад (Esc)",
    "No supervisor on this till yet: store IT adds them.":
        "На цій касі ще немає старшого зміни: його додає ІТ магазину.",
    "waiting": "чекає друку",
    "printing": "друкується",
    "printed": "надруковано",
    "cancelled": "скасовано",
    "Receipt (F2)": "Чек (F2)",
    "PIN": "PIN-код",
    "Log in (Enter)": "Увійти (Enter)",
    "No staff on this till yet: store IT adds them.":
        "На цій касі ще немає працівників: їх додає ІТ магазину.",
    "Wrong PIN. %1 attempt(s) left.": "Неправильний PIN-код. Залишилося спроб: %1.",
    "Too many wrong PINs. Try again after %1.":
        "Забагато неправильних PIN-кодів. Спробуйте знову після %1.",
    "This member has no card.": "Учасник не має картки.",
    "Done. To pay %1 · points earned %2 · balance %3":
        "Готово. До сплати %1 · нараховано %2 · залишок %3",
    "Bearer card": "Картка на пред'явника",
    "Address as: %1": "Звертання: %1",
    "Birthday! Congratulate %1": "День народження! Привітайте: %1",
    "gift available": "належить подарунок",
    "Tier: %1": "Рівень: %1",
    "%1 to %2": "ще %1 до рівня %2",
    "Discount: %1%": "Знижка: %1%",
    "Points: %1": "Бали: %1",
    "(%1 not yet sent)": "(%1 ще не надіслано)",
    "Priority service": "Пріоритетне обслуговування",
    "Personal manager: %1": "Персональний менеджер: %1",
    "Card not activated: a supervisor activates it.":
        "Картку не активовано: її активує старший зміни.",
    "Card BLOCKED: do not accept it; the member calls the club.":
        "Картку ЗАБЛОКОВАНО: не приймайте її; учасник телефонує до клубу.",
    "Card reported LOST: keep it, ask for ID, call a supervisor.":
        "Картку заявлено ВТРАЧЕНОЮ: залиште її в себе, попросіть документ, покличте старшого зміни.",
    "Card EXPIRED: offer a replacement card.": "Термін картки МИНУВ: запропонуйте заміну картки.",
    "Card REPLACED by a newer card: ask for the new one.":
        "Картку ЗАМІНЕНО новою: попросіть нову картку.",
    "This is a bank card, not a club card. Ask for the club card.":
        "Це банківська картка, а не клубна. Попросіть клубну картку.",
    "This card is not in the club. Register a member or activate a bearer card.":
        "Цієї картки немає в клубі. Зареєструйте учасника або активуйте картку на пред'явника.",
    "The card was not read completely: tap or swipe it again.":
        "Картку зчитано не повністю: прикладіть або проведіть її ще раз.",
    # the use cases' and the rules' errors (terminal.services.messages)
    "this card is not in the club's cache":
        'Цієї картки немає в базі клубу',
    'the cache holds no loyalty program yet: sync with the office or load demo data':
        'У базі каси ще немає програми лояльності: синхронізуйтеся з офісом або завантажте демо-дані',
    '{what} needs a personalised card':
        'Для цієї операції потрібна іменна картка',
    'wrong PIN; {attempts_left} attempt(s) before a lock-out':
        'Неправильний PIN-код; до блокування залишилося спроб: {attempts_left}',
    'too many wrong PINs; try again after {until}':
        'Забагато неправильних PIN-кодів; спробуйте знову після {until}',
    '{action} needs a supervisor, not a {role}':
        'Це може зробити лише старший зміни',
    'a PIN is 4 to 12 digits':
        'PIN-код — від 4 до 12 цифр',
    'no such member of staff on this till':
        'На цій касі немає такого працівника',
    'the shift of {owner} (opened {opened}) is still open: a supervisor logs in to close it and print its report':
        'Зміна працівника {owner} (відкрита {opened}) ще не закрита: старший зміни входить, щоб закрити її та надрукувати звіт',
    'no such receipt in the print queue':
        'Такого чека немає в черзі друку',
    '{text} is not a number of points: type digits, e.g. 150 or 12.5':
        '{text} — не число балів: введіть цифри, наприклад 150 або 12,5',
    'no purchase with this receipt code':
        'Покупки з таким кодом чека немає',
    'this card cannot be used: see its state':
        'Цю картку не можна використати: перегляньте її стан',
    'no gift {gift} in the catalogue':
        'Подарунка {gift} немає в каталозі',
    'no birthday gift is due to this member':
        'Цьому учасникові подарунок до дня народження не належить',
    'the member has too few points for this reward':
        'В учасника недостатньо балів для цього подарунка',
    'write down the reason: it is required and kept':
        "Вкажіть причину: вона обов'язкова і зберігається",
    '{points} is not a number of points to adjust by':
        '{points} — не число балів для коригування',
    'write down what the member said':
        'Запишіть, що сказав учасник',
    'only a new (not activated) bearer card can be activated':
        "Активувати можна лише нову (не активовану) картку на пред'явника",
    'the new card must be a new, unissued card':
        'Нова картка має бути новою, ще не виданою',
    'no member with this phone in the cache':
        'Учасника з таким телефоном немає в базі',
    "The till's cache is busy (another program is writing to it): nothing was recorded. Try again in a moment; if it goes on, call IT.":
        'База каси зайнята (в неї пише інша програма): нічого не записано. Повторіть за хвилину; якщо не вдається, зателефонуйте в ІТ.',
    "The till's disk is full: nothing was recorded. Call IT to free space, then try again.":
        'Диск каси заповнений: нічого не записано. Зателефонуйте в ІТ, щоб звільнили місце, і повторіть.',
    "The till's cache could not be used: nothing was recorded. Try again; if it goes on, call IT.":
        'Не вдалося звернутися до бази каси: нічого не записано. Повторіть; якщо не вдається, зателефонуйте в ІТ.',
    'Type the amount.':
        'Введіть суму.',
    'This is not an amount: use digits and one decimal separator.':
        'Це не сума: використовуйте цифри й один десятковий роздільник.',
    'An amount cannot be negative.':
        "Сума не може бути від'ємною.",
    'An amount has at most two decimal places.':
        'У сумі не більше двох знаків після коми.',
    'This amount is too large.':
        'Завелика сума.',
    'The amount must be more than zero.':
        'Сума має бути більшою за нуль.',
    'Points to spend cannot be negative.':
        'Балів для списання не може бути менше нуля.',
    'A bearer card cannot pay with points.':
        "Карткою на пред'явника не можна платити балами.",
    "Spend points in the program's steps.":
        'Списуйте бали кроками, які задає програма.',
    'More points than may pay for this receipt: spend fewer.':
        'Стільки балів не можна списати на цей чек: спишіть менше.',
    'This return cannot be made: nothing left to return, or more than bought.':
        'Таке повернення неможливе: повертати нічого або більше, ніж куплено.',
    'Supervisor: register a member with this card (F9)':
        'Старший зміни: зареєструвати учасника з цією карткою (F9)',
    'Register a member with this card':
        'Реєстрація учасника з цією карткою',
    'Full name':
        "Прізвище, ім'я, по батькові",
    'How to address them':
        'Як звертатися',
    'Phone':
        'Телефон',
    'Birthday (DD.MM.YYYY)':
        'День народження (ДД.ММ.РРРР)',
    'e.g. Anna Petrovna (empty: the full name)':
        "наприклад, Ганна Петрівна (порожньо: повне ім'я)",
    'Consents to the processing of personal data (required)':
        "Згода на обробку персональних даних (обов'язково)",
    'Consents to receiving offers and news (optional)':
        'Згода на отримання пропозицій і новин (за бажанням)',
    'Register (Enter)':
        'Зареєструвати (Enter)',
    "type the member's full name":
        "введіть прізвище, ім'я та по батькові учасника",
    'the name is too long':
        "задовге ім'я",
    'the member must consent to the processing of their personal data: without it they cannot be registered':
        'потрібна згода учасника на обробку персональних даних: без неї реєстрація неможлива',
    'this is not a phone number: type it with the code, e.g. +7 916 123-45-67':
        'це не номер телефону: введіть його з кодом, наприклад +380 50 123 45 67',
    '{text} is not a birthday: type it as DD.MM.YYYY, e.g. 21.03.1985':
        '{text} — не дата народження: введіть ДД.ММ.РРРР, наприклад 21.03.1985',
    'this is a bank card, not a club card: give the member a club card':
        'це банківська картка, а не клубна: видайте учаснику клубну картку',
    'read the new club card first: tap or swipe it':
        'спочатку зчитайте нову клубну картку: прикладіть або проведіть її',
    'this card is already in the club: it cannot be given to a new member':
        'ця картка вже є в клубі: її не можна видати новому учаснику',
    'this operation is not waiting for review any more':
        'ця операція більше не чекає перевірки',
    'Send again to the office':
        'Надіслати в офіс знову',
    'Refused by the office, for review: %1':
        'Відхилено офісом, на перевірку: %1',
    'purchase':
        'покупка',
    'return':
        'повернення',
    'gift':
        'подарунок',
    'points adjustment':
        'коригування балів',
    'feedback':
        'відгук',
    'card blocked':
        'картку заблоковано',
    'card activated':
        'картку активовано',
    'card replaced':
        'картку замінено',
    'member registered':
        'реєстрація учасника',
    'The office could not read the operation (a fault of the till): call IT.':
        'Офіс не зміг прочитати операцію (помилка каси): викличте ІТ.',
    'The office has another operation with the same id: call IT.':
        'В офісі вже є інша операція з тим самим номером: викличте ІТ.',
    'The office does not know this kind of operation yet: call IT.':
        'Офіс поки не знає такого виду операції: викличте ІТ.',
    'The office does not know this member (deleted, or not registered).':
        'Офіс не знає цього учасника (видалений або не зареєстрований).',
    'The office does not know this card.':
        'Офіс не знає цієї картки.',
    'The purchase this return reverses was refused by the office.':
        'Покупку, до якої належить повернення, офіс відхилив.',
    'The member was registered with ids of another till (was the till enrolled again?): call IT.':
        'Учасника зареєстровано з номерами іншої каси (касу реєстрували знову?): викличте ІТ.',
    'The office already has a member or card with this id: call IT.':
        'В офісі вже є учасник або картка з цим номером: викличте ІТ.',
    'The card belongs to someone else at the office: give the member another card and register them again.':
        'В офісі ця картка належить іншому: видайте учаснику іншу картку і зареєструйте його знову.',
    'The office refused the request: call IT.':
        'Офіс відхилив запит: викличте ІТ.',
    'The office refused it: call IT.':
        'Офіс відхилив операцію: викличте ІТ.',
}  # fmt: skip

CATALOGUES = {"ru": RU, "uk": UK}


def fill(ts: Path, texts: dict[str, str]) -> list[str]:
    """Write ``texts`` into ``ts``; returns the sources left without a translation."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in texts:
            translation.text = texts[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    here = Path(__file__).parent
    bad = 0
    for code, texts in CATALOGUES.items():
        for source in fill(here / f"loyalty_{code}.ts", texts):
            print(f"loyalty_{code}.ts: no translation for {source!r}", file=sys.stderr)
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
