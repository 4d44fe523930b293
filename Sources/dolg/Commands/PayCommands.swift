import ArgumentParser
import DolgRules
import DolgStorage

/// How money arrived.
enum PaymentMethod: String, CaseIterable, ExpressibleByArgument {
    case cash, card, bank
}

/// `dolg pay N AMOUNT` records a payment; `dolg pay reverse ID` cancels one.
struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: helpText("Record a payment, or reverse one.", "Записать платёж или отменить его."),
        subcommands: [Record.self, Reverse.self, Refund.self, Transfer.self, Unmatched.self, Match.self, Dismiss.self],
        defaultSubcommand: Record.self)

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: helpText("Record a payment to a contract (`dolg pay N AMOUNT` for short).", "Записать платёж по договору (коротко: `dolg pay N AMOUNT`)."),
            discussion: helpText("""
                With --ref the payment is idempotent: the same reference with the same contract, amount \
                and date is reported as already recorded and nothing is written; with other fields it is \
                an error. Payments to terminated contracts are accepted and reduce what they still owe. \
                A payment is dated on or before the business date. Money beyond all the contract owes is \
                its credit: `dolg pay refund` pays it back, `dolg pay transfer` moves it to another contract.
                """, """
                С --ref повторная запись безопасна: платёж с тем же номером документа, договором, суммой \
                и датой считается уже записанным, и ничего не записывается; если другие поля отличаются, это \
                ошибка. Платежи по расторгнутым договорам принимаются и уменьшают остаток долга. \
                Дата платежа — не позже рабочей даты. Деньги сверх всего долга по договору — это \
                переплата: `dolg pay refund` возвращает её клиенту, `dolg pay transfer` переносит на другой договор.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var number: String
        @Argument(help: ArgumentHelp(helpText("The amount received, e.g. 5000 or '5 000,50'.", "Полученная сумма, например 5000 или '5 000,50'."))) var amount: String
        @Option(help: ArgumentHelp(helpText("The payment date, not after the business date (else the business date).", "Дата платежа, не позже рабочей даты (по умолчанию — рабочая дата)."))) var date: String?
        @Option(help: ArgumentHelp(helpText("A unique reference (receipt or bank document) that makes a retry safe.", "Уникальный номер документа (чека или банковского документа): с ним повторный ввод безопасен."))) var ref: String?
        @Option(help: ArgumentHelp(helpText("cash, card or bank.", "cash (наличные), card (карта) или bank (банк)."))) var method: PaymentMethod?

        func run() throws {
            let amount = try parseMoney(amount, option: "AMOUNT")
            let date = try date.map { text throws(DolgError) in try parseDate(text, option: "--date") }
                ?? global.businessDate()
            let (ledger, settings) = try global.openLedger()
            let outcome = try ledger.recordPayment(
                contractNumber: number, amount: amount, date: date, method: method?.rawValue, reference: ref,
                audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            let say = Say(language: try global.language())
            switch outcome {
            case .alreadyRecorded(let id):
                write(say("Payment \(id) with reference \(ref ?? "") is already recorded; nothing written.\n",
                          "Платеж \(id) с основанием \(ref ?? "") уже записан; ничего не изменено.\n"))
            case .recorded(let id):
                let today = try global.businessDate()
                let position = try ledger.contractDetail(number: number).position(asOf: today, buckets: settings.buckets)
                let outstanding = table.format(.money(position.outstanding))
                let status = position.status.name
                write(say("Recorded payment \(id): \(table.format(.money(amount))) to contract \(number) on \(date).",
                          "Платеж \(id) записан: \(table.format(.money(amount))) по договору \(number) от \(table.format(.date(date)))."))
                write(say(" Outstanding \(outstanding), status \(status).\n",
                          " Остаток \(outstanding), статус «\(RussianHeaders.term(status))».\n"))
                if position.credit.isPositive {
                    let credit = table.format(.money(position.credit))
                    write(say("Overpaid: contract \(number) has a credit of \(credit). Return it with `dolg pay refund \(number) AMOUNT --reason TEXT` or move it with `dolg pay transfer \(number) --to CONTRACT`.\n",
                              "Переплата: по договору \(number) \(credit) сверх долга. Вернуть: `dolg pay refund \(number) СУММА --reason ТЕКСТ`, перенести: `dolg pay transfer \(number) --to ДОГОВОР`.\n"))
                }
            }
        }
    }

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Cancel a payment with a reversal entry; the payment stays in the ledger.", "Отменить платёж записью сторнирования; сам платёж остаётся в реестре."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The id of the payment to reverse.", "Номер (id) платежа для сторнирования."))) var paymentID: Int64
        @Option(help: ArgumentHelp(helpText("Why the payment is reversed.", "Причина сторнирования."))) var reason: String
        @Option(help: ArgumentHelp(helpText("The reversal date (else the business date).", "Дата сторнирования (по умолчанию — рабочая дата)."))) var date: String?

        func run() throws {
            let reason = try requireText(reason, field: "--reason")
            let date = try date.map { text throws(DolgError) in try parseDate(text, option: "--date") }
                ?? global.businessDate()
            let (ledger, _) = try global.openLedger()
            let reversalID = try ledger.reversePayment(id: paymentID, reason: reason, date: date,
                                                       audit: try global.auditContext())
            write(Say(language: try global.language())("Reversed payment \(paymentID) with entry \(reversalID) on \(date).\n",
                                                       "Платеж \(paymentID) отменен записью \(reversalID) от \(date.russianDescription).\n"))
        }
    }
}

extension PayCommand {
    /// `dolg pay unmatched`: bank payments waiting for a person to place them.
    struct Unmatched: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("List bank payments that no contract was found for.", "Показать банковские платежи, для которых не найден договор."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: ArgumentHelp(helpText("Those set aside with `dolg pay dismiss` instead, with why.", "Вместо них показать отложенные командой `dolg pay dismiss`, с причиной."))) var dismissed = false

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("id"), Column("date"), Column("amount"), Column("document"), Column("payer"),
                          Column("payer_inn"), Column("purpose"), Column("reason")],
                rows: try ledger.unmatchedReceipts(dismissed: dismissed).map { receipt in
                    let payment = receipt.payment
                    return [.integer(Int(receipt.id)), .date(payment.date), .money(payment.amount),
                            .text(payment.documentNumber), .text(payment.payerName), .optionalText(payment.payerINN),
                            .text(payment.purpose), BankWords.reason(receipt.reason)]
                })
            try output.print(report, settings, try global.language())
        }
    }

    /// `dolg pay match ID CONTRACT[:AMOUNT]…`: records an unmatched bank payment against one
    /// contract or split over several.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Record an unmatched bank payment against a contract, or split it over several.", "Записать неразнесённый банковский платёж на договор или разделить его между несколькими."),
            discussion: helpText("""
                One contract takes the whole payment: `dolg pay match 7 Д-103`. A payment for several \
                invoices is split with an amount for each, adding up to the payment: \
                `dolg pay match 7 Д-103:100000 Д-104:50000`.
                """, """
                Весь платёж на один договор: `dolg pay match 7 Д-103`. Платёж за несколько \
                счетов делят, указав сумму для каждого договора; вместе суммы равны платежу: \
                `dolg pay match 7 Д-103:100000 Д-104:50000`.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The id from `dolg pay unmatched`.", "Номер (id) из `dolg pay unmatched`."))) var id: Int64
        @Argument(help: ArgumentHelp(helpText("The contract it pays, or CONTRACT:AMOUNT for each part of a split.", "Договор, который оплачивается, или CONTRACT:AMOUNT для каждой части при разделении."))) var parts: [String]

        func run() throws {
            let parsed = try parts.map { text throws(DolgError) -> (contract: String, amount: Money?) in
                // Contract numbers may hold ':' themselves; the amount is after the last one.
                guard let colon = text.lastIndex(of: ":") else { return (text, nil) }
                let amountText = String(text[text.index(after: colon)...])
                if parts.count == 1, (try? MoneyParser.parse(amountText)) == nil { return (text, nil) }
                return (String(text[..<colon]), try parseMoney(amountText, option: "the part \(text)"))
            }
            let (ledger, settings) = try global.openLedger()
            _ = try global.workingManager(ledger)
            try ledger.matchReceipt(id: id, parts: parsed, audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            let list = parsed.map { part in part.amount.map { "\(part.contract) \(table.format(.money($0)))" } ?? part.contract }
                .joined(separator: ", ")
            let say = Say(language: try global.language())
            write(say("Recorded bank payment \(id) to \(parsed.count == 1 ? "contract" : "contracts") \(list).\n",
                      "Банковский платеж \(id) записан \(parsed.count == 1 ? "по договору" : "по договорам") \(list).\n"))
        }
    }

    /// `dolg pay dismiss ID --reason`: a bank payment that pays no contract.
    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Set aside a bank payment that pays no contract; it stays listed and is never matched.", "Отложить банковский платёж, который не относится ни к одному договору; он остаётся в списке и больше не разносится."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The id from `dolg pay unmatched`.", "Номер (id) из `dolg pay unmatched`."))) var id: Int64
        @Option(help: ArgumentHelp(helpText("What the payment is, since it pays no contract.", "Что это за платёж, раз он не относится к договору."))) var reason: String

        func run() throws {
            let reason = try requireText(reason, field: "--reason")
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            try ledger.dismissReceipt(id: id, reason: reason, login: global.login, audit: try global.auditContext())
            write(Say(language: try global.language())(
                "Bank payment \(id) set aside: \(reason). See it with `dolg pay unmatched --dismissed`.\n",
                "Банковский платеж \(id) отложен: \(reason). Список: `dolg pay unmatched --dismissed`.\n"))
        }
    }

    /// `dolg pay refund CONTRACT AMOUNT --reason`: a credit paid back.
    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Pay a contract's credit (an overpayment) back to the client, as a new ledger entry.", "Вернуть клиенту переплату по договору новой записью в реестре."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract with the credit.", "Договор с переплатой.")), completion: .custom(Completions.contracts)) var number: String
        @Argument(help: ArgumentHelp(helpText("The amount paid back, at most the credit.", "Сумма возврата, не больше переплаты."))) var amount: String
        @Option(help: ArgumentHelp(helpText("Why, or how it was paid back.", "Причина или способ возврата."))) var reason: String
        @Option(help: ArgumentHelp(helpText("cash, card or bank.", "cash (наличные), card (карта) или bank (банк)."))) var method: PaymentMethod?

        func run() throws {
            let amount = try parseMoney(amount, option: "AMOUNT")
            let reason = try requireText(reason, field: "--reason")
            let today = try global.businessDate()
            let (ledger, settings) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let id = try ledger.refundCredit(contractNumber: number, amount: amount, date: today, reason: reason,
                                             method: method?.rawValue, audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            write(Say(language: try global.language())(
                "Refunded \(table.format(.money(amount))) of contract \(number)'s credit: entry \(id).\n",
                "Возврат переплаты по договору \(number): \(table.format(.money(amount))), запись \(id).\n"))
        }
    }

    /// `dolg pay transfer CONTRACT --to OTHER`: a credit moved to another contract.
    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Move a contract's credit (an overpayment) to another contract, as two new ledger entries.", "Перенести переплату по договору на другой договор двумя новыми записями в реестре."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract with the credit.", "Договор с переплатой.")), completion: .custom(Completions.contracts)) var number: String
        @Option(help: ArgumentHelp(helpText("The contract that receives it.", "Договор, на который переносится переплата.")), completion: .custom(Completions.contracts)) var to: String
        @Option(help: ArgumentHelp(helpText("How much to move (else the whole credit).", "Сколько перенести (по умолчанию — всю переплату)."))) var amount: String?
        @Option(help: ArgumentHelp(helpText("Why, for the history.", "Причина, для истории."))) var reason: String?

        func run() throws {
            let today = try global.businessDate()
            let (ledger, settings) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let amount = try amount.map { text throws(DolgError) in try parseMoney(text, option: "--amount") }
                ?? ledger.contractDetail(number: number).position(asOf: today, buckets: settings.buckets).credit
            let ids = try ledger.transferCredit(from: number, to: to, amount: amount, date: today,
                                                reason: try reason.map { text throws(DolgError) in try requireText(text, field: "--reason") },
                                                audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            write(Say(language: try global.language())(
                "Moved \(table.format(.money(amount))) of credit from contract \(number) to \(to): entries \(ids.out) and \(ids.in).\n",
                "Переплата \(table.format(.money(amount))) перенесена с договора \(number) на \(to): записи \(ids.out) и \(ids.in).\n"))
        }
    }
}
