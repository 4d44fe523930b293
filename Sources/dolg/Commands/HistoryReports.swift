import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension DynamicsCalendar.Step: ExpressibleByArgument {}

extension ReportCommand {
    /// `dolg report dynamics`: whether overdue is rising or falling, and where it piles up.
    struct Dynamics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Overdue rate, overdue amount and contracts per bucket over time.",
                               "Динамика: доля просрочки, просроченная сумма и число договоров по интервалам просрочки."),
            discussion: helpText("""
                One row per day, week or month end. Days with a nightly snapshot use it; other days are \
                recomputed from the ledger's history, which the as-of rules make exact. `change` is the \
                overdue rate's move since the row before, in percentage points.
                """, """
                Одна строка на день, неделю или конец месяца. Для дней с ночным снимком берётся он; остальные \
                дни пересчитываются по истории реестра, и правила расчёта на дату делают это точно. `change` — \
                изменение доли просрочки с предыдущей строки, в процентных пунктах.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions
        @Option(help: ArgumentHelp(helpText("day, week or month.", "day (день), week (неделя) или month (месяц).")))
        var by: DynamicsCalendar.Step = .month

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            let dates = DynamicsCalendar.dates(from: from, to: to, by: by)
            guard dates.count <= InputLimits.dynamicsDates else {
                let most = InputLimits.dynamicsDates
                throw DolgError(.invalidValue, "\(from)…\(to) by \(by.rawValue) is \(dates.count) dates, more than \(most)",
                                remedy: "give a shorter period, or --by week or month")
                    .inRussian("\(from)…\(to) по \(["day": "дням", "week": "неделям", "month": "месяцам"][by.rawValue] ?? by.rawValue): \(dates.count) дат, больше \(most)",
                               remedy: "укажите период короче или --by week либо month")
            }
            let points = try Analytics.dynamics(ledger, settings, dates, scope: scope.contracts)
            let labels = settings.buckets.buckets.map(\.label)
            var report = Report(
                columns: [Column("date"), Column("source"), Column("active"), Column("overdue"), Column("overdue_rate"),
                          Column("change"), Column("overdue_amount")] + labels.map { Column("bucket_" + $0, $0) },
                rows: points.enumerated().map { index, point in
                    let change = index == 0 ? Cell.empty
                        : .signedTenths(point.overdueRate.tenths - points[index - 1].overdueRate.tenths)
                    return [.date(point.date), .term(point.source.rawValue), .integer(point.active), .integer(point.overdue),
                            .percentage(point.overdueRate), change, .money(point.overdueAmount)]
                        + point.bucketCounts.map { .integer($0) }
                })
            if output.showsCharts {
                // The overdue rate so far, as a sparkline that grows row by row.
                let rates = points.map(\.overdueRate.tenths)
                report = report.adding(Column("trend", ""), cells: rates.indices.map {
                    .chart(TerminalChart.sparkline(Array(rates[...$0])))
                }, footer: .empty)
            }
            try output.print(report, settings, try global.language())
        }
    }
}

extension ReportCommand {
    /// `dolg report rolls`: where debt gets stuck.
    struct Rolls: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Roll rates: per month, of the contracts in each bucket at its start, where they were at its end.",
                               "Переходы между интервалами просрочки: по месяцам, где к концу месяца оказались договоры каждого интервала на его начало."))

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
                    [.text(String(row.month.description.prefix(7))), .term(row.from), .integer(row.contracts),
                     .integer(row.deeper), .integer(row.stayed), .integer(row.shallower), .integer(row.current),
                     .integer(row.terminated)]
                })
            try output.print(report, settings, try global.language())
        }
    }

    /// `dolg report effectiveness`: which steps bring the money.
    struct EffectivenessReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "effectiveness",
            abstract: helpText("For late debts paid in the period: the ladder step they had reached, counts and amounts.",
                               "По просроченным долгам, оплаченным за период: до какого шага лестницы взыскания они дошли, сколько их и на какую сумму."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            var effect = Effectiveness(from: from, to: to, ladder: try global.playbooks(ledger).standard.ladder)
            try ledger.scanHistories(asOf: to, scope: scope.contracts) { history in
                effect.add(schedule: history.schedule, entries: history.entries, terminatedOn: history.terminatedOn,
                           start: history.startDate, buckets: settings.buckets)
            }
            let report = Report(
                columns: [Column("paid_after"), Column("episodes"), Column("amount")],
                rows: effect.rows.map { [.term($0.step), .integer($0.episodes), .money($0.amount)] })
            try output.print(report, settings, try global.language())
        }
    }
}
