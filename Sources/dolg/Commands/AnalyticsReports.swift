import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// The period a report covers: `--from` to `--to` (the business date by default).
struct PeriodOptions: ParsableArguments {
    @Option(help: "The period's first day (default: 30 days before --to).") var from: String?
    @Option(help: "The period's last day (default: the business date).") var to: String?

    func period(_ global: GlobalOptions) throws(DolgError) -> (from: CivilDate, to: CivilDate) {
        var to = try global.businessDate()
        if let text = self.to { to = try parseDate(text, option: "--to") }
        var from = to.adding(days: -30)
        if let text = self.from { from = try parseDate(text, option: "--from") }
        guard from <= to else {
            throw DolgError(.invalidDate, "--from \(from) is after --to \(to)", remedy: "give a period that runs forward")
        }
        return (from, to)
    }
}

extension ReportCommand {
    /// `dolg report metrics`: the four health metrics with their verdicts.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Overdue rate, average days overdue, recovery rate and manager reaction time, with verdicts.",
            discussion: """
                Norms: overdue rate up to 10 % excellent, 20 % good, 30 % acceptable, 50 % bad, above a catastrophe; \
                average days overdue up to 5 excellent, 15 normal, 30 or more bad; recovery 80 % excellent, \
                50–80 % normal, under 50 % bad; reaction within 1 day excellent, up to 5 normal, 7 or more bad.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            var metrics = CollectionMetrics(from: from, to: to)
            try ledger.scanHistories(asOf: to, scope: scope.contracts) { history in
                metrics.add(installments: history.installments, entries: history.entries, touches: history.touches,
                            terminatedOn: history.terminatedOn, start: history.startDate, buckets: settings.buckets)
            }
            let norms = MetricNorms()
            let rate = metrics.portfolio.overdueRate
            let average = metrics.averageDaysOverdueTenths
            let reaction = metrics.medianReactionDays
            let report = Report(
                columns: [Column("metric"), Column("value"), Column("verdict"), Column("basis")],
                rows: [
                    [.text("overdue_rate"), .percentage(rate), .text(norms.overdueRateVerdict(rate).rawValue),
                     .text("\(metrics.portfolio.overdueContracts) of \(metrics.portfolio.activeContracts) active contracts on \(to)")],
                    [.text("average_days_overdue"), .text("\(average / 10).\(average % 10)"),
                     .text(metrics.portfolio.overdueContracts == 0 ? "excellent" : norms.averageDaysVerdict(tenths: average).rawValue),
                     .text("over \(metrics.portfolio.overdueContracts) overdue contracts")],
                    [.text("recovery_rate"), .percentage(metrics.recoveryRate),
                     .text(metrics.overdueInPeriod == 0 ? "" : norms.recoveryVerdict(metrics.recoveryRate).rawValue),
                     .text("\(metrics.recovered) of \(metrics.overdueInPeriod) overdue between \(from) and \(to) came back")],
                    [.text("reaction_days"), reaction.map { .integer($0) } ?? .empty,
                     .text(reaction.map { norms.reactionVerdict(days: $0).rawValue } ?? ""),
                     .text("median of \(metrics.reactionDays.count) new overdues; \(metrics.unanswered) still without a touch")],
                ])
            output.print(report, settings, try global.language())
        }
    }

    /// `dolg report managers`: who works and who does not.
    struct Managers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per manager: contracts, closed, overdue now, recovered, promises, touches, reaction time.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            let (byManager, clients) = try Analytics.managers(ledger, settings, from: from, to: to, scope: scope.contracts)
            let report = Report(
                columns: [Column("manager"), Column("clients"), Column("contracts"), Column("closed_in_period"),
                          Column("overdue"), Column("overdue_amount"), Column("overdue_rate"), Column("recovered"),
                          Column("promises_kept"), Column("promises_broken"), Column("touches"),
                          Column("median_reaction_days")],
                rows: byManager.keys.sorted().map { name in
                    let metrics = byManager[name]!
                    return [.text(name.isEmpty ? "(none)" : name), .integer(clients[name]?.count ?? 0),
                            .integer(metrics.portfolio.totalContracts), .integer(metrics.closedInPeriod),
                            .integer(metrics.portfolio.overdueContracts), .money(metrics.portfolio.overdueAmount),
                            .percentage(metrics.portfolio.overdueRate), .integer(metrics.recovered),
                            .integer(metrics.keptPromises), .integer(metrics.brokenPromises),
                            .integer(metrics.touchesInPeriod), metrics.medianReactionDays.map { .integer($0) } ?? .empty]
                })
            output.print(report, settings, try global.language())
        }
    }

    /// `dolg report forecast`: money to come, likely and at risk.
    struct ForecastReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast", abstract: "Expected inflows by month or week, likely and at risk, with the at-risk contracts.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "How many periods ahead.") var periods = 3
        @Option(help: "month or week.") var by: Forecast.Granularity = .month
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let forecast = try Analytics.forecast(ledger, settings, today: today, periods: periods, by: by, scope: scope.contracts)
            let periodsReport = Report(
                columns: [Column("period"), Column("likely"), Column("at_risk"), Column("total")],
                rows: forecast.rows.map { [.text($0.label), .money($0.likely), .money($0.atRisk), .money($0.total)] })
            let risky = Report(
                columns: [Column("contract"), Column("client"), Column("expected"), Column("why")],
                rows: forecast.atRiskContracts.sorted { $0.amount > $1.amount }.map {
                    [.text($0.contract), .text($0.client), .money($0.amount), .text($0.reason)]
                })
            switch output.format {
            case .json:
                write(JSONRenderer().renderRecord(
                    Report(columns: [Column("as_of"), Column("until")], rows: [[.date(today), .date(forecast.end)]]),
                    lists: [("periods", periodsReport), ("at_risk", risky)]))
            case .table where !output.excel:
                output.print(periodsReport, settings, try global.language())
                if !risky.rows.isEmpty {
                    write("\nAt risk:\n")
                    output.print(risky, settings, try global.language())
                }
            default:
                output.print(periodsReport, settings, try global.language())
            }
        }
    }

    /// `dolg report limitation`: debts about to run out of time for a court claim.
    struct LimitationReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "limitation",
            abstract: "Unpaid installments whose 3-year statute of limitations ends within a horizon.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @Option(help: "The horizon in days.") var within = 180

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
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
            output.print(report, settings, try global.language())
        }
    }
}

extension Forecast.Granularity: ExpressibleByArgument {}

extension DynamicsCalendar.Step: ExpressibleByArgument {}

extension ReportCommand {
    /// `dolg report dynamics`: whether overdue is rising or falling, and where it piles up.
    struct Dynamics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Overdue rate, overdue amount and contracts per bucket over time.",
            discussion: """
                One row per day, week or month end. Days with a nightly snapshot use it; other days are \
                recomputed from the ledger's history, which the as-of rules make exact. `change` is the \
                overdue rate's move since the row before, in percentage points.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions
        @Option(help: "day, week or month.") var by: DynamicsCalendar.Step = .month

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            let points = try Analytics.dynamics(ledger, settings, DynamicsCalendar.dates(from: from, to: to, by: by),
                                                scope: scope.contracts)
            let labels = settings.buckets.buckets.map(\.label)
            var report = Report(
                columns: [Column("date"), Column("source"), Column("active"), Column("overdue"), Column("overdue_rate"),
                          Column("change"), Column("overdue_amount")] + labels.map { Column("bucket_" + $0, $0) },
                rows: points.enumerated().map { index, point in
                    let change = index == 0 ? nil : point.overdueRate.tenths - points[index - 1].overdueRate.tenths
                    let changeText = change.map { ($0 >= 0 ? "+" : "-") + "\(abs($0) / 10).\(abs($0) % 10)" }
                    return [.date(point.date), .text(point.source.rawValue), .integer(point.active), .integer(point.overdue),
                            .percentage(point.overdueRate), .optionalText(changeText), .money(point.overdueAmount)]
                        + point.bucketCounts.map { .integer($0) }
                })
            if output.showsCharts {
                // The overdue rate so far, as a sparkline that grows row by row.
                let rates = points.map(\.overdueRate.tenths)
                report = report.adding(Column("trend", ""), cells: rates.indices.map {
                    .text(TerminalChart.sparkline(Array(rates[...$0])))
                }, footer: .empty)
            }
            output.print(report, settings, try global.language())
        }
    }
}

