import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg report portfolio|aging`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: helpText("Portfolio, aging, metrics, managers, dynamics, forecast and limitation reports.", "Отчёты: портфель, старение долга, показатели, менеджеры, динамика, прогноз и исковая давность."),
        subcommands: [Portfolio.self, Aging.self, Metrics.self, Managers.self, ForecastReport.self, LimitationReport.self,
                      Dynamics.self, Rolls.self, EffectivenessReport.self, HTML.self])

    struct Portfolio: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Contracts by status, outstanding and overdue amounts, overdue rate.", "Договоры по статусам, остаток долга и просроченные суммы, доля просрочки."),
            discussion: helpText("active counts every contract still being collected, overdue ones included; "
                + "overdue_rate = overdue / active × 100.",
                "active (в работе) — все договоры, по которым ещё идёт взыскание, включая просроченные; "
                + "overdue_rate (доля просрочки) = overdue / active × 100."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @Option(help: ArgumentHelp(helpText("Compare with the portfolio as of this earlier date.", "Сравнить с портфелем на эту более раннюю дату."))) var vs: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            func summary(asOf date: CivilDate) throws -> PortfolioSummary {
                var summary = PortfolioSummary()
                try ledger.scanPositions(asOf: date, scope: scope.contracts,
                                         buckets: settings.buckets) { summary.add($0.position) }
                return summary
            }
            let now = try summary(asOf: today)
            func cells(_ summary: PortfolioSummary) -> [Cell] {
                [.integer(summary.totalContracts), .integer(summary.activeContracts), .integer(summary.overdueContracts),
                 .percentage(summary.overdueRate), .integer(summary.closedContracts), .integer(summary.terminatedContracts),
                 .money(summary.outstanding), .money(summary.overdueAmount), .money(summary.terminatedOutstanding),
                 .money(summary.credit)]
            }
            let figures = [Column("contracts"), Column("active"), Column("overdue"), Column("overdue_rate", "overdue rate"),
                           Column("closed"), Column("terminated"), Column("outstanding"), Column("overdue_amount"),
                           Column("terminated_outstanding"), Column("credit")]
            let record = Report(columns: [Column("as_of")] + figures, rows: [[.date(today)] + cells(now)])
            guard let vs else { return try output.printRecord(record, settings, try global.language()) }
            let earlier = try parseDate(vs, option: "--vs")
            let then = try summary(asOf: earlier)
            let changes = zip(cells(then), cells(now)).map(PortfolioChange.change)
            // For people, a figure per row; for scripts, the same record as without --vs, with the
            // earlier portfolio and the changes beside it (`vs`, `change`; `vs_…`, `change_…` in CSV).
            if output.isTable {
                let table = TableRenderer(currency: settings.currency, language: try global.language())
                let report = Report(
                    columns: [Column("figure"), Column("as_of_then", earlier.description),
                              Column("as_of_now", today.description), Column("change")],
                    rows: zip(figures, zip(cells(then), zip(cells(now), changes))).map { column, values in
                        [.text(table.header(column)), values.0, values.1.0, values.1.1]
                    })
                return try output.print(report, settings, try global.language())
            }
            try output.printRecord(record, settings, try global.language(), nested: [
                (key: "vs", report: Report(columns: [Column("as_of")] + figures, rows: [[.date(earlier)] + cells(then)])),
                (key: "change", report: Report(columns: figures, rows: [changes])),
            ])
        }
    }

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Outstanding money by bucket, plus what is not yet due; the rows add up to the outstanding total.", "Остаток долга по интервалам просрочки и ещё не наступившие платежи; строки в сумме дают весь остаток долга."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @Option(help: ArgumentHelp(helpText("Buckets for this report only, e.g. 1,31,61,91 for the accountants' 30/60/90 view.", "Интервалы просрочки только для этого отчёта, например 1,31,61,91 — бухгалтерская разбивка 30/60/90.")))
        var buckets: String?
        @Option(name: .customLong("as-of"), help: ArgumentHelp(helpText("The date of the aging (else the business date).", "Дата отчёта о старении долга (по умолчанию — рабочая дата)."))) var asOf: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            var date = try global.businessDate()
            if let asOf { date = try parseDate(asOf, option: "--as-of") }
            let scheme = try buckets.map { text throws(DolgError) in try BucketScheme.parse(text) } ?? settings.buckets
            var aging = AgingReport(scheme: scheme)
            try ledger.scanPositions(asOf: date, scope: scope.contracts,
                                     buckets: scheme) { aging.add($0.position) }
            var report = Report(
                columns: [Column("bucket"), Column("contracts"), Column("amount")],
                rows: aging.rows.map { [.term($0.label), .integer($0.contracts), .money($0.amount)] },
                footer: [.term("total"), .empty, .money(aging.total)])
            if output.showsCharts {
                let largest = aging.rows.map(\.amount.minorUnits).max() ?? 0
                report = report.adding(Column("chart", ""), cells: aging.rows.enumerated().map { index, row in
                    .chart(TerminalChart.bar(row.amount.minorUnits, of: largest, red: index > 0))
                }, footer: .empty)
            }
            try output.print(report, settings, try global.language())
        }
    }
}

/// The change of one portfolio figure between two dates, as a cell of the same kind.
enum PortfolioChange {
    static func change(_ then: Cell, _ now: Cell) -> Cell {
        switch (then, now) {
        case (.integer(let a), .integer(let b)): return .signedInteger(b - a)
        case (.money(let a), .money(let b)): return .money(b - a)
        case (.percentage(let a), .percentage(let b)): return .signedTenths(b.tenths - a.tenths)
        default: return .empty
        }
    }
}
