import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg schedule N`, `dolg schedule restructure`, `dolg schedule requests`.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: helpText("Show a contract's installments, or give it a new schedule.",
                                                    "Показать платежи по графику договора или назначить ему новый график."),
        subcommands: [Show.self, Restructure.self, Requests.self], defaultSubcommand: Show.self)
}

extension ScheduleCommand {
    /// `dolg schedule N`: a contract's installments and how far each is paid.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: helpText("Show a contract's installments as of the business date (`dolg schedule N`).",
                                                    "Показать график платежей договора на рабочую дату (`dolg schedule N`)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var number: String
        @Flag(help: ArgumentHelp(helpText("Also list the installments a restructuring replaced.",
                                          "Также показать платежи, заменённые при реструктуризации.")))
        var history = false

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let detail = try ledger.contractDetail(number: number)
            let position = detail.position(asOf: today, buckets: settings.buckets)
            if history && !detail.replacedInstallments.isEmpty {
                let replaced = Report(
                    columns: [Column("contract"), Column("seq"), Column("due_date"), Column("amount"), Column("status")],
                    rows: detail.replacedInstallments.map { installment in
                        [.text(number), .integer(installment.seq), .date(installment.dueDate), .money(installment.amount),
                         .term("replaced")]
                    })
                try output.print(replaced, settings, try global.language())
                if output.format == .table { write("\n") }
            }
            let report = Report(
                columns: [Column("contract"), Column("seq"), Column("due_date"), Column("amount"), Column("principal"),
                          Column("interest"), Column("paid"), Column("remaining"), Column("status"),
                          Column("days_overdue")],
                rows: position.allocation.coverages.map { coverage in
                    let installment = coverage.installment
                    return [.text(number), .integer(installment.seq), .date(installment.dueDate),
                            .money(installment.amount), .money(installment.principal), .money(installment.interest),
                            .money(coverage.paid), .money(coverage.remaining), .term(coverage.state.rawValue),
                            .integer(coverage.daysOverdue(asOf: today))]
                },
                footer: [.term("total"), .empty, .empty, .money(position.allocation.total),
                         .money(position.allocation.totalPrincipal), .money(position.allocation.totalInterest),
                         .money(position.allocation.covered), .money(position.outstanding),
                         .empty, .empty])
            try output.print(report, settings, try global.language())
        }
    }
}
