<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="uk_UA">
<context>
    <name>ActionRunner</name>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="109" />
        <source>Give a gift</source>
        <extracomment>The actions that ask first, with the figures.</extracomment>
        <translation>Видати подарунок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="110" />
        <source>Return (receipt code)</source>
        <translation>Повернення (код чека)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="111" />
        <source>Adjust points</source>
        <translation>Коригування балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="112" />
        <source>Record a complaint or suggestion</source>
        <translation>Записати скаргу чи пропозицію</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="113" />
        <source>Block the card</source>
        <translation>Заблокувати картку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="114" />
        <source>Unblock the card</source>
        <translation>Розблокувати картку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="115" />
        <source>Activate the bearer card</source>
        <translation>Активувати картку на пред'явника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="116" />
        <source>Replace the card</source>
        <translation>Замінити картку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="123" />
        <source>Receipt code (scan the QR)</source>
        <translation>Код чека (скануйте QR)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="124" />
        <source>Amount returned (empty: all)</source>
        <translation>Сума повернення (порожньо: все)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="126" />
        <source>Points (+ or -)</source>
        <translation>Бали (+ або -)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="126" />
        <source>Reason (required)</source>
        <translation>Причина (обов'язково)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="127" />
        <source>What the member said</source>
        <translation>Що сказав учасник</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="128" />
        <location filename="../../terminal/ui/member_action_run.py" line="129" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="130" />
        <source>New card: tap it, or type its number or UID</source>
        <translation>Нова картка: прикладіть її або введіть номер чи UID</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="136" />
        <source>Purchase %1 of %2: %3, returned so far %4. Type the amount returned (empty: all %5) and press Enter to return.</source>
        <translation>Покупка %1 від %2: %3, уже повернено %4. Введіть суму повернення (порожньо: усе, %5) і натисніть Enter.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="148" />
        <source>This card is not in the club. To register a member with it, close supervisor mode (Esc) and tap it again.</source>
        <translation>Цієї картки немає в клубі. Щоб зареєструвати за нею учасника, закрийте режим старшого (Esc) і прикладіть її знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="155" />
        <source>Card %1 was read: supervisor mode still acts on %2 shown above. To act on the other card, close supervisor mode (Esc) and tap it.</source>
        <translation>Зчитано картку %1: режим старшого й далі працює з карткою %2, показаною вище. Щоб працювати з іншою карткою, закрийте режим старшого (Esc) і прикладіть її.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="163" />
        <source>Present the member's card first: tap or swipe it on the reader.</source>
        <translation>Спершу пред'явіть картку учасника: прикладіть або проведіть її через зчитувач.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="188" />
        <source>Type fewer points.</source>
        <translation>Введіть менше балів.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="220" />
        <location filename="../../terminal/ui/member_action_run.py" line="225" />
        <source>Scan or type the receipt code.</source>
        <translation>Скануйте або введіть код чека.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="235" />
        <source>Choose a gift.</source>
        <translation>Оберіть подарунок.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="185" />
        <location filename="../../terminal/ui/member_action_run.py" line="245" />
        <source>Points: type a number, e.g. 100 or -50.</source>
        <translation>Бали: введіть число, наприклад 100 або -50.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="250" />
        <source>Type or scan the new card's number.</source>
        <translation>Введіть або скануйте номер нової картки.</translation>
    </message>
</context>
<context>
    <name>CheckoutPanel</name>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="125" />
        <location filename="../../terminal/ui/checkout_panel.py" line="126" />
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="127" />
        <source>Points to spend</source>
        <translation>Списати балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="128" />
        <source>Confirm (Enter)</source>
        <translation>Підтвердити (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="129" />
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="130" />
        <source>Receipt (F2)</source>
        <translation>Чек (F2)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="131" />
        <source>All (F4)</source>
        <translation>Усі (F4)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="132" />
        <source>Replace (Enter)</source>
        <translation>Замінити (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="133" />
        <source>Keep this checkout (Esc)</source>
        <translation>Залишити цю покупку (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="189" />
        <source>a card without a member</source>
        <translation>картка без учасника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="194" />
        <source>Another card was read: %1. Replace %2 in this checkout?</source>
        <translation>Зчитано іншу картку: %1. Замінити %2 у цій покупці?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="34" />
        <source>An amount cannot be negative: type what the goods cost.</source>
        <translation>Сума не може бути від’ємною: введіть вартість товарів.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="37" />
        <source>At most two decimals: type e.g. %1.</source>
        <translation>Не більше двох знаків після коми: введіть, наприклад, %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="40" />
        <source>That amount is far too large: check it, type what the goods cost.</source>
        <translation>Завелика сума: перевірте її та введіть вартість товарів.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="51" />
        <source>The amount must be more than zero: type what the goods cost.</source>
        <translation>Сума має бути більшою за нуль: введіть вартість товарів.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="84" />
        <source>At most %1 points can pay for this receipt: type %1 or fewer.</source>
        <translation>Цей чек можна оплатити не більше ніж %1 балами: введіть %1 або менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="88" />
        <source>Points are spent in steps of %1: type a multiple of %1.</source>
        <translation>Бали списуються кроками по %1: введіть число, кратне %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="92" />
        <source>A bearer card cannot pay with points: leave 0.</source>
        <translation>Карткою на пред’явника не можна платити балами: залиште 0.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="46" />
        <source>Not an amount: type digits and one decimal separator, e.g. %1.</source>
        <translation>Це не сума: введіть цифри й один десятковий роздільник, наприклад %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="55" />
        <source>Above the largest purchase the program allows (%1): check the amount.</source>
        <translation>Більше за найбільшу покупку, яку дозволяє програма (%1): перевірте суму.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="298" />
        <source>Points: type a number</source>
        <translation>Бали: введіть число</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="310" />
        <source>To pay: %1</source>
        <translation>До сплати: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="312" />
        <source>Points earned: %1 · balance after: %2</source>
        <translation>Нараховано балів: %1 · залишок: %2</translation>
    </message>
</context>
<context>
    <name>ConfirmationLogin</name>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="30" />
        <source>Confirm (Enter)</source>
        <translation>Підтвердити (Enter)</translation>
    </message>
</context>
<context>
    <name>LockoutPanel</name>
    <message>
        <location filename="../../terminal/ui/lockout_panel.py" line="48" />
        <source>Locked out after wrong PINs</source>
        <translation>Заблоковані після неправильних PIN-кодів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/lockout_panel.py" line="49" />
        <source>Lift the lock-out</source>
        <translation>Зняти блокування</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/lockout_panel.py" line="64" />
        <source>%1 · until %2</source>
        <translation>%1 · до %2</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="98" />
        <source>Supervisor: lift a PIN lock-out (Esc: back)</source>
        <translation>Старший касир: зняти блокування за PIN (Esc — назад)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="101" />
        <source>Till locked: %1 is on a break. Their PIN opens it again.</source>
        <translation>Касу зачинено: %1 на перерві. Відчинить своїм PIN.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="107" />
        <source>Start of shift</source>
        <translation>Початок зміни</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="107" />
        <source>Supervisor</source>
        <translation>Старший зміни</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="109" />
        <source>Locked out after wrong PINs? A supervisor helps: F9</source>
        <translation>Заблоковано після хибних PIN? Допоможе старший касир: F9</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="110" />
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="112" />
        <source>Type the PIN again (Enter)</source>
        <translation>Ввести PIN-код знову (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="114" />
        <source>Log in (Enter)</source>
        <translation>Увійти (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="118" />
        <source>PIN accepted. %1, now tap your own staff card on the reader.</source>
        <translation>PIN-код прийнято. %1, тепер прикладіть свою картку працівника до зчитувача.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="220" />
        <source>No staff on this till yet: call store IT to add them.</source>
        <translation>На цій касі ще немає працівників: викличте ІТ магазину, щоб їх додати.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="258" />
        <source>Nobody is locked out now: Esc goes back.</source>
        <translation>Зараз ніхто не заблокований: Esc — назад.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="279" />
        <source>Wrong PIN: type it again. %1 attempt(s) left.</source>
        <translation>Неправильний PIN-код: введіть його знову. Залишилося спроб: %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="272" />
        <source>Lock-out lifted: log in with your PIN.</source>
        <translation>Блокування знято: увійдіть зі своїм PIN.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="285" />
        <source>Too many wrong PINs. Try again after %1.</source>
        <translation>Забагато неправильних PIN-кодів. Спробуйте знову після %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="164" />
        <source>Loyalty terminal</source>
        <translation>Термінал лояльності</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="203" />
        <source>A copy of the last receipt is printing.</source>
        <translation>Друкується копія останнього чека.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="76" />
        <source>Tap or swipe the club card</source>
        <translation>Прикладіть або проведіть клубну картку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="78" />
        <source>Phone, card number or surname</source>
        <translation>Телефон, номер картки або прізвище</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="81" />
        <source>Reprint the last receipt (F10)</source>
        <translation>Копія останнього чека (F10)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="84" />
        <source>Break: lock the till (F11)</source>
        <translation>Перерва: зачинити касу (F11)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="86" />
        <source>End of shift (F12)</source>
        <translation>Кінець зміни (F12)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="126" />
        <source>Nobody found for «%1». Check the phone number or the surname, or ask for the card.</source>
        <translation>Нікого не знайдено за «%1». Перевірте номер телефону чи прізвище або попросіть картку.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/message_page.py" line="46" />
        <source>Supervisor: register a member with this card (F9)</source>
        <translation>Старший зміни: зареєструвати учасника з цією карткою (F9)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="71" />
        <source>cashier</source>
        <translation>касир</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="72" />
        <source>supervisor</source>
        <translation>старший касир</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="73" />
        <source>store admin</source>
        <translation>адміністратор магазину</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="109" />
        <source>Readers: %1</source>
        <translation>Зчитувачі: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="114" />
        <source>Readers: none</source>
        <translation>Зчитувачі: немає</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="119" />
        <source>Printer: ready</source>
        <translation>Принтер: готовий</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="120" />
        <source>Printer: OFFLINE</source>
        <translation>Принтер: НЕ В МЕРЕЖІ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="121" />
        <source>Printer: OUT OF PAPER</source>
        <translation>Принтер: НЕМАЄ ПАПЕРУ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="124" />
        <source>Printer: COVER OPEN</source>
        <translation>Принтер: ВІДКРИТА КРИШКА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="127" />
        <source>Printer: not answering</source>
        <translation>Принтер: не відповідає</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="130" />
        <source>Printer: error</source>
        <translation>Принтер: помилка</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="131" />
        <source>Printer: none configured</source>
        <translation>Принтер: не налаштовано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="136" />
        <source>Printer: …</source>
        <translation>Принтер: …</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="140" />
        <source>%1 receipt(s) waiting</source>
        <translation>чеків у черзі: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="141" />
        <source>This member has no card.</source>
        <translation>Учасник не має картки.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_completion.py" line="38" />
        <source>Done. To pay %1 · points earned %2 · balance %3</source>
        <translation>Готово. До сплати %1 · нараховано %2 · залишок %3</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="106" />
        <source>Do it (Enter)</source>
        <translation>Виконати (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="343" />
        <source>Done: operation %1 recorded.</source>
        <translation>Готово: операцію %1 записано.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="347" />
        <source>Give back %1</source>
        <translation>Повернути покупцеві %1</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="54" />
        <source>Bearer card</source>
        <translation>Картка на пред'явника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="58" />
        <source>Address as: %1</source>
        <translation>Звертання: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="61" />
        <source>Birthday! Congratulate %1</source>
        <translation>День народження! Привітайте: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="63" />
        <source>gift available</source>
        <translation>належить подарунок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="75" />
        <source>Tier: %1</source>
        <translation>Рівень: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="78" />
        <source>%1 to %2</source>
        <translation>ще %1 до рівня %2</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="84" />
        <source>Discount: %1%</source>
        <translation>Знижка: %1%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="87" />
        <source>Points: %1</source>
        <translation>Бали: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="90" />
        <source>(%1 not yet sent)</source>
        <translation>(%1 ще не надіслано)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="94" />
        <source>Priority service</source>
        <translation>Пріоритетне обслуговування</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="96" />
        <source>Personal manager: %1</source>
        <translation>Персональний менеджер: %1</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="99" />
        <source>Enter</source>
        <translation>Ввід</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="100" />
        <source>Delete the last character</source>
        <translation>Стерти останній знак</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="102" />
        <source>Clear the field</source>
        <translation>Очистити поле</translation>
    </message>
</context>
<context>
    <name>OfficeStatus</name>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="65" />
        <source>Office: not enrolled</source>
        <translation>Офіс: каса не зареєстрована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="69" />
        <source>Office: connecting…</source>
        <translation>Офіс: підключення…</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="70" />
        <source>Office: online</source>
        <translation>Офіс: на зв'язку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="71" />
        <source>Office: downloading members</source>
        <translation>Офіс: завантаження учасників</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="72" />
        <source>Office: OFFLINE</source>
        <translation>Офіс: НЕМАЄ ЗВ'ЯЗКУ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="73" />
        <source>Office: SYNC STOPPED, call store IT</source>
        <translation>Офіс: ОБМІН ЗУПИНЕНО, викличте ІТ магазину</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="77" />
        <source>%1 to send</source>
        <translation>до надсилання: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="79" />
        <source>%1 for review</source>
        <translation>на перевірку: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="81" />
        <source>last sync %1</source>
        <translation>останній обмін %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="83" />
        <source>clock is off</source>
        <translation>годинник неточний</translation>
    </message>
</context>
<context>
    <name>Question</name>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="70" />
        <source>Confirm (Enter)</source>
        <translation>Підтвердити (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="71" />
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="81" />
        <source>Block card %1 of %2? Reason: %3.</source>
        <translation>Заблокувати картку %1 учасника %2? Причина: %3.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="88" />
        <source>Add %1 points to %2: balance %3 → %4?</source>
        <translation>Нарахувати %1 балів учаснику %2: баланс %3 → %4?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="90" />
        <source>Take %1 points from %2: balance %3 → %4?</source>
        <translation>Списати %1 балів в учасника %2: баланс %3 → %4?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="104" />
        <source>The office's limit: %1 points in one adjustment, %2 left today.</source>
        <translation>Ліміт офісу: %1 балів за одне коригування, на сьогодні залишилося %2.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="111" />
        <source>Replace card %1 of %2 with the new card %3? The old card stops working.</source>
        <translation>Замінити картку %1 учасника %2 новою карткою %3? Стара картка перестане діяти.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="119" />
        <source>Return %1 of purchase %2: give back %3?</source>
        <translation>Повернення %1 за покупкою %2: повернути покупцеві %3?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="126" />
        <source>This is more than %1: check the amount against the receipt.</source>
        <translation>Це більше за %1: звірте суму з чеком.</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="100" />
        <source>Register a member with this card</source>
        <translation>Реєстрація учасника з цією карткою</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="104" />
        <source>Full name</source>
        <translation>Прізвище, ім'я, по батькові</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="105" />
        <source>How to address them</source>
        <translation>Як звертатися</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="106" />
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="107" />
        <source>Birthday (DD.MM.YYYY)</source>
        <translation>День народження (ДД.ММ.РРРР)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="112" />
        <source>e.g. Anna Petrovna (empty: the full name)</source>
        <translation>наприклад, Ганна Петрівна (порожньо: повне ім'я)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="116" />
        <source>Consents to the processing of personal data (required)</source>
        <translation>Згода на обробку персональних даних (обов'язково)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="118" />
        <source>Consents to receiving offers and news (optional)</source>
        <translation>Згода на отримання пропозицій і новин (за бажанням)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="123" />
        <source>Register (Enter)</source>
        <translation>Зареєструвати (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="124" />
        <source>Cancel (Esc)</source>
        <translation>Скасувати (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="154" />
        <source>Another card was read: this form registers the card read first. Register it, or cancel (Esc) and tap the other card.</source>
        <translation>Зчитано іншу картку: ця анкета реєструє картку, зчитану першою. Завершіть реєстрацію або скасуйте (Esc) і прикладіть іншу картку.</translation>
    </message>
</context>
<context>
    <name>ShiftEndPage</name>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="58" />
        <source>Purchases</source>
        <translation>Покупки</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="59" />
        <source>Sales</source>
        <translation>Продажі</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="60" />
        <source>Discounts</source>
        <translation>Знижки</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="61" />
        <source>Paid</source>
        <translation>Сплачено</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="62" />
        <source>Returns</source>
        <translation>Повернення</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="63" />
        <source>Money returned</source>
        <translation>Повернуто грошей</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="64" />
        <source>Gifts</source>
        <translation>Подарунки</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="65" />
        <source>Points earned</source>
        <translation>Нараховано балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="66" />
        <source>Points spent</source>
        <translation>Списано балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="68" />
        <source>Points adjustments</source>
        <translation>Коригування балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="75" />
        <source>Close the shift and print its report (Enter)</source>
        <translation>Закрити зміну й надрукувати звіт (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="76" />
        <source>Back to the till (Esc)</source>
        <translation>Назад до каси (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="79" />
        <source>End of shift</source>
        <translation>Кінець зміни</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="81" />
        <source>End of shift: %1, since %2</source>
        <translation>Кінець зміни: %1, з %2</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="99" />
        <source>%1 operation(s) not yet at the office: they are sent by themselves.</source>
        <translation>Операцій ще не в офісі: %1. Вони надішлються самі.</translation>
    </message>
</context>
<context>
    <name>SupervisorConfirmation</name>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="84" />
        <source>Back to the checkout (Esc)</source>
        <translation>Назад до покупки (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="90" />
        <source>Purchase of %1 is above %2: a supervisor confirms with their PIN</source>
        <translation>Покупка на %1 — більше за %2: підтверджує старший зміни своїм PIN-кодом</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="120" />
        <source>Supervisor</source>
        <translation>Старший зміни</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="121" />
        <source>Receipts and reports (newest first)</source>
        <translation>Чеки та звіти (спочатку нові)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="122" />
        <source>Reprint (Enter)</source>
        <translation>Надрукувати копію (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="123" />
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="124" />
        <source>Close the shift and print its report</source>
        <translation>Закрити зміну та надрукувати звіт</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="125" />
        <source>Send again to the office</source>
        <translation>Надіслати в офіс знову</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="173" />
        <source>Supervisor mode closes in %1 s — press any key or touch to stay</source>
        <translation>Режим старшого закриється через %1 с — натисніть будь-яку клавішу або торкніться екрана, щоб залишитися</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="259" />
        <source>waiting</source>
        <translation>чекає друку</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="260" />
        <source>printing</source>
        <translation>друкується</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="261" />
        <source>printed</source>
        <translation>надруковано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="262" />
        <source>cancelled</source>
        <translation>скасовано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="295" />
        <source>Refused by the office, for review: %1</source>
        <translation>Відхилено офісом, на перевірку: %1</translation>
    </message>
</context>
<context>
    <name>WhoseCard</name>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="80" />
        <source>No card: present the member's card (tap or swipe it) to act on it.</source>
        <translation>Картки немає: пред'явіть картку учасника (прикладіть або проведіть її), щоб працювати з нею.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="85" />
        <source>bearer card</source>
        <translation>картка на пред'явника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="87" />
        <source>%1 · card %2 · balance %3 points</source>
        <translation>%1 · картка %2 · баланс %3 балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="97" />
        <source>Last operations: %1</source>
        <translation>Останні операції: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="99" />
        <source>No operations at this till yet.</source>
        <translation>На цій касі операцій ще не було.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="108" />
        <source>%1 points</source>
        <translation>%1 балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="113" />
        <source>BLOCKED</source>
        <translation>ЗАБЛОКОВАНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="114" />
        <source>not activated</source>
        <translation>не активована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="115" />
        <source>LOST</source>
        <translation>ВТРАЧЕНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="116" />
        <source>EXPIRED</source>
        <translation>ПРОСТРОЧЕНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="117" />
        <source>REPLACED</source>
        <translation>ЗАМІНЕНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="123" />
        <source>purchase</source>
        <translation>покупка</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="124" />
        <source>purchase with points</source>
        <translation>покупка з оплатою балами</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="125" />
        <source>return</source>
        <translation>повернення</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="126" />
        <source>gift</source>
        <translation>подарунок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="127" />
        <source>points adjustment</source>
        <translation>коригування балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="128" />
        <source>feedback</source>
        <translation>відгук</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="129" />
        <source>card blocked</source>
        <translation>картку заблоковано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="130" />
        <source>card unblocked</source>
        <translation>картку розблоковано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="131" />
        <source>card activated</source>
        <translation>картку активовано</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="132" />
        <source>card replaced</source>
        <translation>картку замінено</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="133" />
        <source>member registered</source>
        <translation>реєстрація учасника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="134" />
        <source>shift report</source>
        <translation>звіт за зміну</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="135" />
        <source>test page</source>
        <translation>тестова сторінка</translation>
    </message>
</context>
<context>
    <name>explanations</name>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="22" />
        <source>Card discount {pct}%: -{amount}</source>
        <translation>Знижка за карткою {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="25" />
        <source>{tier} tier discount {pct}%: -{amount}</source>
        <translation>Знижка рівня {tier} {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="28" />
        <source>Progressive discount {pct}% after {purchases} purchases: -{amount}</source>
        <translation>Накопичувальна знижка {pct}% після {purchases} покупок: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="31" />
        <source>The {best} discount {best_pct}% is better than the {other} {other_pct}%</source>
        <translation>Знижка ({best}) {best_pct}% вигідніша, ніж ({other}) {other_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="35" />
        <source>Discounts applied one after another: {pct}% in total, -{amount}</source>
        <translation>Знижки застосовано одна за одною: разом {pct}%, -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="38" />
        <source>Capped by the program maximum {max_pct}%: discount reduced by {amount}</source>
        <translation>Обмежено максимумом програми {max_pct}%: знижку зменшено на {amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="41" />
        <source>Progressive discount has reached its maximum {cap_pct}%</source>
        <translation>Накопичувальна знижка досягла максимуму {cap_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="44" />
        <source>Bearer card: card discount only, no points</source>
        <translation>Картка на пред'явника: лише знижка за карткою, без балів</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="47" />
        <source>Points pay at most {share_pct}% of the receipt: up to {points}</source>
        <translation>Балами можна сплатити не більше {share_pct}% чека: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="50" />
        <source>Points balance {balance}: up to {points}</source>
        <translation>Баланс балів {balance}: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="53" />
        <source>Points balance is negative ({balance}): no points can be spent</source>
        <translation>Баланс балів від'ємний ({balance}): списати не можна</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="56" />
        <source>Paid with {points} points: -{amount}</source>
        <translation>Сплачено балами ({points}): -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="59" />
        <source>Points earned: {pct}% of {paid} ({tier}): +{points}</source>
        <translation>Нараховано балів: {pct}% від {paid} ({tier}): +{points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="62" />
        <source>Birthday: points x{multiplier}</source>
        <translation>День народження: бали x{multiplier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="65" />
        <source>No points below {minimum}</source>
        <translation>Бали не нараховуються, якщо сума менша за {minimum}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="68" />
        <source>Birthday gift available</source>
        <translation>Належить подарунок до дня народження</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="69" />
        <source>This purchase moves the member up to {tier}</source>
        <translation>З цією покупкою учасник переходить на рівень {tier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="81" />
        <source>card</source>
        <translation>за карткою</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="82" />
        <source>tier</source>
        <translation>рівня</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="83" />
        <source>progressive</source>
        <translation>накопичувальна</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../terminal/services/messages.py" line="18" />
        <source>Card not activated: a supervisor activates it.</source>
        <translation>Картку не активовано: її активує старший зміни.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="21" />
        <source>Card BLOCKED: do not accept it; the member calls the club.</source>
        <translation>Картку ЗАБЛОКОВАНО: не приймайте її; учасник телефонує до клубу.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="24" />
        <source>Card reported LOST: keep it, ask for ID, call a supervisor.</source>
        <translation>Картку заявлено ВТРАЧЕНОЮ: залиште її в себе, попросіть документ, покличте старшого зміни.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="27" />
        <source>Card EXPIRED: offer a replacement card.</source>
        <translation>Термін картки МИНУВ: запропонуйте заміну картки.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="28" />
        <source>Card REPLACED by a newer card: ask for the new one.</source>
        <translation>Картку ЗАМІНЕНО новою: попросіть нову картку.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="32" />
        <source>This is a bank card, not a club card. Ask for the club card.</source>
        <translation>Це банківська картка, а не клубна. Попросіть клубну картку.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="35" />
        <source>This card is not in the club. Register a member or activate a bearer card.</source>
        <translation>Цієї картки немає в клубі. Зареєструйте учасника або активуйте картку на пред'явника.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="38" />
        <source>This is not a club card: its number is not one of the club's.</source>
        <translation>Це не клубна картка: її номер не з номерів клубу.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="41" />
        <source>The card was not read completely: tap or swipe it again.</source>
        <translation>Картку зчитано не повністю: прикладіть або проведіть її ще раз.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="50" />
        <source>this card is not in the club's cache</source>
        <extracomment>The use cases' errors by code (terminal.services.errors): English templates whose {fields} the error's params fill in. A translation may leave out a field whose value is English (an action, a role).</extracomment>
        <translation>Цієї картки немає в базі клубу</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="51" />
        <source>the cache holds no loyalty program yet: sync with the office or load demo data</source>
        <translation>У базі каси ще немає програми лояльності: синхронізуйтеся з офісом або завантажте демо-дані</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="55" />
        <source>{what} needs a personalised card</source>
        <translation>Для цієї операції потрібна іменна картка</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="56" />
        <source>wrong PIN; {attempts_left} attempt(s) before a lock-out</source>
        <translation>Неправильний PIN-код; до блокування залишилося спроб: {attempts_left}</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="59" />
        <source>too many wrong PINs; try again after {until}</source>
        <translation>Забагато неправильних PIN-кодів; спробуйте знову після {until}</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="60" />
        <source>{action} needs a supervisor, not a {role}</source>
        <translation>Це може зробити лише старший зміни</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="61" />
        <source>a purchase above {limit} needs a supervisor's confirmation with their PIN</source>
        <translation>покупку на суму понад {limit} підтверджує старший зміни своїм PIN-кодом</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="64" />
        <source>a PIN for this role is {least} to 12 digits</source>
        <translation>PIN-код для цієї ролі — від {least} до 12 цифр</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="65" />
        <source>PIN accepted: now tap your own staff card</source>
        <translation>PIN-код прийнято: тепер прикладіть свою картку працівника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="68" />
        <source>that is not your staff card: type your PIN again and tap your own card</source>
        <translation>це не ваша картка працівника: введіть PIN-код знову та прикладіть свою картку</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="71" />
        <source>no staff card was tapped in time: type your PIN again</source>
        <translation>картку працівника не приклали вчасно: введіть PIN-код знову</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="74" />
        <source>a supervisor chooses their name, types their PIN, then taps their card</source>
        <translation>старший зміни обирає своє ім'я, вводить PIN-код, потім прикладає свою картку</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="77" />
        <source>no such member of staff on this till</source>
        <translation>На цій касі немає такого працівника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="78" />
        <source>the office does not let this member of staff work at this till</source>
        <translation>Офіс не дозволяє цьому працівникові працювати на цій касі</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="81" />
        <source>the shift of {owner} (opened {opened}) is still open: a supervisor logs in to close it and print its report</source>
        <translation>Зміна працівника {owner} (відкрита {opened}) ще не закрита: старший зміни входить, щоб закрити її та надрукувати звіт</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="86" />
        <source>no such receipt in the print queue</source>
        <translation>Такого чека немає в черзі друку</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="87" />
        <source>no receipt was printed in this shift yet: nothing to reprint</source>
        <translation>У цій зміні ще не друкували чеків: повторювати нічого</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="90" />
        <source>{text} is not a number of points: type digits, e.g. 150 or 12.5</source>
        <translation>{text} — не число балів: введіть цифри, наприклад 150 або 12,5</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="93" />
        <source>no purchase with this receipt code</source>
        <translation>Покупки з таким кодом чека немає</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="94" />
        <source>two purchases have this receipt code: scan the QR code instead</source>
        <translation>у двох покупок такий код чека: відскануйте QR-код</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="97" />
        <source>this till has no purchase with this receipt code, and the office, which knows the other tills' sales, cannot be reached just now: try again in a moment</source>
        <translation>На цій касі покупки з таким кодом чека немає, а офіс, який знає продажі інших кас, зараз недоступний: спробуйте трохи згодом</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="102" />
        <source>this card cannot be used: see its state</source>
        <translation>Цю картку не можна використати: перегляньте її стан</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="103" />
        <source>no gift {gift} in the catalogue</source>
        <translation>Подарунка {gift} немає в каталозі</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="104" />
        <source>no birthday gift is due to this member</source>
        <translation>Цьому учасникові подарунок до дня народження не належить</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="105" />
        <source>already given for this birthday ({year}): a member gets one birthday gift per birthday</source>
        <translation>уже видано за цей день народження ({year}): учасник отримує один подарунок на кожен день народження</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="109" />
        <source>the member has too few points for this reward</source>
        <translation>В учасника недостатньо балів для цього подарунка</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="110" />
        <source>write down the reason: it is required and kept</source>
        <translation>Вкажіть причину: вона обов'язкова і зберігається</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="113" />
        <source>{points} is not a number of points to adjust by</source>
        <translation>{points} — не число балів для коригування</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="114" />
        <source>write down what the member said</source>
        <translation>Запишіть, що сказав учасник</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="115" />
        <source>only a new (not activated) bearer card can be activated</source>
        <translation>Активувати можна лише нову (не активовану) картку на пред'явника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="118" />
        <source>the new card must be a new, unissued card</source>
        <translation>Нова картка має бути новою, ще не виданою</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="119" />
        <source>only a blocked card can be unblocked</source>
        <translation>розблокувати можна лише заблоковану картку</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="120" />
        <source>no member with this phone in the cache</source>
        <translation>Учасника з таким телефоном немає в базі</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="121" />
        <source>type the member's full name</source>
        <translation>введіть прізвище, ім'я та по батькові учасника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="122" />
        <source>the name is too long</source>
        <translation>задовге ім'я</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="123" />
        <source>the member must consent to the processing of their personal data: without it they cannot be registered</source>
        <translation>потрібна згода учасника на обробку персональних даних: без неї реєстрація неможлива</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="128" />
        <source>this is not a phone number: type it with the code, e.g. +7 916 123-45-67</source>
        <translation>це не номер телефону: введіть його з кодом, наприклад +380 50 123 45 67</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="131" />
        <source>{text} is not a birthday: type it as DD.MM.YYYY, e.g. 21.03.1985</source>
        <translation>{text} — не дата народження: введіть ДД.ММ.РРРР, наприклад 21.03.1985</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="134" />
        <source>this is a bank card, not a club card: give the member a club card</source>
        <translation>це банківська картка, а не клубна: видайте учаснику клубну картку</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="137" />
        <source>this is not a club card: its number is not one of the club's</source>
        <translation>це не клубна картка: її номер не з номерів клубу</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="140" />
        <source>this till is not enrolled with the office yet: members can be registered once store IT has enrolled it</source>
        <translation>каса ще не зареєстрована в офісі: учасників можна реєструвати після того, як ІТ магазину її підключить</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="145" />
        <source>read the new club card first: tap or swipe it</source>
        <translation>спочатку зчитайте нову клубну картку: прикладіть або проведіть її</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="148" />
        <source>this card is already in the club: it cannot be given to a new member</source>
        <translation>ця картка вже є в клубі: її не можна видати новому учаснику</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="151" />
        <source>this operation is not waiting for review any more</source>
        <translation>ця операція більше не чекає перевірки</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="154" />
        <source>The till's cache is busy (another program is writing to it): nothing was recorded. Try again in a moment; if it goes on, call IT.</source>
        <translation>База каси зайнята (в неї пише інша програма): нічого не записано. Повторіть за хвилину; якщо не вдається, зателефонуйте в ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="159" />
        <source>The till's disk is full: nothing was recorded. Call IT to free space, then try again.</source>
        <translation>Диск каси заповнений: нічого не записано. Зателефонуйте в ІТ, щоб звільнили місце, і повторіть.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="163" />
        <source>The till's cache could not be used: nothing was recorded. Try again; if it goes on, call IT.</source>
        <translation>Не вдалося звернутися до бази каси: нічого не записано. Повторіть; якщо не вдається, зателефонуйте в ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="173" />
        <source>The office refused points spent without its authorisation beyond the offline limit for one operation: call IT.</source>
        <extracomment>Why the office refused an operation (its result's ``code``), for the supervisor's list of operations for review.</extracomment>
        <translation>Офіс відхилив списання балів без його підтвердження понад офлайн-ліміт на одну операцію: зателефонуйте в ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="178" />
        <source>The office rejected this member's registration at this till, so nothing is applied to them: register the person again.</source>
        <translation>Офіс відхилив реєстрацію цього учасника на цій касі, тому нічого до нього не застосовано: зареєструйте людину знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="183" />
        <source>The office could not read the operation (a fault of the till): call IT.</source>
        <translation>Офіс не зміг прочитати операцію (помилка каси): викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="186" />
        <source>The office has another operation with the same id: call IT.</source>
        <translation>В офісі вже є інша операція з тим самим номером: викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="189" />
        <source>The office does not know this kind of operation yet: call IT.</source>
        <translation>Офіс поки не знає такого виду операції: викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="192" />
        <source>The office does not know this member (deleted, or not registered).</source>
        <translation>Офіс не знає цього учасника (видалений або не зареєстрований).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="195" />
        <source>The office does not know this card.</source>
        <translation>Офіс не знає цієї картки.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="196" />
        <source>The purchase this return reverses was refused by the office.</source>
        <translation>Покупку, до якої належить повернення, офіс відхилив.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="199" />
        <source>The member was registered with ids of another till (was the till enrolled again?): call IT.</source>
        <translation>Учасника зареєстровано з номерами іншої каси (касу реєстрували знову?): викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="204" />
        <source>The office already has a member or card with this id: call IT.</source>
        <translation>В офісі вже є учасник або картка з цим номером: викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="207" />
        <source>The card belongs to someone else at the office: give the member another card and register them again.</source>
        <translation>В офісі ця картка належить іншому: видайте учаснику іншу картку і зареєструйте його знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="212" />
        <source>The office does not know the member of staff who made it: staff are made at the office; call IT.</source>
        <translation>Офіс не знає працівника, який її провів: працівників заводять в офісі; зателефонуйте в ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="217" />
        <source>The member of staff who made it was deactivated at the office.</source>
        <translation>Працівника, який її провів, вимкнено в офісі.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="220" />
        <source>The member of staff who made it may not work at this till (office's list).</source>
        <translation>Працівникові, який її провів, не дозволено працювати на цій касі (список офісу).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="223" />
        <source>It needs a supervisor's authorisation, and the office did not find one.</source>
        <translation>Потрібне підтвердження старшого касира, а офіс його не знайшов.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="226" />
        <source>Another till sent an operation with the same id: this one was not applied. Call IT.</source>
        <translation>Інша каса надіслала операцію з тим самим номером: цю не проведено. Викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="230" />
        <source>The office worked the figures out again and they differ (discount, points or money): nothing was applied. Call IT.</source>
        <translation>Офіс перерахував суми, і вони не збіглися (знижка, бали чи гроші): нічого не проведено. Викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="235" />
        <source>The member's tier, discount or birthday on this till was not the office's: the operation was not applied. Sync the till and record it again.</source>
        <translation>Рівень, знижка чи день народження учасника на касі не збіглися з офісом: операцію не проведено. Синхронізуйте касу й проведіть її знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="240" />
        <source>The office does not know the program version this till used: sync the till and record it again.</source>
        <translation>Офіс не знає версії програми, за якою рахувала каса: синхронізуйте касу й проведіть операцію знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="245" />
        <source>The office refused impossible figures (a negative amount, too large a purchase, a wrong count): call IT.</source>
        <translation>Офіс відхилив неможливі суми (від'ємна сума, завелика покупка, хибний лік): викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="250" />
        <source>The purchase was returned already (at this or another till).</source>
        <translation>Покупку вже повернуто (на цій чи іншій касі).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="253" />
        <source>The office has no such gift.</source>
        <translation>В офісі немає такого подарунка.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="254" />
        <source>The office says this birthday gift was handed out already.</source>
        <translation>За даними офісу цей подарунок на день народження вже видано.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="257" />
        <source>The office needs the reason written down.</source>
        <translation>Офісу потрібна записана причина.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="258" />
        <source>The adjustment is above the office's limit for one operation.</source>
        <translation>Коригування більше за межу офісу на одну операцію.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="261" />
        <source>The supervisor has adjusted as many points today as the office allows.</source>
        <translation>Старший касир уже скоригував сьогодні стільки балів, скільки дозволяє офіс.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="265" />
        <source>The card's state at the office does not allow this (e.g. it is blocked, or already active).</source>
        <translation>Стан картки в офісі цього не дозволяє (наприклад, вона заблокована або вже активна).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="270" />
        <source>The new card is not a free card at the office: use another card.</source>
        <translation>В офісі нова картка не вільна: візьміть іншу картку.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="273" />
        <source>The card belongs to another member at the office.</source>
        <translation>В офісі ця картка належить іншому учасникові.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="276" />
        <source>The card's number is a bank card's: give the member a club card and register them again.</source>
        <translation>Номер картки — номер банківської картки: видайте учасникові клубну картку й зареєструйте його знову.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="280" />
        <source>The office refused the request: call IT.</source>
        <translation>Офіс відхилив запит: викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="282" />
        <source>The office refused it: call IT.</source>
        <translation>Офіс відхилив операцію: викличте ІТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="287" />
        <source>Type the amount.</source>
        <extracomment>The rules' errors most often met at the till, by code (terminal.loyalty.errors), for languages other than English (English shows the rules' own, more detailed, text).</extracomment>
        <translation>Введіть суму.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="288" />
        <source>This is not an amount: use digits and one decimal separator.</source>
        <translation>Це не сума: використовуйте цифри й один десятковий роздільник.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="291" />
        <source>An amount cannot be negative.</source>
        <translation>Сума не може бути від'ємною.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="292" />
        <source>An amount has at most two decimal places.</source>
        <translation>У сумі не більше двох знаків після коми.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="295" />
        <source>This amount is too large.</source>
        <translation>Завелика сума.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="296" />
        <source>The amount must be more than zero.</source>
        <translation>Сума має бути більшою за нуль.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="297" />
        <source>This amount is more than the program allows for one purchase.</source>
        <translation>Сума більша, ніж програма дозволяє для однієї покупки.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="300" />
        <source>Points to spend cannot be negative.</source>
        <translation>Балів для списання не може бути менше нуля.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="301" />
        <source>A bearer card cannot pay with points.</source>
        <translation>Карткою на пред'явника не можна платити балами.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="302" />
        <source>Spend points in the program's steps.</source>
        <translation>Списуйте бали кроками, які задає програма.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="303" />
        <source>More points than may pay for this receipt: spend fewer.</source>
        <translation>Стільки балів не можна списати на цей чек: спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="306" />
        <source>This return cannot be made: nothing left to return, or more than bought.</source>
        <translation>Таке повернення неможливе: повертати нічого або більше, ніж куплено.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="42" />
        <source>No connection to the office: gifts cannot be handed out offline. Try again when the till is back online.</source>
        <translation>Немає зв'язку з офісом: подарунки без зв'язку не видаються. Повторіть, коли зв'язок з'явиться.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="47" />
        <source>No connection to the office and the member data is too old to spend points. The purchase can go ahead without spending points.</source>
        <translation>Немає зв'язку з офісом, а дані учасника застарілі для списання балів. Покупку можна провести без списання.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="52" />
        <source>No connection to the office: at most {cap} points can be spent in one purchase. Spend fewer points.</source>
        <translation>Немає зв'язку з офісом: за одну покупку можна списати не більше {cap} балів. Спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="57" />
        <source>No connection to the office: this card can spend only {left} more points until the till is back online. Spend fewer points.</source>
        <translation>Немає зв'язку з офісом: з цієї картки можна списати ще лише {left} балів, доки зв'язок не з'явиться. Спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="62" />
        <source>The card has only {left} points (counting purchases not yet sent to the office). Spend fewer points.</source>
        <translation>На картці лише {left} балів (з урахуванням покупок, ще не надісланих до офісу). Спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="67" />
        <source>No connection to the office: this till can spend only {left} more points until it is back online. Spend fewer points.</source>
        <translation>Немає зв'язку з офісом: на цій касі можна списати ще лише {left} балів, доки зв'язок не з'явиться. Спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="72" />
        <source>The office refuses: this card has only {left} points available now (they may have been spent at another till just now). Spend fewer points.</source>
        <translation>Офіс відмовив: на картці зараз доступно лише {left} балів (можливо, їх щойно списали на іншій касі). Спишіть менше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="77" />
        <source>The office refuses: this card cannot spend points now (the office has it blocked or under another member). Call a supervisor.</source>
        <translation>Офіс відмовив: з цієї картки зараз не можна списувати бали (в офісі її заблоковано або вона належить іншому учаснику). Покличте старшого зміни.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="82" />
        <source>The office allows each supervisor only so many points of adjustments a day: {left} points are left for you today. Adjust by less, or ask the office.</source>
        <translation>Офіс дозволяє кожному старшому касирові лише стільки коригувань балів на день: на сьогодні у вас лишилося {left} балів. Скоригуйте на менше або зверніться до офісу.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="87" />
        <source>The office allows at most {cap} points in one adjustment. Adjust by less, or ask the office.</source>
        <translation>Офіс дозволяє не більше {cap} балів за одне коригування. Скоригуйте на менше або зверніться до офісу.</translation>
    </message>
</context>
</TS>