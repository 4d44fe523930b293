import ArgumentParser
import DolgRules
import DolgStorage

extension ContractCommand {
    /// `dolg contract show N`: terms, position as of the business date, entries.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Show a contract: terms, status, amounts, next action and payments.",
                               "Показать договор: условия, статус, суммы, следующий шаг и платежи."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var number: String

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let detail = try ledger.contractDetail(number: number)
            let contract = detail.contract
            let position = detail.position(asOf: today, buckets: settings.buckets)
            try privacy.auditReveal(ledger, global)
            let terms = contract.terms
            let summary = Report(
                columns: [Column("contract"), Column("client_id"), Column("client"), Column("phone"),
                          Column("manager"), Column("start_date"), Column("amount"), Column("down_payment"),
                          Column("installments"), Column("period"), Column("rate"), Column("status"),
                          Column("bucket"), Column("days_overdue"), Column("paid"), Column("overdue_amount"),
                          Column("outstanding"), Column("credit"), Column("next_action"),
                          Column("next_action_due"), Column("terminated_on"), Column("termination_reason")],
                rows: [[.text(contract.number), .integer(Int(contract.client.id)), .text(contract.client.name),
                        .text(privacy.phone(contract.client.phone)), .optionalText(contract.managerName),
                        .date(terms.startDate), .money(terms.totalAmount), .money(terms.downPayment),
                        .integer(terms.installmentCount), .term(terms.period.rawValue),
                        .decimal(terms.annualRate.description), .term(position.status.name),
                        .optionalText(position.bucket?.label), .integer(position.daysOverdue),
                        .money(detail.payments.map(\.entry).netPaid(asOf: today)), .money(position.overdueAmount),
                        .money(position.outstanding), .money(position.credit),
                        .optionalTerm(position.nextAction?.step.name), .optionalDate(position.nextAction?.dueDate),
                        .optionalDate(contract.termination?.date), .optionalText(contract.termination?.reason)]])
            let payments = paymentsReport(detail.payments, asOf: today)
            let language = try global.language()
            switch output.format {
            case .table:
                try output.printRecord(summary, settings, language)
                write("\n")
                try output.print(payments, settings, language)
            case .csv, .xlsx:
                try output.print(payments, settings, language)
            case .json:
                write(JSONRenderer().renderRecord(summary, lists: [("payments", payments)]))
            }
        }

        func paymentsReport(_ payments: [StoredPayment], asOf: CivilDate) -> Report {
            Report(
                columns: [Column("id"), Column("date"), Column("kind"), Column("amount"), Column("method"),
                          Column("reference"), Column("reverses"), Column("reversed_by"), Column("reason"),
                          Column("counted")],
                rows: payments.map { payment in
                    [.integer(Int(payment.id)), .date(payment.entry.date), .term(payment.entry.kind.rawValue),
                     .money(payment.entry.signedAmount), .optionalTerm(payment.method),
                     .optionalText(payment.reference), payment.reversesID.map { .integer(Int($0)) } ?? .empty,
                     payment.reversedByID.map { .integer(Int($0)) } ?? .empty, .optionalText(payment.reason),
                     .term(payment.entry.date <= asOf ? "yes" : "not yet")]
                })
        }
    }
}
