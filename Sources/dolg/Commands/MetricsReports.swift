import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension ReportCommand {
    /// `dolg report metrics`: the four health metrics with their verdicts.
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Overdue rate, average days overdue, recovery rate and manager reaction time, with verdicts.",
                               "Доля просрочки, средняя просрочка в днях, доля возврата и время реакции менеджеров, с оценками."),
            discussion: helpText("""
                Norms: overdue rate up to 10 % excellent, 20 % good, 30 % acceptable, 50 % bad, above a catastrophe; \
                average days overdue up to 5 excellent, 15 normal, 30 or more bad; recovery 80 % excellent, \
                50–80 % normal, under 50 % bad; reaction within 1 day excellent, up to 5 normal, 7 or more bad.
                """, """
                Нормы: доля просрочки до 10 % — отлично, до 20 % — хорошо, до 30 % — приемлемо, до 50 % — плохо, выше — катастрофа; \
                средняя просрочка до 5 дней — отлично, до 15 — нормально, 30 и больше — плохо; возврат от 80 % — отлично, \
                50–80 % — нормально, меньше 50 % — плохо; реакция в течение 1 дня — отлично, до 5 дней — нормально, 7 и больше — плохо.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var period: PeriodOptions
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            var metrics = CollectionMetrics(from: from, to: to)
            try ledger.scanHistories(asOf: to, scope: scope.contracts) { history in
                metrics.add(schedule: history.schedule, entries: history.entries, touches: history.touches,
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
                    [.text("average_days_overdue"), .tenths(average),
                     .text(metrics.portfolio.overdueContracts == 0 ? "excellent" : norms.averageDaysVerdict(tenths: average).rawValue),
                     .text("over \(metrics.portfolio.overdueContracts) overdue contracts")],
                    [.text("recovery_rate"), .percentage(metrics.recoveryRate),
                     .optionalText(metrics.overdueInPeriod == 0 ? nil : norms.recoveryVerdict(metrics.recoveryRate).rawValue),
                     .text("\(metrics.recovered) of \(metrics.overdueInPeriod) overdue between \(from) and \(to) came back")],
                    [.text("reaction_days"), reaction.map { .integer($0) } ?? .empty,
                     .optionalText(reaction.map { norms.reactionVerdict(days: $0).rawValue }),
                     .text("median of \(metrics.reactionDays.count) new overdues; \(metrics.unanswered) still without a touch")],
                ])
            try output.print(report, settings, try global.language())
        }
    }

    /// `dolg report managers`: who works and who does not.
    struct Managers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Per manager: contracts, closed, overdue now, recovered, promises, touches, reaction time.",
                               "По каждому менеджеру: договоры, закрытые, просроченные сейчас, вернувшиеся в срок, обещания оплатить, контакты, время реакции."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var scope: ReportScope
        @OptionGroup var period: PeriodOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let (from, to) = try period.period(global)
            let (byManager, clients) = try Analytics.managers(ledger, settings, from: from, to: to, scope: scope.contracts)
            var report = Report(
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
            // On a narrow terminal the head keeps who, how much is late, and whether promises hold.
            report.dropOrder = ["median_reaction_days", "closed_in_period", "recovered", "touches", "contracts", "clients"]
            try output.print(report, settings, try global.language())
        }
    }
}