extension ReportCommand {
    /// `dolg report rolls`: where debt gets stuck.
    struct Rolls: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Roll rates: per month, of the contracts in each bucket at its start, where they were at its end.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            var rolls = RollRates(from: from, to: to, scheme: settings.buckets)
            try ledger.scanHistories(asOf: to, scope: scope.contracts) { history in
                rolls.add(startDate: history.startDate) { history.position(asOf: $0, buckets: settings.buckets) }
            }
            let report = Report(
                columns: [Column("month"), Column("from"), Column("contracts"), Column("deeper"), Column("stayed"),
                          Column("shallower"), Column("current"), Column("terminated")],
                rows: rolls.rows.map { row in
                    [.text(String(row.month.description.prefix(7))), .text(row.from), .integer(row.contracts),
                     .integer(row.deeper), .integer(row.stayed), .integer(row.shallower), .integer(row.current),
                     .integer(row.terminated)]
                })
            output.print(report, settings, try global.language())
        }
    }

    /// `dolg report effectiveness`: which steps bring the money.
    struct EffectivenessReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "effectiveness",
            abstract: "For late debts paid in the period: the ladder step they had reached, counts and amounts.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            var effect = Effectiveness(from: from, to: to, ladder: try global.playbooks(ledger).standard.ladder)
            try ledger.scanHistories(asOf: to, scope: scope.contracts) { history in
                effect.add(installments: history.installments, entries: history.entries, terminatedOn: history.terminatedOn,
                           start: history.startDate, buckets: settings.buckets)
            }
            let report = Report(
                columns: [Column("paid_after"), Column("episodes"), Column("amount")],
                rows: effect.rows.map { [.text($0.step), .integer($0.episodes), .money($0.amount)] })
            output.print(report, settings, try global.language())
        }
    }
}

extension ReportCommand {
    /// `dolg report html --out FILE`: the dashboard.
    struct HTML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "html", abstract: "Write the dashboard: one self-contained HTML file with charts.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The HTML file to write.") var out: String
        @Option(help: "Months of overdue-rate trend.") var months = 6

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: today)
            let trendStart = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -(max(1, months) - 1))
            let trend = try Analytics.dynamics(ledger, settings, DynamicsCalendar.dates(from: trendStart, to: today, by: .month))
            let (byManager, _) = try Analytics.managers(ledger, settings, from: today.adding(days: -30), to: today)
            let forecast = try Analytics.forecast(ledger, settings, today: today, periods: 3, by: .month)
            let dashboard = Dashboard(asOf: today, summary: summary, aging: aging, trend: trend,
                                      managers: byManager.keys.sorted().map { ($0, byManager[$0]!) }, forecast: forecast,
                                      currency: settings.currency, language: try global.language())
            guard FileManager.default.createFile(atPath: out, contents: Data(dashboard.html().utf8)) else {
                throw DolgError(.ledgerFailure, "cannot write \(out)", remedy: "check the directory and its permissions")
            }
            write("Wrote \(out).\n")
        }
    }
}
