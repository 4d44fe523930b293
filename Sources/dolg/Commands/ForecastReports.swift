import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension Forecast.Granularity: ExpressibleByArgument {}

extension ReportCommand {
    /// `dolg report forecast`: money to come, likely and at risk.
    struct ForecastReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast", abstract: helpText("Expected inflows by month or week, likely and at risk, with the at-risk contracts.",
                                                        "Ожидаемые поступления по месяцам или неделям — вероятные и под риском, со списком договоров под риском."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp(helpText("How many periods ahead.", "На сколько периодов вперёд."))) var periods = 3
        @Option(help: ArgumentHelp(helpText("month or week.", "month (месяц) или week (неделя).")))
        var by: Forecast.Granularity = .month
        @OptionGroup var scope: ReportScope

        func run() throws {
            try checkCount(periods, option: "--periods", within: InputLimits.forecastPeriods)
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let forecast = try Analytics.forecast(ledger, settings, today: today, periods: periods, by: by, scope: scope.contracts)
            let periodsReport = Report(
                columns: [Column("period"), Column("likely"), Column("at_risk"), Column("total")],
                rows: forecast.rows.map { [ForecastWords.period($0.label), .money($0.likely), .money($0.atRisk), .money($0.total)] })
            let risky = Report(
                columns: [Column("contract"), Column("client"), Column("expected"), Column("why")],
                rows: forecast.atRiskContracts.sorted { $0.amount > $1.amount }.map {
                    [.text($0.contract), .text($0.client), .money($0.amount), ForecastWords.risk($0.reason)]
                })
            switch output.format {
            case .json:
                write(JSONRenderer().renderRecord(
                    Report(columns: [Column("as_of"), Column("until")], rows: [[.date(today), .date(forecast.end)]]),
                    lists: [("periods", periodsReport), ("at_risk", risky)]))
            case .table where !output.excel:
                try output.print(periodsReport, settings, try global.language())
                if !risky.rows.isEmpty {
                    write(Say(language: try global.language())("\nAt risk:\n", "\nПод риском:\n"))
                    try output.print(risky, settings, try global.language())
                }
            default:
                try output.print(periodsReport, settings, try global.language())
            }
        }
    }

    /// `dolg report limitation`: debts about to run out of time for a court claim.
    struct LimitationReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "limitation",
            abstract: helpText("Unpaid installments whose 3-year statute of limitations ends within a horizon.",
                               "Неоплаченные платежи по графику, у которых трёхлетний срок исковой давности истекает в ближайшие дни (см. --within)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @Option(help: ArgumentHelp(helpText("The horizon in days.", "На сколько дней вперёд смотреть.")))
        var within = 180

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            try checkCount(within, option: "--within", within: InputLimits.horizonDays)
            let horizon = today.adding(days: within)
            var rows: [(days: Int, cells: [Cell])] = []
            try ledger.scanPositions(asOf: today, scope: scope.contracts, buckets: settings.buckets) { row in
                for coverage in row.position.allocation.overdueCoverages(asOf: today) {
                    let ends = Limitation.ends(forDueDate: coverage.installment.dueDate)
                    guard ends <= horizon else { continue }
                    rows.append((ends.days(since: today), [
                        .text(row.number), .text(row.clientName), .optionalText(row.managerName),
                        .integer(coverage.installment.seq), .date(coverage.installment.dueDate), .money(coverage.remaining),
                        .date(ends), .integer(ends.days(since: today))]))
                }
            }
            let report = Report(
                columns: [Column("contract"), Column("client"), Column("manager"), Column("seq"), Column("due_date"),
                          Column("remaining"), Column("limitation_ends"), Column("days_left")],
                rows: rows.sorted { $0.days < $1.days }.map(\.cells))
            try output.print(report, settings, try global.language())
        }
    }
}

/// The forecast's words for Russian readers.
enum ForecastWords {
    static func risk(_ risk: Forecast.Risk) -> Cell {
        switch risk {
        case .overdue(let days): return .words(risk.english, russian: "просрочка \(days) \(RussianPlural.form(days, one: "день", few: "дня", many: "дней"))")
        case .brokenPromise: return .words(risk.english, russian: "обещание нарушено")
        case .paidLate(let count): return .words(risk.english, russian: "платежей с опозданием: \(count)")
        }
    }

    /// The first row's label, `overdue`, is what is late today; the others are dates.
    static func period(_ label: String) -> Cell {
        if label == "overdue" { return .words(label, russian: "просрочено") }
        return (try? CivilDate.parse(label)).map(Cell.date) ?? .text(label)
    }
}
