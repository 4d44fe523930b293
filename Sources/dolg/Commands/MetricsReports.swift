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
            let portfolio = metrics.portfolio
            let averageVerdict: Verdict = portfolio.overdueContracts == 0 ? .excellent : norms.averageDaysVerdict(tenths: average)
            let report = Report(
                columns: [Column("metric"), Column("value"), Column("verdict"), Column("basis")],
                rows: [
                    [.words("overdue_rate", russian: "доля просрочки"), .percentage(rate), MetricWords.verdict(norms.overdueRateVerdict(rate)),
                     .words("\(portfolio.overdueContracts) of \(portfolio.activeContracts) active contracts on \(to)",
                            russian: "\(portfolio.overdueContracts) из \(portfolio.activeContracts) договоров в работе на \(to.russianDescription)")],
                    [.words("average_days_overdue", russian: "средняя просрочка, дней"), .tenths(average),
                     MetricWords.verdict(averageVerdict),
                     .words("over \(portfolio.overdueContracts) overdue contracts",
                            russian: "по \(portfolio.overdueContracts) просроченным договорам")],
                    [.words("recovery_rate", russian: "доля возврата"), .percentage(metrics.recoveryRate),
                     metrics.overdueInPeriod == 0 ? .empty : MetricWords.verdict(norms.recoveryVerdict(metrics.recoveryRate)),
                     .words("\(metrics.recovered) of \(metrics.overdueInPeriod) overdue between \(from) and \(to) came back",
                            russian: "\(metrics.recovered) из \(metrics.overdueInPeriod) просрочивших с \(from.russianDescription) по \(to.russianDescription) вернулись к графику")],
                    [.words("reaction_days", russian: "реакция, дней"), reaction.map { .integer($0) } ?? .empty,
                     reaction.map { MetricWords.verdict(norms.reactionVerdict(days: $0)) } ?? .empty,
                     .words("median of \(metrics.reactionDays.count) new overdues; \(metrics.unanswered) still without a touch",
                            russian: "медиана по новым просрочкам: \(metrics.reactionDays.count); без контакта до сих пор: \(metrics.unanswered)")],
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
                    return [name.isEmpty ? .words("(none)", russian: "(без менеджера)") : .text(name), .integer(clients[name]?.count ?? 0),
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

/// The verdicts of the health metrics for people.
enum MetricWords {
    static let verdicts: [Verdict: String] = [
        .excellent: "отлично", .good: "хорошо", .normal: "нормально", .acceptable: "допустимо", .bad: "плохо",
        .catastrophe: "катастрофа",
    ]

    static func verdict(_ verdict: Verdict) -> Cell {
        .words(verdict.rawValue, russian: verdicts[verdict] ?? verdict.rawValue)
    }
}
