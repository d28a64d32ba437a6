<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActionRunner</name>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="109" />
        <source>Give a gift</source>
        <extracomment>The actions that ask first, with the figures.</extracomment>
        <translation>Выдать подарок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="110" />
        <source>Return (receipt code)</source>
        <translation>Возврат (код чека)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="111" />
        <source>Adjust points</source>
        <translation>Корректировка баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="112" />
        <source>Record a complaint or suggestion</source>
        <translation>Записать жалобу или предложение</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="113" />
        <source>Block the card</source>
        <translation>Заблокировать карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="114" />
        <source>Unblock the card</source>
        <translation>Разблокировать карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="115" />
        <source>Activate the bearer card</source>
        <translation>Активировать карту на предъявителя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="116" />
        <source>Replace the card</source>
        <translation>Заменить карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="123" />
        <source>Receipt code (scan the QR)</source>
        <translation>Код чека (отсканируйте QR)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="124" />
        <source>Amount returned (empty: all)</source>
        <translation>Сумма возврата (пусто: всё)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="126" />
        <source>Points (+ or -)</source>
        <translation>Баллы (+ или -)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="126" />
        <source>Reason (required)</source>
        <translation>Причина (обязательно)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="127" />
        <source>What the member said</source>
        <translation>Что сказал участник</translation>
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
        <translation>Новая карта: приложите её или введите номер или UID</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="136" />
        <source>Purchase %1 of %2: %3, returned so far %4. Type the amount returned (empty: all %5) and press Enter to return.</source>
        <translation>Покупка %1 от %2: %3, уже возвращено %4. Введите сумму возврата (пусто: всё, %5) и нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="148" />
        <source>This card is not in the club. To register a member with it, close supervisor mode (Esc) and tap it again.</source>
        <translation>Этой карты нет в клубе. Чтобы зарегистрировать по ней участника, закройте режим старшего (Esc) и приложите её снова.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="155" />
        <source>Card %1 was read: supervisor mode still acts on %2 shown above. To act on the other card, close supervisor mode (Esc) and tap it.</source>
        <translation>Считана карта %1: режим старшего по-прежнему работает с картой %2, показанной выше. Чтобы работать с другой картой, закройте режим старшего (Esc) и приложите её.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="163" />
        <source>Present the member's card first: tap or swipe it on the reader.</source>
        <translation>Сначала предъявите карту участника: приложите или проведите её через считыватель.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="188" />
        <source>Type fewer points.</source>
        <translation>Введите меньше баллов.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="220" />
        <location filename="../../terminal/ui/member_action_run.py" line="225" />
        <source>Scan or type the receipt code.</source>
        <translation>Отсканируйте или введите код чека.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="235" />
        <source>Choose a gift.</source>
        <translation>Выберите подарок.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="185" />
        <location filename="../../terminal/ui/member_action_run.py" line="245" />
        <source>Points: type a number, e.g. 100 or -50.</source>
        <translation>Баллы: введите число, например 100 или -50.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_action_run.py" line="250" />
        <source>Type or scan the new card's number.</source>
        <translation>Введите или отсканируйте номер новой карты.</translation>
    </message>
