import ArgumentParser
import DolgRules
import DolgStorage

extension Channel: ExpressibleByArgument {}
extension TouchOutcome: ExpressibleByArgument {}

/// `dolg touch CONTRACT`: records a contact with the client and what came of it.
struct TouchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touch", abstract: helpText("Record a contact with a client: a call, a message, a letter, a visit.",
                                                 "Записать контакт с клиентом: звонок, сообщение, письмо, визит."),
        discussion: helpText("""
            The touch completes the collection step due for the contract (a call for a call step, a letter \
            for the claim letter…) unless nobody answered: then the step is tried again later the same \
            day, and after a second miss the next day. A promise suspends escalation until its date; \
            it may be at most promise_max_days ahead (playbook, 14 by default) and at most what is \
            outstanding, unless a head records it. A broken promise brings the contract back to the \
            work list the day after its date.

            A call, visit or message the business starts must be allowed by the contact policy: within \
            the client's hours, and, when the client was reached, within the day's, week's and month's \
            limits. A contact the client started (they called, came to the office) is recorded with \
            --incoming and counts towards no limit.
            """, """
            Контакт закрывает шаг взыскания, положенный по договору (звонок — шаг со звонком, письмо — \
            претензию…), если только никто не ответил: тогда шаг повторяется позже в тот же день, а после \
            второго недозвона — на следующий день. Обещание оплатить останавливает следующие шаги до своей \
            даты; дата — не дальше promise_max_days (сценарий взыскания, по умолчанию 14), сумма — не больше \
            остатка долга, если только обещание не записывает руководитель. Нарушенное обещание возвращает \
            договор в список работы на следующий день после обещанной даты.

            Звонок, визит или сообщение по нашей инициативе должны быть разрешены правилами контактов: в \
            разрешённые часы клиента, а если до клиента дозвонились — в пределах дневного, недельного и \
            месячного лимитов. Контакт по инициативе клиента (он позвонил, пришёл в офис) записывается с \
            --incoming и в лимиты не входит.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var contract: String
    @Option(help: ArgumentHelp(helpText("call, sms, whatsapp, email, letter, visit or legal.",
                                        "call (звонок), sms, whatsapp, email, letter (письмо), visit (визит) или legal (юрист).")))
    var channel: Channel
    @Option(help: ArgumentHelp(helpText("reached, no-answer, promise, refused, wrong-number or callback.",
                                        "reached (дозвонились), no-answer (не ответил), promise (обещание оплатить), refused (отказ), wrong-number (не тот номер) или callback (перезвонить).")))
    var outcome: TouchOutcome
    @Option(name: .customLong("promise-date"), help: ArgumentHelp(helpText("With --outcome promise: the date promised.",
                                                                           "При --outcome promise: обещанная дата оплаты.")))
    var promiseDate: String?
    @Option(name: .customLong("promise-amount"), help: ArgumentHelp(helpText("With --outcome promise: the amount promised.",
                                                                             "При --outcome promise: обещанная сумма.")))
    var promiseAmount: String?
    @Option(name: .customLong("callback-at"), help: ArgumentHelp(helpText("With --outcome callback: when to call back, YYYY-MM-DDTHH:MM.",
                                                                          "При --outcome callback: когда перезвонить, YYYY-MM-DDTHH:MM.")))
    var callbackAt: String?
    @Option(help: ArgumentHelp(helpText("What was said.", "О чём говорили."))) var note: String?
    @Flag(help: ArgumentHelp(helpText("The client started the contact (called in, came by): no contact limit applies.",
                                      "Контакт начал клиент (позвонил сам, пришёл): лимиты контактов не действуют.")))
    var incoming = false

    func run() throws {
        let now = try global.businessMoment()
        let date = try promiseDate.map { text throws(DolgError) in try parseDate(text, option: "--promise-date") }
        let amount = try promiseAmount.map { text throws(DolgError) in try parseMoney(text, option: "--promise-amount") }
        if outcome == .promise {
            guard let date, let amount else {
                throw DolgError(.invalidValue, "--outcome promise needs --promise-date and --promise-amount",
                                remedy: "give the date and the amount the client promised")
                    .inRussian("для --outcome promise нужны --promise-date и --promise-amount",
                               remedy: "укажите дату и сумму, которые обещал клиент")
            }
            guard amount.isPositive else {
                throw DolgError(.amountNotPositive, "--promise-amount \(amount) is not positive", remedy: "give the amount promised")
                    .inRussian("--promise-amount \(amount): сумма должна быть больше нуля", remedy: "укажите обещанную сумму")
            }
            guard date >= now.date else {
                throw DolgError(.invalidDate, "--promise-date \(date) is before today \(now.date)",
                                remedy: "a promise is for today or a later day")
                    .inRussian("--promise-date \(date) раньше сегодняшней даты \(now.date)",
                               remedy: "обещание оплатить даётся на сегодня или на более поздний день")
            }
        } else if date != nil || amount != nil {
            throw DolgError(.invalidValue, "--promise-date and --promise-amount go with --outcome promise",
                            remedy: "drop them, or use --outcome promise")
                .inRussian("--promise-date и --promise-amount указывают только с --outcome promise",
                           remedy: "уберите их или укажите --outcome promise")
        }
        var callback: BusinessMoment?
        if let callbackAt {
            guard outcome == .callback, let moment = BusinessMoment.parse(callbackAt) else {
                throw DolgError(.invalidValue, "--callback-at '\(callbackAt)' needs --outcome callback and a YYYY-MM-DDTHH:MM time",
                                remedy: "e.g. --outcome callback --callback-at 2026-11-21T10:00")
                    .inRussian("для --callback-at '\(callbackAt)' нужны --outcome callback и время в виде YYYY-MM-DDTHH:MM",
                               remedy: "например: --outcome callback --callback-at 2026-11-21T10:00")
            }
            callback = moment
        }
        let (ledger, _) = try global.openLedger()
        _ = try global.workingManager(ledger)
        let step = try ledger.recordTouch(
            TouchInput(contractNumber: contract, at: now, channel: channel, outcome: outcome, promiseDate: date,
                       promiseAmount: amount, callbackAt: callback, note: note, login: global.login, incoming: incoming),
            playbooks: try global.playbooks(ledger), audit: try global.auditContext())
        let say = Say(language: try global.language())
        let forStep = step.map { say(" for step \($0)", " (шаг «\(WorkflowWords.stepNames[$0] ?? $0)»)") } ?? ""
        let russian = "\(WorkflowWords.channels[channel] ?? channel.rawValue), \(WorkflowWords.outcomes[outcome] ?? outcome.rawValue)"
        write(say("Recorded \(channel.rawValue) on \(contract) at \(now.timeDescription): \(outcome.rawValue)\(forStep).\n",
                  "Контакт по договору \(contract) в \(now.timeDescription) записан: \(russian)\(forStep).\n"))
    }
}

/// `dolg hold CONTRACT --until DATE --reason R` and `dolg hold list`.
struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: helpText("Pause reminders and escalation for a contract, or list the pauses.",
                                                "Поставить договор на паузу (без напоминаний и следующих шагов взыскания) или показать список пауз."),
        subcommands: [Add.self, End.self, List.self], defaultSubcommand: Add.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: helpText("Pause a contract until a date (a dispute, a client in hospital); it ends by itself.",
                               "Поставить договор на паузу до даты (спор, клиент в больнице); пауза закончится сама."),
            discussion: helpText("A hold never hides a contract from reports: it only stops reminders and the work list.",
                                 "Пауза не убирает договор из отчётов: она только останавливает напоминания и убирает договор из списка работы."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var contract: String
        @Option(help: ArgumentHelp(helpText("The last day of the pause.", "Последний день паузы."))) var until: String
        @Option(help: ArgumentHelp(helpText("Why: dispute, hardship, or any words.",
                                            "Причина: спор, трудности клиента или любые слова.")))
        var reason: String

        func run() throws {
            let today = try global.businessDate()
            let until = try parseDate(until, option: "--until")
            guard until >= today else {
                throw DolgError(.invalidDate, "--until \(until) is before today \(today)", remedy: "give today or a later day")
                    .inRussian("--until \(until) раньше сегодняшней даты \(today)", remedy: "укажите сегодняшний или более поздний день")
            }
            let reason = try requireText(reason, field: "--reason")
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            try ledger.addHold(contractNumber: contract, from: today, until: until, reason: reason,
                               audit: try global.auditContext())
            write(Say(language: try global.language())(
                "Contract \(contract) is on hold from \(today) to \(until): \(reason).\n",
                "Договор \(contract) на паузе с \(today.russianDescription) по \(until.russianDescription): \(reason).\n"))
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("End a hold early: the contract is worked again from today.",
                               "Снять паузу досрочно: работа по договору возобновляется с сегодняшнего дня."),
            discussion: helpText("The hold stays in the history with the day it ended and why. Ids: `dolg hold list`.",
                                 "Пауза остаётся в истории с датой и причиной снятия. Номера (id) пауз: `dolg hold list`."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The hold's id, from `dolg hold list`.",
                                              "Номер (id) паузы из `dolg hold list`.")))
        var id: Int64
        @Option(help: ArgumentHelp(helpText("Why it ends early.", "Почему пауза снимается досрочно.")))
        var reason: String

        func run() throws {
            let today = try global.businessDate()
            let reason = try requireText(reason, field: "--reason")
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let contract = try ledger.endHold(id: id, on: today, reason: reason, login: global.login,
                                              audit: try global.auditContext())
            write(Say(language: try global.language())(
                "Hold \(id) of contract \(contract) ended on \(today): \(reason).\n",
                "Пауза \(id) по договору \(contract) снята \(today.russianDescription): \(reason).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("List holds in force or to come; with --ended, every hold.",
                                                                           "Список действующих и будущих пауз; с --ended — всех пауз."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: ArgumentHelp(helpText("Holds that ended too, by themselves or early.",
                                          "Также закончившиеся паузы — сами или досрочно.")))
        var ended = false

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let report = Report(
                columns: [Column("id"), Column("contract"), Column("from"), Column("until"), Column("reason"),
                          Column("active"), Column("ended_on"), Column("end_reason")],
                rows: try ledger.holdList(on: today, ended: ended).map { item in
                    let hold = item.hold
                    let active = hold.isActive(on: today) ? "yes" : hold.from > today && hold.endedOn == nil ? "not yet" : "no"
                    return [.integer(Int(hold.id)), .text(item.contract), .date(hold.from), .date(hold.until),
                            .text(hold.reason), .term(active), .optionalDate(hold.endedOn), .optionalText(hold.endReason)]
                })
            try output.print(report, settings, try global.language())
        }
    }
}
