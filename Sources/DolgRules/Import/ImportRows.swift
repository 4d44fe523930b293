/// One row of `import payments`: `contract,date,amount,reference,method`.
///
/// `occurrence`, written by `export payments`, says which payment this is among the contract's
/// payments of the same date and amount (1 for the first): with it a row is recognised as a
/// payment the ledger already holds, however it was entered.
public struct PaymentImportRow: Hashable, Sendable {
    public static let columns = ["contract", "date", "amount", "reference", "method", "occurrence"]
    public static let requiredColumns = ["contract", "date", "amount"]
    public static let methods = ["cash", "card", "bank"]

    public let line: Int
    public let contractNumber: String
    public let date: CivilDate
    public let amount: Money
    public let reference: String?
    public let method: String?
    public let occurrence: Int?

    public init(line: Int, contractNumber: String, date: CivilDate, amount: Money, reference: String?,
                method: String?, occurrence: Int? = nil) {
        self.line = line
        self.contractNumber = contractNumber
        self.date = date
        self.amount = amount
        self.reference = reference
        self.method = method
        self.occurrence = occurrence
    }

    public static func read(_ row: inout RowReader) -> PaymentImportRow? {
        let contract = row.identifier("contract")
        let date = row.date("date")
        let amount = row.money("amount")
        if let amount, !amount.isPositive {
            row.fail("amount", amount.decimalString, "not positive", russian: "сумма должна быть больше нуля")
        }
        let method = row.optionalText("method").map { RussianColumns.value($0, of: "method").lowercased() }
        if let method, !methods.contains(method) {
            row.fail("method", method, "not one of cash, card, bank", russian: "нужно одно из: cash, card, bank")
        }
        var occurrence: Int?
        if row.optionalText("occurrence") != nil {
            occurrence = row.integer("occurrence")
            if let value = occurrence, !(1...1_000_000).contains(value) {
                row.fail("occurrence", String(value), "not a count from 1", russian: "нужно целое число от 1")
            }
        }
        guard row.errors.isEmpty, let date, let amount else { return nil }
        return PaymentImportRow(line: row.line, contractNumber: contract, date: date, amount: amount,
                                reference: row.optionalText("reference"), method: method, occurrence: occurrence)
    }
}

/// One row of `import contracts`, the columns of `export contracts`.
///
/// `period` is `month`, `2weeks` or `week` for generated installments, or `custom` when the
/// installments come from a schedule file (`contract,due_date,amount`) given with the import.
public struct ContractImportRow: Hashable, Sendable {
    public static let columns = ["number", "client", "phone", "email", "manager", "segment", "start_date", "amount",
                                 "down_payment", "installments", "period", "first_due", "rate", "inn", "penalty",
                                 "terminated_on", "termination_reason"]
    public static let requiredColumns = ["number", "client", "phone", "amount"]

    /// How the installments are made.
    public enum Plan: Hashable, Sendable {
        case generated(ScheduleTerms)
        case custom(totalAmount: Money, downPayment: Money, startDate: CivilDate?)
    }

    public let line: Int
    public let number: String
    public let clientName: String
    public let phone: PhoneNumber
    public let email: String?
    public let inn: String?
    public let managerName: String?
    public let segment: String?
    /// The contractual penalty, percent a day (`penalty`; none when empty).
    public let dailyPenaltyRate: InterestRate
    /// When and why the contract was ended early, if it was.
    public struct Termination: Hashable, Sendable {
        public let date: CivilDate
        public let reason: String
    }
    public let termination: Termination?
    public let plan: Plan

    /// Whether the installments come from a schedule file.
    public var isCustom: Bool {
        if case .custom = plan { return true }
        return false
    }

    /// Reads a row; dates of the row that depend on each other (start, first due) are checked too.
    public static func read(_ row: inout RowReader, today: CivilDate) -> ContractImportRow? {
        let number = row.identifier("number")
        let client = row.identifier("client")
        let manager = row.optionalIdentifier("manager")
        let segment = row.optionalIdentifier("segment")
        let phone = row.phone("phone")
        let amount = row.money("amount")
        let down = row.money("down_payment", optional: true) ?? .zero
        let start = row.date("start_date", optional: true)
        let periodText = row.optionalText("period").map { RussianColumns.value($0, of: "period").lowercased() } ?? "month"
        let inn = row.optionalText("inn")
        if let inn, !(inn.count == 10 || inn.count == 12) || !inn.allSatisfy(\.isNumber) {
            row.fail("inn", inn, "an INN has 10 or 12 digits", russian: "в ИНН 10 или 12 цифр")
        }
        var penalty = InterestRate.zero
        if let penaltyText = row.optionalText("penalty") {
            do { penalty = try Penalty.checked(InterestRate.parse(penaltyText)) } catch {
                row.fail("penalty", penaltyText, "not a penalty from 0 to \(Penalty.maximumDailyRate) % a day",
                         russian: "неустойка должна быть от 0 до \(Penalty.maximumDailyRate) % в день")
            }
        }
        let terminatedOn = row.date("terminated_on", optional: true)
        if let terminatedOn, let start, terminatedOn < start {
            row.fail("terminated_on", terminatedOn.description, "before the contract's start \(start)",
                     russian: "раньше начала договора \(start)")
        }
        var plan: Plan?
        if periodText == "custom" {
            if let amount { plan = .custom(totalAmount: amount, downPayment: down, startDate: start) }
        } else {
            let period = Period(rawValue: periodText)
            if period == nil {
                row.fail("period", periodText, "not one of month, 2weeks, week, custom",
                         russian: "нужно одно из: month, 2weeks, week, custom")
            }
            let count = row.integer("installments")
            let firstDue = row.date("first_due")
            var rate = InterestRate.zero
            if let rateText = row.optionalText("rate") {
                do { rate = try InterestRate.parse(rateText) } catch {
                    row.fail("rate", rateText, "not a percentage from 0 to 1000", russian: "это не процент от 0 до 1000")
                }
            }
            if let amount, let count, let period, let firstDue {
                let terms = ScheduleTerms(totalAmount: amount, downPayment: down, installmentCount: count, period: period,
                                          startDate: start ?? min(today, firstDue), firstDueDate: firstDue,
                                          annualRate: rate)
                do {
                    try ScheduleBuilder.validate(terms)
                    plan = .generated(terms)
                } catch {
                    row.fail(columnOf(error.code), "", error.problem, russian: error.russian?.problem)
                }
            }
        }
        guard row.errors.isEmpty, let phone, let plan else { return nil }
        return ContractImportRow(line: row.line, number: number, clientName: client, phone: phone,
                                 email: row.optionalText("email"), inn: inn, managerName: manager,
                                 segment: segment, dailyPenaltyRate: penalty,
                                 termination: terminatedOn.map { Termination(date: $0, reason: row.optionalText("termination_reason") ?? "") },
                                 plan: plan)
    }

