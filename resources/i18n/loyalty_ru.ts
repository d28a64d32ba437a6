<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>CheckoutPanel</name>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="85" />
        <location filename="../../terminal/ui/checkout_panel.py" line="86" />
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="87" />
        <source>Points to spend</source>
        <translation>Списать баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="88" />
        <source>Confirm (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="89" />
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="90" />
        <source>Receipt (F2)</source>
        <translation>Чек (F2)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="160" />
        <source>Type the amount, e.g. 1234.50</source>
        <translation>Введите сумму, например 1234,50</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="168" />
        <source>Points: type a number</source>
        <translation>Баллы: введите число</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="179" />
        <source>To pay: %1</source>
        <translation>К оплате: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/checkout_panel.py" line="181" />
        <source>Points earned: %1 · balance after: %2</source>
        <translation>Начислено баллов: %1 · остаток: %2</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="56" />
        <source>Start of shift</source>
        <translation>Начало смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="56" />
        <source>Supervisor</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="58" />
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="59" />
        <source>Log in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="81" />
        <source>No staff on this till yet: store IT adds them.</source>
        <translation>На этой кассе ещё нет сотрудников: их добавляет ИТ магазина.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="95" />
        <source>Wrong PIN. %1 attempt(s) left.</source>
        <translation>Неверный PIN-код. Осталось попыток: %1.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/login_page.py" line="99" />
        <source>Too many wrong PINs. Try again after %1.</source>
        <translation>Слишком много неверных PIN-кодов. Попробуйте снова после %1.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="145" />
        <source>Loyalty terminal</source>
        <translation>Терминал лояльности</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="146" />
        <source>Tap or swipe the club card</source>
        <translation>Приложите или проведите клубную карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="147" />
        <source>Phone, card number or surname</source>
        <translation>Телефон, номер карты или фамилия</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="287" />
        <source>Readers: %1</source>
        <translation>Считыватели: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="290" />
        <source>Readers: none</source>
        <translation>Считыватели: нет</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="310" />
        <source>Printer: ready</source>
        <translation>Принтер: готов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="311" />
        <source>Printer: OFFLINE</source>
        <translation>Принтер: НЕ В СЕТИ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="312" />
        <source>Printer: OUT OF PAPER</source>
        <translation>Принтер: НЕТ БУМАГИ</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="313" />
        <source>Printer: COVER OPEN</source>
        <translation>Принтер: ОТКРЫТА КРЫШКА</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="314" />
        <source>Printer: not answering</source>
        <translation>Принтер: не отвечает</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="315" />
        <source>Printer: error</source>
        <translation>Принтер: ошибка</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="316" />
        <source>Printer: none configured</source>
        <translation>Принтер: не настроен</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="319" />
        <source>Printer: …</source>
        <translation>Принтер: …</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="323" />
        <source>%1 receipt(s) waiting</source>
        <translation>чеков в очереди: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="348" />
        <source>This member has no card.</source>
        <translation>У участника нет карты.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/main_window.py" line="367" />
        <source>Done. To pay %1 · points earned %2 · balance %3</source>
        <translation>Готово. К оплате %1 · начислено %2 · остаток %3</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="90" />
        <source>Give a gift</source>
        <translation>Выдать подарок</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="91" />
        <source>Return (receipt code)</source>
        <translation>Возврат (код чека)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="92" />
        <source>Adjust points</source>
        <translation>Корректировка баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="93" />
        <source>Record a complaint or suggestion</source>
        <translation>Записать жалобу или предложение</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="94" />
        <source>Block the card</source>
        <translation>Заблокировать карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="95" />
        <source>Activate the bearer card</source>
        <translation>Активировать карту на предъявителя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="96" />
        <source>Replace the card</source>
        <translation>Заменить карту</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="105" />
        <source>Do it (Enter)</source>
        <translation>Выполнить (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="143" />
        <source>Receipt code (scan the QR)</source>
        <translation>Код чека (отсканируйте QR)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="144" />
        <source>Amount returned (empty: all)</source>
        <translation>Сумма возврата (пусто: всё)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="146" />
        <source>Points (+ or -)</source>
        <translation>Баллы (+ или -)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="146" />
        <source>Reason (required)</source>
        <translation>Причина (обязательно)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="147" />
        <source>What the member said</source>
        <translation>Что сказал участник</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="148" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="149" />
        <source>New card: number or UID</source>
        <translation>Новая карта: номер или UID</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="189" />
        <source>Purchase %1 of %2: %3, returned so far %4. Type the amount returned (empty: all %5) and press Enter to return.</source>
        <translation>Покупка %1 от %2: %3, уже возвращено %4. Введите сумму возврата (пусто: всё, %5) и нажмите Enter.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="217" />
        <source>Done: operation %1 recorded.</source>
        <translation>Готово: операция %1 записана.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="245" />
        <source>Present the member's card first.</source>
        <translation>Сначала предъявите карту участника.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="251" />
        <source>Choose a gift.</source>
        <translation>Выберите подарок.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="257" />
        <location filename="../../terminal/ui/member_actions.py" line="264" />
        <source>Scan or type the receipt code.</source>
        <translation>Отсканируйте или введите код чека.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="274" />
        <source>Points: type a number, e.g. 100 or -50.</source>
        <translation>Баллы: введите число, например 100 или -50.</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_actions.py" line="279" />
        <source>Type or scan the new card's number.</source>
        <translation>Введите или отсканируйте номер новой карты.</translation>
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
        <location filename="../../terminal/ui/member_panel.py" line="74" />
        <source>Tier: %1</source>
        <translation>Уровень: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="77" />
        <source>%1 to %2</source>
        <translation>ещё %1 до уровня %2</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="81" />
        <source>Discount: %1%</source>
        <translation>Скидка: %1%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="84" />
        <source>Points: %1</source>
        <translation>Баллы: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="87" />
        <source>(%1 not yet sent)</source>
        <translation>(%1 ещё не отправлено)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="91" />
        <source>Priority service</source>
        <translation>Приоритетное обслуживание</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/member_panel.py" line="93" />
        <source>Personal manager: %1</source>
        <translation>Персональный менеджер: %1</translation>
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
        <location filename="../../terminal/ui/office_status.py" line="80" />
        <source>%1 for review</source>
        <translation>на проверку: %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="83" />
        <source>last sync %1</source>
        <translation>последний обмен %1</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/office_status.py" line="85" />
        <source>clock is off</source>
        <translation>часы неточны</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="87" />
        <source>Supervisor</source>
        <translation>Старший смены</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="88" />
        <source>Receipts and reports (newest first)</source>
        <translation>Чеки и отчёты (сначала новые)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="89" />
        <source>Reprint (Enter)</source>
        <translation>Напечатать копию (Enter)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="90" />
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="91" />
        <source>Close the shift and print its report</source>
        <translation>Закрыть смену и напечатать отчёт</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="153" />
        <source>waiting</source>
        <translation>ждёт печати</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="154" />
        <source>printing</source>
        <translation>печатается</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="155" />
        <source>printed</source>
        <translation>напечатан</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/supervisor_page.py" line="156" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
</context>
<context>
    <name>explanations</name>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="21" />
        <source>Card discount {pct}%: -{amount}</source>
        <translation>Скидка по карте {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="24" />
        <source>{tier} tier discount {pct}%: -{amount}</source>
        <translation>Скидка уровня {tier} {pct}%: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="27" />
        <source>Progressive discount {pct}% after {purchases} purchases: -{amount}</source>
        <translation>Накопительная скидка {pct}% после {purchases} покупок: -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="30" />
        <source>The {best} discount {best_pct}% is better than the {other} {other_pct}%</source>
        <translation>Скидка ({best}) {best_pct}% выгоднее, чем ({other}) {other_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="34" />
        <source>Discounts applied one after another: {pct}% in total, -{amount}</source>
        <translation>Скидки применены одна за другой: всего {pct}%, -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="37" />
        <source>Capped by the program maximum {max_pct}%: discount reduced by {amount}</source>
        <translation>Ограничено максимумом программы {max_pct}%: скидка уменьшена на {amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="40" />
        <source>Progressive discount has reached its maximum {cap_pct}%</source>
        <translation>Накопительная скидка достигла максимума {cap_pct}%</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="43" />
        <source>Bearer card: card discount only, no points</source>
        <translation>Карта на предъявителя: только скидка по карте, без баллов</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="46" />
        <source>Points pay at most {share_pct}% of the receipt: up to {points}</source>
        <translation>Баллами можно оплатить не больше {share_pct}% чека: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="49" />
        <source>Points balance {balance}: up to {points}</source>
        <translation>Баланс баллов {balance}: до {points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="52" />
        <source>Points balance is negative ({balance}): no points can be spent</source>
        <translation>Баланс баллов отрицательный ({balance}): списать нельзя</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="55" />
        <source>Paid with {points} points: -{amount}</source>
        <translation>Оплачено баллами ({points}): -{amount}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="58" />
        <source>Points earned: {pct}% of {paid} ({tier}): +{points}</source>
        <translation>Начислено баллов: {pct}% от {paid} ({tier}): +{points}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="61" />
        <source>Birthday: points x{multiplier}</source>
        <translation>День рождения: баллы x{multiplier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="64" />
        <source>No points below {minimum}</source>
        <translation>Баллы не начисляются при сумме меньше {minimum}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="67" />
        <source>Birthday gift available</source>
        <translation>Положен подарок ко дню рождения</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="68" />
        <source>This purchase moves the member up to {tier}</source>
        <translation>С этой покупкой участник переходит на уровень {tier}</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="80" />
        <source>card</source>
        <translation>по карте</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="81" />
        <source>tier</source>
        <translation>уровня</translation>
    </message>
    <message>
        <location filename="../../terminal/ui/explanations.py" line="82" />
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
        <source>The card was not read completely: tap or swipe it again.</source>
        <translation>Карта считана не полностью: приложите или проведите её ещё раз.</translation>
    </message>
</context>
</TS>