</context>
<context>
    <name>CheckoutPanel</name>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="125" />
        <location filename="../../terminal/ui/checkout_panel.py" line="126" />
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="127" />
        <source>Points to spend</source>
        <translation>Списать баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="128" />
        <source>Confirm (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="129" />
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="130" />
        <source>Receipt (F2)</source>
        <translation>Чек (F2)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="131" />
        <source>All (F4)</source>
        <translation>Все (F4)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="132" />
        <source>Replace (Enter)</source>
        <translation>Заменить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="133" />
        <source>Keep this checkout (Esc)</source>
        <translation>Оставить эту покупку (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="189" />
        <source>a card without a member</source>
        <translation>карта без участника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="194" />
        <source>Another card was read: %1. Replace %2 in this checkout?</source>
        <translation>Считана другая карта: %1. Заменить %2 в этой покупке?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="34" />
        <source>An amount cannot be negative: type what the goods cost.</source>
        <translation>Сумма не может быть отрицательной: введите стоимость товаров.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="37" />
        <source>At most two decimals: type e.g. %1.</source>
        <translation>Не больше двух знаков после запятой: введите, например, %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="40" />
        <source>That amount is far too large: check it, type what the goods cost.</source>
        <translation>Слишком большая сумма: проверьте её и введите стоимость товаров.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="51" />
        <source>The amount must be more than zero: type what the goods cost.</source>
        <translation>Сумма должна быть больше нуля: введите стоимость товаров.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="84" />
        <source>At most %1 points can pay for this receipt: type %1 or fewer.</source>
        <translation>Этот чек можно оплатить не больше чем %1 баллами: введите %1 или меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="88" />
        <source>Points are spent in steps of %1: type a multiple of %1.</source>
        <translation>Баллы списываются шагами по %1: введите число, кратное %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="92" />
        <source>A bearer card cannot pay with points: leave 0.</source>
        <translation>Картой на предъявителя нельзя платить баллами: оставьте 0.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="46" />
        <source>Not an amount: type digits and one decimal separator, e.g. %1.</source>
        <translation>Это не сумма: введите цифры и один десятичный разделитель, например %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_amount.py" line="55" />
        <source>Above the largest purchase the program allows (%1): check the amount.</source>
        <translation>Больше самой крупной покупки, которую допускает программа (%1): проверьте сумму.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="298" />
        <source>Points: type a number</source>
        <translation>Баллы: введите число</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="310" />
        <source>To pay: %1</source>
        <translation>К оплате: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="312" />
        <source>Points earned: %1 · balance after: %2</source>
        <translation>Начислено баллов: %1 · остаток: %2</translation>
    </message>
</context>
<context>
    <name>ConfirmationLogin</name>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="30" />
        <source>Confirm (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
</context>
<context>
    <name>LockoutPanel</name>
    <message>
        <location filename="../../terminal/ui/lockout_panel.py" line="48" />
        <source>Locked out after wrong PINs</source>
        <translation>Заблокированы после неверных PIN-кодов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/lockout_panel.py" line="49" />
        <source>Lift the lock-out</source>
        <translation>Снять блокировку</translation>
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
        <translation>Старший кассир: снять блокировку по PIN (Esc — назад)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="101" />
        <source>Till locked: %1 is on a break. Their PIN opens it again.</source>
        <translation>Касса закрыта: %1 на перерыве. Откроет своим PIN.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="107" />
        <source>Start of shift</source>
        <translation>Начало смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="107" />
        <source>Supervisor</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="109" />
        <source>Locked out after wrong PINs? A supervisor helps: F9</source>
        <translation>Заблокированы после неверных PIN? Поможет старший кассир: F9</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="110" />
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="112" />
        <source>Type the PIN again (Enter)</source>
        <translation>Ввести PIN-код снова (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="114" />
        <source>Log in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="118" />
        <source>PIN accepted. %1, now tap your own staff card on the reader.</source>
        <translation>PIN-код принят. %1, теперь приложите свою карту сотрудника к считывателю.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="220" />
        <source>No staff on this till yet: call store IT to add them.</source>
        <translation>На этой кассе ещё нет сотрудников: вызовите ИТ магазина, чтобы их добавить.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="258" />
        <source>Nobody is locked out now: Esc goes back.</source>
        <translation>Сейчас никто не заблокирован: Esc — назад.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="279" />
        <source>Wrong PIN: type it again. %1 attempt(s) left.</source>
        <translation>Неверный PIN-код: введите его снова. Осталось попыток: %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="272" />
        <source>Lock-out lifted: log in with your PIN.</source>
        <translation>Блокировка снята: войдите со своим PIN.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="285" />
        <source>Too many wrong PINs. Try again after %1.</source>
        <translation>Слишком много неверных PIN-кодов. Попробуйте снова после %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="164" />
        <source>Loyalty terminal</source>
        <translation>Терминал лояльности</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="203" />
        <source>A copy of the last receipt is printing.</source>
        <translation>Печатается копия последнего чека.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="76" />
        <source>Tap or swipe the club card</source>
        <translation>Приложите или проведите клубную карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="78" />
        <source>Phone, card number or surname</source>
        <translation>Телефон, номер карты или фамилия</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="81" />
        <source>Reprint the last receipt (F10)</source>
        <translation>Копия последнего чека (F10)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="84" />
        <source>Break: lock the till (F11)</source>
        <translation>Перерыв: закрыть кассу (F11)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="86" />
        <source>End of shift (F12)</source>
        <translation>Конец смены (F12)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="126" />
        <source>Nobody found for «%1». Check the phone number or the surname, or ask for the card.</source>
        <translation>Никого не нашли по «%1». Проверьте номер телефона или фамилию либо попросите карту.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/message_page.py" line="46" />
        <source>Supervisor: register a member with this card (F9)</source>
        <translation>Старший смены: зарегистрировать участника с этой картой (F9)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="71" />
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="72" />
        <source>supervisor</source>
        <translation>старший кассир</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="73" />
        <source>store admin</source>
        <translation>администратор магазина</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="109" />
        <source>Readers: %1</source>
        <translation>Считыватели: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="114" />
        <source>Readers: none</source>
        <translation>Считыватели: нет</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="119" />
        <source>Printer: ready</source>
        <translation>Принтер: готов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="120" />
        <source>Printer: OFFLINE</source>
        <translation>Принтер: НЕ В СЕТИ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="121" />
        <source>Printer: OUT OF PAPER</source>
        <translation>Принтер: НЕТ БУМАГИ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="124" />
        <source>Printer: COVER OPEN</source>
        <translation>Принтер: ОТКРЫТА КРЫШКА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="127" />
        <source>Printer: not answering</source>
        <translation>Принтер: не отвечает</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="130" />
        <source>Printer: error</source>
        <translation>Принтер: ошибка</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="131" />
        <source>Printer: none configured</source>
        <translation>Принтер: не настроен</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="136" />
        <source>Printer: …</source>
        <translation>Принтер: …</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/status_bar.py" line="140" />
        <source>%1 receipt(s) waiting</source>
        <translation>чеков в очереди: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/search_page.py" line="141" />
        <source>This member has no card.</source>
        <translation>У участника нет карты.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_completion.py" line="38" />
        <source>Done. To pay %1 · points earned %2 · balance %3</source>
        <translation>Готово. К оплате %1 · начислено %2 · остаток %3</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="106" />
        <source>Do it (Enter)</source>
        <translation>Выполнить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="343" />
        <source>Done: operation %1 recorded.</source>
        <translation>Готово: операция %1 записана.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="347" />
        <source>Give back %1</source>
        <translation>Вернуть покупателю %1</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="54" />
        <source>Bearer card</source>
        <translation>Карта на предъявителя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="58" />
        <source>Address as: %1</source>
        <translation>Обращение: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="61" />
        <source>Birthday! Congratulate %1</source>
        <translation>День рождения! Поздравьте: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="63" />
        <source>gift available</source>
        <translation>положен подарок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="75" />
        <source>Tier: %1</source>
        <translation>Уровень: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="78" />
        <source>%1 to %2</source>
        <translation>ещё %1 до уровня %2</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="84" />
        <source>Discount: %1%</source>
        <translation>Скидка: %1%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="87" />
        <source>Points: %1</source>
        <translation>Баллы: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="90" />
        <source>(%1 not yet sent)</source>
        <translation>(%1 ещё не отправлено)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="94" />
        <source>Priority service</source>
        <translation>Приоритетное обслуживание</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="96" />
        <source>Personal manager: %1</source>
        <translation>Персональный менеджер: %1</translation>
    </message>
</context>
<context>
    <name>NumberPad</name>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="99" />
        <source>Enter</source>
        <translation>Ввод</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="100" />
        <source>Delete the last character</source>
        <translation>Стереть последний знак</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/numpad.py" line="102" />
        <source>Clear the field</source>
        <translation>Очистить поле</translation>
    </message>
</context>
<context>
    <name>OfficeStatus</name>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="65" />
        <source>Office: not enrolled</source>
        <translation>Офис: касса не зарегистрирована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="69" />
        <source>Office: connecting…</source>
        <translation>Офис: подключение…</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="70" />
        <source>Office: online</source>
        <translation>Офис: на связи</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="71" />
        <source>Office: downloading members</source>
        <translation>Офис: загрузка участников</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="72" />
        <source>Office: OFFLINE</source>
        <translation>Офис: НЕТ СВЯЗИ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="73" />
        <source>Office: SYNC STOPPED, call store IT</source>
        <translation>Офис: ОБМЕН ОСТАНОВЛЕН, вызовите ИТ магазина</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="77" />
        <source>%1 to send</source>
        <translation>к отправке: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="79" />
        <source>%1 for review</source>
        <translation>на проверку: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="81" />
        <source>last sync %1</source>
        <translation>последний обмен %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="83" />
        <source>clock is off</source>
        <translation>часы неточны</translation>
    </message>
</context>
<context>
    <name>Question</name>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="70" />
        <source>Confirm (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="71" />
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="81" />
        <source>Block card %1 of %2? Reason: %3.</source>
        <translation>Заблокировать карту %1 участника %2? Причина: %3.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="88" />
        <source>Add %1 points to %2: balance %3 → %4?</source>
        <translation>Начислить %1 баллов участнику %2: баланс %3 → %4?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="90" />
        <source>Take %1 points from %2: balance %3 → %4?</source>
        <translation>Списать %1 баллов у участника %2: баланс %3 → %4?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="104" />
        <source>The office's limit: %1 points in one adjustment, %2 left today.</source>
        <translation>Лимит офиса: %1 баллов за одну корректировку, на сегодня осталось %2.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="111" />
        <source>Replace card %1 of %2 with the new card %3? The old card stops working.</source>
        <translation>Заменить карту %1 участника %2 новой картой %3? Старая карта перестанет действовать.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="119" />
        <source>Return %1 of purchase %2: give back %3?</source>
        <translation>Возврат %1 по покупке %2: вернуть покупателю %3?</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_questions.py" line="126" />
        <source>This is more than %1: check the amount against the receipt.</source>
        <translation>Это больше %1: сверьте сумму с чеком.</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="100" />
        <source>Register a member with this card</source>
        <translation>Регистрация участника с этой картой</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="104" />
        <source>Full name</source>
        <translation>Фамилия, имя, отчество</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="105" />
        <source>How to address them</source>
        <translation>Как обращаться</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="106" />
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="107" />
        <source>Birthday (DD.MM.YYYY)</source>
        <translation>День рождения (ДД.ММ.ГГГГ)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="112" />
        <source>e.g. Anna Petrovna (empty: the full name)</source>
        <translation>например, Анна Петровна (пусто: полное имя)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="116" />
        <source>Consents to the processing of personal data (required)</source>
        <translation>Согласие на обработку персональных данных (обязательно)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="118" />
        <source>Consents to receiving offers and news (optional)</source>
        <translation>Согласие на получение предложений и новостей (по желанию)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="123" />
        <source>Register (Enter)</source>
        <translation>Зарегистрировать (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="124" />
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/registration_page.py" line="154" />
        <source>Another card was read: this form registers the card read first. Register it, or cancel (Esc) and tap the other card.</source>
        <translation>Считана другая карта: эта анкета регистрирует карту, считанную первой. Завершите регистрацию или отмените (Esc) и приложите другую карту.</translation>
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
        <translation>Продажи</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="60" />
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="61" />
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="62" />
        <source>Returns</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="63" />
        <source>Money returned</source>
        <translation>Возвращено денег</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="64" />
        <source>Gifts</source>
        <translation>Подарки</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="65" />
        <source>Points earned</source>
        <translation>Начислено баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="66" />
        <source>Points spent</source>
        <translation>Списано баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="68" />
        <source>Points adjustments</source>
        <translation>Корректировки баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="75" />
        <source>Close the shift and print its report (Enter)</source>
        <translation>Закрыть смену и напечатать отчёт (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="76" />
        <source>Back to the till (Esc)</source>
        <translation>Назад к кассе (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="79" />
        <source>End of shift</source>
        <translation>Конец смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="81" />
        <source>End of shift: %1, since %2</source>
        <translation>Конец смены: %1, с %2</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/shift_end_page.py" line="99" />
        <source>%1 operation(s) not yet at the office: they are sent by themselves.</source>
        <translation>Операций ещё не в офисе: %1. Они отправятся сами.</translation>
    </message>
</context>
<context>
    <name>SupervisorConfirmation</name>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="84" />
        <source>Back to the checkout (Esc)</source>
        <translation>Назад к покупке (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_confirmation.py" line="90" />
        <source>Purchase of %1 is above %2: a supervisor confirms with their PIN</source>
        <translation>Покупка на %1 — больше %2: подтверждает старший смены своим PIN-кодом</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="120" />
        <source>Supervisor</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="121" />
        <source>Receipts and reports (newest first)</source>
        <translation>Чеки и отчёты (сначала новые)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="122" />
        <source>Reprint (Enter)</source>
        <translation>Напечатать копию (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="123" />
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="124" />
        <source>Close the shift and print its report</source>
        <translation>Закрыть смену и напечатать отчёт</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="125" />
        <source>Send again to the office</source>
        <translation>Отправить в офис снова</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="173" />
        <source>Supervisor mode closes in %1 s — press any key or touch to stay</source>
        <translation>Режим старшего закроется через %1 с — нажмите любую клавишу или коснитесь экрана, чтобы остаться</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="259" />
        <source>waiting</source>
        <translation>ждёт печати</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="260" />
        <source>printing</source>
        <translation>печатается</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="261" />
        <source>printed</source>
        <translation>напечатан</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="262" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="295" />
        <source>Refused by the office, for review: %1</source>
        <translation>Отклонено офисом, на проверку: %1</translation>
    </message>
</context>
<context>
    <name>WhoseCard</name>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="80" />
        <source>No card: present the member's card (tap or swipe it) to act on it.</source>
        <translation>Карты нет: предъявите карту участника (приложите или проведите её), чтобы работать с ней.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="85" />
        <source>bearer card</source>
        <translation>карта на предъявителя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="87" />
        <source>%1 · card %2 · balance %3 points</source>
        <translation>%1 · карта %2 · баланс %3 баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="97" />
        <source>Last operations: %1</source>
        <translation>Последние операции: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="99" />
        <source>No operations at this till yet.</source>
        <translation>На этой кассе операций ещё не было.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="108" />
        <source>%1 points</source>
        <translation>%1 баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="113" />
        <source>BLOCKED</source>
        <translation>ЗАБЛОКИРОВАНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="114" />
        <source>not activated</source>
        <translation>не активирована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="115" />
        <source>LOST</source>
        <translation>УТЕРЯНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="116" />
        <source>EXPIRED</source>
        <translation>ПРОСРОЧЕНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="117" />
        <source>REPLACED</source>
        <translation>ЗАМЕНЕНА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="123" />
        <source>purchase</source>
        <translation>покупка</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="124" />
        <source>purchase with points</source>
        <translation>покупка с оплатой баллами</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="125" />
        <source>return</source>
        <translation>возврат</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="126" />
        <source>gift</source>
        <translation>подарок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="127" />
        <source>points adjustment</source>
        <translation>корректировка баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="128" />
        <source>feedback</source>
        <translation>отзыв</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="129" />
        <source>card blocked</source>
        <translation>карта заблокирована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="130" />
        <source>card unblocked</source>
        <translation>карта разблокирована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="131" />
        <source>card activated</source>
        <translation>карта активирована</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="132" />
        <source>card replaced</source>
        <translation>карта заменена</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="133" />
        <source>member registered</source>
        <translation>регистрация участника</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="134" />
        <source>shift report</source>
        <translation>отчёт за смену</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/whose_card.py" line="135" />
        <source>test page</source>
        <translation>тестовая страница</translation>
    </message>
</context>
<context>
    <name>explanations</name>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="22" />
        <source>Card discount {pct}%: -{amount}</source>
        <translation>Скидка по карте {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="25" />
        <source>{tier} tier discount {pct}%: -{amount}</source>
        <translation>Скидка уровня {tier} {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="28" />
        <source>Progressive discount {pct}% after {purchases} purchases: -{amount}</source>
        <translation>Накопительная скидка {pct}% после {purchases} покупок: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="31" />
        <source>The {best} discount {best_pct}% is better than the {other} {other_pct}%</source>
        <translation>Скидка ({best}) {best_pct}% выгоднее, чем ({other}) {other_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="35" />
        <source>Discounts applied one after another: {pct}% in total, -{amount}</source>
        <translation>Скидки применены одна за другой: всего {pct}%, -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="38" />
        <source>Capped by the program maximum {max_pct}%: discount reduced by {amount}</source>
        <translation>Ограничено максимумом программы {max_pct}%: скидка уменьшена на {amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="41" />
        <source>Progressive discount has reached its maximum {cap_pct}%</source>
        <translation>Накопительная скидка достигла максимума {cap_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="44" />
        <source>Bearer card: card discount only, no points</source>
        <translation>Карта на предъявителя: только скидка по карте, без баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="47" />
        <source>Points pay at most {share_pct}% of the receipt: up to {points}</source>
        <translation>Баллами можно оплатить не больше {share_pct}% чека: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="50" />
        <source>Points balance {balance}: up to {points}</source>
        <translation>Баланс баллов {balance}: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="53" />
        <source>Points balance is negative ({balance}): no points can be spent</source>
        <translation>Баланс баллов отрицательный ({balance}): списать нельзя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="56" />
        <source>Paid with {points} points: -{amount}</source>
        <translation>Оплачено баллами ({points}): -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="59" />
        <source>Points earned: {pct}% of {paid} ({tier}): +{points}</source>
        <translation>Начислено баллов: {pct}% от {paid} ({tier}): +{points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="62" />
        <source>Birthday: points x{multiplier}</source>
        <translation>День рождения: баллы x{multiplier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="65" />
        <source>No points below {minimum}</source>
        <translation>Баллы не начисляются при сумме меньше {minimum}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="68" />
        <source>Birthday gift available</source>
        <translation>Положен подарок ко дню рождения</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="69" />
        <source>This purchase moves the member up to {tier}</source>
        <translation>С этой покупкой участник переходит на уровень {tier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="81" />
        <source>card</source>
        <translation>по карте</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="82" />
        <source>tier</source>
        <translation>уровня</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="83" />
        <source>progressive</source>
        <translation>накопительная</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../terminal/services/messages.py" line="18" />
        <source>Card not activated: a supervisor activates it.</source>
        <translation>Карта не активирована: её активирует старший смены.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="21" />
        <source>Card BLOCKED: do not accept it; the member calls the club.</source>
        <translation>Карта ЗАБЛОКИРОВАНА: не принимайте её; участник звонит в клуб.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="24" />
        <source>Card reported LOST: keep it, ask for ID, call a supervisor.</source>
        <translation>Карта заявлена как УТЕРЯННАЯ: оставьте её у себя, попросите документ, позовите старшего смены.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="27" />
        <source>Card EXPIRED: offer a replacement card.</source>
        <translation>Срок карты ИСТЁК: предложите замену карты.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="28" />
        <source>Card REPLACED by a newer card: ask for the new one.</source>
        <translation>Карта ЗАМЕНЕНА новой: попросите новую карту.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="32" />
        <source>This is a bank card, not a club card. Ask for the club card.</source>
        <translation>Это банковская карта, а не клубная. Попросите клубную карту.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="35" />
        <source>This card is not in the club. Register a member or activate a bearer card.</source>
        <translation>Этой карты нет в клубе. Зарегистрируйте участника или активируйте карту на предъявителя.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="38" />
        <source>This is not a club card: its number is not one of the club's.</source>
        <translation>Это не клубная карта: её номер не из номеров клуба.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="41" />
        <source>The card was not read completely: tap or swipe it again.</source>
        <translation>Карта считана не полностью: приложите или проведите её ещё раз.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="50" />
        <source>this card is not in the club's cache</source>
        <extracomment>The use cases' errors by code (terminal.services.errors): English templates whose {fields} the error's params fill in. A translation may leave out a field whose value is English (an action, a role).</extracomment>
        <translation>Этой карты нет в базе клуба</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="51" />
        <source>the cache holds no loyalty program yet: sync with the office or load demo data</source>
        <translation>В базе кассы ещё нет программы лояльности: синхронизируйтесь с офисом или загрузите демо-данные</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="55" />
        <source>{what} needs a personalised card</source>
        <translation>Для этой операции нужна именная карта</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="56" />
        <source>wrong PIN; {attempts_left} attempt(s) before a lock-out</source>
        <translation>Неверный PIN-код; до блокировки осталось попыток: {attempts_left}</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="59" />
        <source>too many wrong PINs; try again after {until}</source>
        <translation>Слишком много неверных PIN-кодов; попробуйте снова после {until}</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="60" />
        <source>{action} needs a supervisor, not a {role}</source>
        <translation>Это может сделать только старший смены</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="61" />
        <source>a purchase above {limit} needs a supervisor's confirmation with their PIN</source>
        <translation>покупку на сумму больше {limit} подтверждает старший смены своим PIN-кодом</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="64" />
        <source>a PIN for this role is {least} to 12 digits</source>
        <translation>PIN-код для этой роли — от {least} до 12 цифр</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="65" />
        <source>PIN accepted: now tap your own staff card</source>
        <translation>PIN-код принят: теперь приложите свою карту сотрудника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="68" />
        <source>that is not your staff card: type your PIN again and tap your own card</source>
        <translation>это не ваша карта сотрудника: введите PIN-код снова и приложите свою карту</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="71" />
        <source>no staff card was tapped in time: type your PIN again</source>
        <translation>карта сотрудника не была приложена вовремя: введите PIN-код снова</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="74" />
        <source>a supervisor chooses their name, types their PIN, then taps their card</source>
        <translation>старший смены выбирает своё имя, вводит PIN-код, затем прикладывает свою карту</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="77" />
        <source>no such member of staff on this till</source>
        <translation>На этой кассе нет такого сотрудника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="78" />
        <source>the office does not let this member of staff work at this till</source>
        <translation>Офис не разрешает этому сотруднику работать на этой кассе</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="81" />
        <source>the shift of {owner} (opened {opened}) is still open: a supervisor logs in to close it and print its report</source>
        <translation>Смена сотрудника {owner} (открыта {opened}) ещё не закрыта: старший смены входит, чтобы закрыть её и напечатать отчёт</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="86" />
        <source>no such receipt in the print queue</source>
        <translation>Такого чека нет в очереди печати</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="87" />
        <source>no receipt was printed in this shift yet: nothing to reprint</source>
        <translation>В этой смене ещё не печатали чеков: повторять нечего</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="90" />
        <source>{text} is not a number of points: type digits, e.g. 150 or 12.5</source>
        <translation>{text} — не число баллов: введите цифры, например 150 или 12,5</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="93" />
        <source>no purchase with this receipt code</source>
        <translation>Покупки с таким кодом чека нет</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="94" />
        <source>two purchases have this receipt code: scan the QR code instead</source>
        <translation>у двух покупок такой код чека: отсканируйте QR-код</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="97" />
        <source>this till has no purchase with this receipt code, and the office, which knows the other tills' sales, cannot be reached just now: try again in a moment</source>
        <translation>На этой кассе покупки с таким кодом чека нет, а офис, который знает продажи других касс, сейчас недоступен: попробуйте чуть позже</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="102" />
        <source>this card cannot be used: see its state</source>
        <translation>Эту карту нельзя использовать: посмотрите её состояние</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="103" />
        <source>no gift {gift} in the catalogue</source>
        <translation>Подарка {gift} нет в каталоге</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="104" />
        <source>no birthday gift is due to this member</source>
        <translation>Этому участнику подарок ко дню рождения не положен</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="105" />
        <source>already given for this birthday ({year}): a member gets one birthday gift per birthday</source>
        <translation>уже выдан за этот день рождения ({year}): участник получает один подарок на каждый день рождения</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="109" />
        <source>the member has too few points for this reward</source>
        <translation>У участника недостаточно баллов для этого подарка</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="110" />
        <source>write down the reason: it is required and kept</source>
        <translation>Укажите причину: она обязательна и сохраняется</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="113" />
        <source>{points} is not a number of points to adjust by</source>
        <translation>{points} — не число баллов для корректировки</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="114" />
        <source>write down what the member said</source>
        <translation>Запишите, что сказал участник</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="115" />
        <source>only a new (not activated) bearer card can be activated</source>
        <translation>Активировать можно только новую (не активированную) карту на предъявителя</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="118" />
        <source>the new card must be a new, unissued card</source>
        <translation>Новая карта должна быть новой, ещё не выданной</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="119" />
        <source>only a blocked card can be unblocked</source>
        <translation>разблокировать можно только заблокированную карту</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="120" />
        <source>no member with this phone in the cache</source>
        <translation>Участника с таким телефоном нет в базе</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="121" />
        <source>type the member's full name</source>
        <translation>введите фамилию, имя и отчество участника</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="122" />
        <source>the name is too long</source>
        <translation>слишком длинное имя</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="123" />
        <source>the member must consent to the processing of their personal data: without it they cannot be registered</source>
        <translation>нужно согласие участника на обработку персональных данных: без него регистрация невозможна</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="128" />
        <source>this is not a phone number: type it with the code, e.g. +7 916 123-45-67</source>
        <translation>это не номер телефона: введите его с кодом, например +7 916 123-45-67</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="131" />
        <source>{text} is not a birthday: type it as DD.MM.YYYY, e.g. 21.03.1985</source>
        <translation>{text} — не дата рождения: введите ДД.ММ.ГГГГ, например 21.03.1985</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="134" />
        <source>this is a bank card, not a club card: give the member a club card</source>
        <translation>это банковская карта, а не клубная: выдайте участнику клубную карту</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="137" />
        <source>this is not a club card: its number is not one of the club's</source>
        <translation>это не клубная карта: её номер не из номеров клуба</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="140" />
        <source>this till is not enrolled with the office yet: members can be registered once store IT has enrolled it</source>
        <translation>касса ещё не зарегистрирована в офисе: участников можно регистрировать после того, как ИТ магазина её подключит</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="145" />
        <source>read the new club card first: tap or swipe it</source>
        <translation>сначала считайте новую клубную карту: приложите или проведите её</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="148" />
        <source>this card is already in the club: it cannot be given to a new member</source>
        <translation>эта карта уже есть в клубе: её нельзя выдать новому участнику</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="151" />
        <source>this operation is not waiting for review any more</source>
        <translation>эта операция больше не ждёт проверки</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="154" />
        <source>The till's cache is busy (another program is writing to it): nothing was recorded. Try again in a moment; if it goes on, call IT.</source>
        <translation>База кассы занята (в неё пишет другая программа): ничего не записано. Повторите через минуту; если не проходит, вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="159" />
        <source>The till's disk is full: nothing was recorded. Call IT to free space, then try again.</source>
        <translation>Диск кассы заполнен: ничего не записано. Позвоните в ИТ, чтобы освободили место, и повторите.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="163" />
        <source>The till's cache could not be used: nothing was recorded. Try again; if it goes on, call IT.</source>
        <translation>Не удалось обратиться к базе кассы: ничего не записано. Повторите; если не проходит, вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="173" />
        <source>The office refused points spent without its authorisation beyond the offline limit for one operation: call IT.</source>
        <extracomment>Why the office refused an operation (its result's ``code``), for the supervisor's list of operations for review.</extracomment>
        <translation>Офис отклонил списание баллов без его подтверждения сверх офлайн-лимита на одну операцию: позвоните в ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="178" />
        <source>The office rejected this member's registration at this till, so nothing is applied to them: register the person again.</source>
        <translation>Офис отклонил регистрацию этого участника на этой кассе, поэтому ничего к нему не применено: зарегистрируйте человека заново.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="183" />
        <source>The office could not read the operation (a fault of the till): call IT.</source>
        <translation>Офис не смог прочитать операцию (ошибка кассы): вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="186" />
        <source>The office has another operation with the same id: call IT.</source>
        <translation>В офисе уже есть другая операция с тем же номером: вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="189" />
        <source>The office does not know this kind of operation yet: call IT.</source>
        <translation>Офис пока не знает такой вид операции: вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="192" />
        <source>The office does not know this member (deleted, or not registered).</source>
        <translation>Офис не знает этого участника (удалён или не зарегистрирован).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="195" />
        <source>The office does not know this card.</source>
        <translation>Офис не знает этой карты.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="196" />
        <source>The purchase this return reverses was refused by the office.</source>
        <translation>Покупка, к которой относится возврат, отклонена офисом.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="199" />
        <source>The member was registered with ids of another till (was the till enrolled again?): call IT.</source>
        <translation>Участник зарегистрирован с номерами другой кассы (кассу регистрировали заново?): вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="204" />
        <source>The office already has a member or card with this id: call IT.</source>
        <translation>В офисе уже есть участник или карта с этим номером: вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="207" />
        <source>The card belongs to someone else at the office: give the member another card and register them again.</source>
        <translation>В офисе эта карта принадлежит другому: выдайте участнику другую карту и зарегистрируйте его снова.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="212" />
        <source>The office does not know the member of staff who made it: staff are made at the office; call IT.</source>
        <translation>Офис не знает сотрудника, который её провёл: сотрудников заводят в офисе; вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="217" />
        <source>The member of staff who made it was deactivated at the office.</source>
        <translation>Сотрудник, который её провёл, отключён в офисе.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="220" />
        <source>The member of staff who made it may not work at this till (office's list).</source>
        <translation>Сотруднику, который её провёл, не разрешено работать на этой кассе (список офиса).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="223" />
        <source>It needs a supervisor's authorisation, and the office did not find one.</source>
        <translation>Нужно подтверждение старшего кассира, а офис его не нашёл.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="226" />
        <source>Another till sent an operation with the same id: this one was not applied. Call IT.</source>
        <translation>Другая касса прислала операцию с тем же номером: эта не проведена. Вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="230" />
        <source>The office worked the figures out again and they differ (discount, points or money): nothing was applied. Call IT.</source>
        <translation>Офис пересчитал суммы, и они не совпали (скидка, баллы или деньги): ничего не проведено. Вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="235" />
        <source>The member's tier, discount or birthday on this till was not the office's: the operation was not applied. Sync the till and record it again.</source>
        <translation>Уровень, скидка или день рождения участника на кассе не совпали с офисом: операция не проведена. Синхронизируйте кассу и проведите её снова.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="240" />
        <source>The office does not know the program version this till used: sync the till and record it again.</source>
        <translation>Офис не знает версию программы, по которой считала касса: синхронизируйте кассу и проведите операцию снова.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="245" />
        <source>The office refused impossible figures (a negative amount, too large a purchase, a wrong count): call IT.</source>
        <translation>Офис отклонил невозможные суммы (отрицательная сумма, слишком крупная покупка, неверный счёт): вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="250" />
        <source>The purchase was returned already (at this or another till).</source>
        <translation>Покупка уже возвращена (на этой или другой кассе).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="253" />
        <source>The office has no such gift.</source>
        <translation>В офисе нет такого подарка.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="254" />
        <source>The office says this birthday gift was handed out already.</source>
        <translation>По данным офиса этот подарок на день рождения уже выдан.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="257" />
        <source>The office needs the reason written down.</source>
        <translation>Офису нужна записанная причина.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="258" />
        <source>The adjustment is above the office's limit for one operation.</source>
        <translation>Корректировка больше предела офиса на одну операцию.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="261" />
        <source>The supervisor has adjusted as many points today as the office allows.</source>
        <translation>Старший кассир уже скорректировал сегодня столько баллов, сколько разрешает офис.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="265" />
        <source>The card's state at the office does not allow this (e.g. it is blocked, or already active).</source>
        <translation>Состояние карты в офисе этого не позволяет (например, она заблокирована или уже активна).</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="270" />
        <source>The new card is not a free card at the office: use another card.</source>
        <translation>В офисе новая карта не свободна: возьмите другую карту.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="273" />
        <source>The card belongs to another member at the office.</source>
        <translation>В офисе эта карта принадлежит другому участнику.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="276" />
        <source>The card's number is a bank card's: give the member a club card and register them again.</source>
        <translation>Номер карты — номер банковской карты: выдайте участнику клубную карту и зарегистрируйте его снова.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="280" />
        <source>The office refused the request: call IT.</source>
        <translation>Офис отклонил запрос: вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="282" />
        <source>The office refused it: call IT.</source>
        <translation>Офис отклонил операцию: вызовите ИТ.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="287" />
        <source>Type the amount.</source>
        <extracomment>The rules' errors most often met at the till, by code (terminal.loyalty.errors), for languages other than English (English shows the rules' own, more detailed, text).</extracomment>
        <translation>Введите сумму.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="288" />
        <source>This is not an amount: use digits and one decimal separator.</source>
        <translation>Это не сумма: используйте цифры и один десятичный разделитель.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="291" />
        <source>An amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="292" />
        <source>An amount has at most two decimal places.</source>
        <translation>В сумме не больше двух знаков после запятой.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="295" />
        <source>This amount is too large.</source>
        <translation>Слишком большая сумма.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="296" />
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="297" />
        <source>This amount is more than the program allows for one purchase.</source>
        <translation>Сумма больше, чем программа разрешает для одной покупки.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="300" />
        <source>Points to spend cannot be negative.</source>
        <translation>Списываемых баллов не может быть меньше нуля.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="301" />
        <source>A bearer card cannot pay with points.</source>
        <translation>Картой на предъявителя нельзя платить баллами.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="302" />
        <source>Spend points in the program's steps.</source>
        <translation>Списывайте баллы шагами, которые задаёт программа.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="303" />
        <source>More points than may pay for this receipt: spend fewer.</source>
        <translation>Столько баллов нельзя списать на этот чек: спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/messages.py" line="306" />
        <source>This return cannot be made: nothing left to return, or more than bought.</source>
        <translation>Такой возврат невозможен: возвращать нечего или больше, чем куплено.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="42" />
        <source>No connection to the office: gifts cannot be handed out offline. Try again when the till is back online.</source>
        <translation>Нет связи с офисом: подарки без связи не выдаются. Повторите, когда связь появится.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="47" />
        <source>No connection to the office and the member data is too old to spend points. The purchase can go ahead without spending points.</source>
        <translation>Нет связи с офисом, а данные участника слишком старые для списания баллов. Покупку можно провести без списания.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="52" />
        <source>No connection to the office: at most {cap} points can be spent in one purchase. Spend fewer points.</source>
        <translation>Нет связи с офисом: за одну покупку можно списать не больше {cap} баллов. Спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="57" />
        <source>No connection to the office: this card can spend only {left} more points until the till is back online. Spend fewer points.</source>
        <translation>Нет связи с офисом: по этой карте можно списать ещё только {left} баллов, пока связь не появится. Спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="62" />
        <source>The card has only {left} points (counting purchases not yet sent to the office). Spend fewer points.</source>
        <translation>На карте только {left} баллов (с учётом покупок, ещё не отправленных в офис). Спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="67" />
        <source>No connection to the office: this till can spend only {left} more points until it is back online. Spend fewer points.</source>
        <translation>Нет связи с офисом: на этой кассе можно списать ещё только {left} баллов, пока связь не появится. Спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="72" />
        <source>The office refuses: this card has only {left} points available now (they may have been spent at another till just now). Spend fewer points.</source>
        <translation>Офис отказал: на карте сейчас доступно только {left} баллов (возможно, их только что списали на другой кассе). Спишите меньше.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="77" />
        <source>The office refuses: this card cannot spend points now (the office has it blocked or under another member). Call a supervisor.</source>
        <translation>Офис отказал: по этой карте сейчас нельзя списывать баллы (в офисе она заблокирована или принадлежит другому участнику). Позовите старшего смены.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="82" />
        <source>The office allows each supervisor only so many points of adjustments a day: {left} points are left for you today. Adjust by less, or ask the office.</source>
        <translation>Офис разрешает каждому старшему кассиру лишь столько корректировок баллов в день: на сегодня у вас осталось {left} баллов. Скорректируйте на меньшее или обратитесь в офис.</translation>
    </message>
    <message>
        <location filename="../../terminal/services/offline.py" line="87" />
        <source>The office allows at most {cap} points in one adjustment. Adjust by less, or ask the office.</source>
        <translation>Офис разрешает не более {cap} баллов за одну корректировку. Скорректируйте на меньшее или обратитесь в офис.</translation>
    </message>
</context>
</TS>