    /// The contract's terms and installments; a custom plan takes its lines from the schedule file.
    public func schedule(customLines: [CustomSchedule.Line]?, today: CivilDate) throws(DolgError)
        -> (terms: ScheduleTerms, installments: [Installment]) {
        switch plan {
        case .generated(let terms):
            return (terms, try ScheduleBuilder.installments(for: terms))
        case .custom(let total, let down, let start):
            guard let lines = customLines, let firstDue = lines.map(\.dueDate).min() else {
                throw DolgError(.invalidSchedule, "no installments for \(number) in a --schedule file",
                                remedy: "add its installments to the --schedule file")
                    .inRussian("в файле --schedule нет платежей по графику для \(number)",
                               remedy: "добавьте платежи по графику этого договора в файл --schedule")
            }
            let startDate = start ?? min(today, firstDue)
            let terms = ScheduleTerms(totalAmount: total, downPayment: down, installmentCount: lines.count,
                                      startDate: startDate, firstDueDate: firstDue)
            guard total.isPositive, !down.isNegative, down < total else {
                throw DolgError(.downPaymentTooLarge, "down_payment \(down) is not between 0 and the amount \(total)",
                                remedy: "give a down payment smaller than the amount")
                    .inRussian("down_payment \(down) вне диапазона от 0 до суммы \(total)", remedy: "укажите первый взнос меньше суммы")
            }
            return (terms, try CustomSchedule.installments(lines, startDate: startDate, downPayment: down,
                                                           financedAmount: terms.financedAmount))
        }
    }

    static func columnOf(_ code: DolgError.Code) -> String {
        switch code {
        case .amountNotPositive: return "amount"
        case .downPaymentTooLarge: return "down_payment"
        case .firstDueBeforeStart: return "first_due"
        default: return "installments"
        }
    }
}

/// One row of the schedule file given with `import contracts --schedule`: `contract,due_date,amount`.
public enum ScheduleImportRow {
    public static let requiredColumns = ["contract", "due_date", "amount"]
    /// `export schedule` writes these too; they are read past (the down payment, seq 0, comes
    /// from the contract's `down_payment`).
    public static let columns = requiredColumns + ["seq", "principal", "interest"]

    public static func read(_ row: inout RowReader) -> (contract: String, line: CustomSchedule.Line)? {
        if row.optionalText("seq") == "0" { return nil }
        let contract = row.identifier("contract")
        let dueDate = row.date("due_date")
        let amount = row.money("amount")
        guard row.errors.isEmpty, let dueDate, let amount else { return nil }
        return (contract, CustomSchedule.Line(lineNumber: row.line, dueDate: dueDate, amount: amount))
    }
}

/// Checks a header for the columns an import needs, and names unknown ones.
public enum ImportHeader {
    /// The header's columns, lowercased and trimmed, or errors for missing and unknown columns.
    public static func check(_ header: [String], known: [String], required: [String]) -> [ImportRowError] {
        let columns = header.map { $0.trimmingWhitespace().lowercased() }
        var errors: [ImportRowError] = []
        for column in required where !columns.contains(column) {
            errors.append(ImportRowError(line: 1, column: column, value: "", problem: "the header has no such column",
                                         russian: "в заголовке нет такой колонки"))
        }
        // The columns expected are listed once, with the first unknown one.
        for (index, column) in columns.filter({ !known.contains($0) }).enumerated() {
            errors.append(ImportRowError(line: 1, column: column, value: column,
                                         problem: index == 0 ? "unknown column; expected \(known.joined(separator: ","))"
                                                             : "unknown column",
                                         russian: index == 0 ? "неизвестная колонка; ожидаются: \(known.joined(separator: ","))"
                                                             : "неизвестная колонка"))
        }
        return errors
    }
}
