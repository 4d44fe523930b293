import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension ReportCommand {
    /// `dolg report html --out FILE`: the dashboard.
    struct HTML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "html", abstract: helpText("Write the dashboard: one self-contained HTML file with charts.",
                                                    "Записать сводку (дашборд): один автономный HTML-файл с диаграммами."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var scope: ReportScope
        @Option(name: [.customShort("o"), .customLong("output"), .customLong("out")],
                help: ArgumentHelp(helpText("The HTML file to write.", "HTML-файл, куда записать сводку."),
                                   valueName: helpText("file", "файл")), completion: .file(extensions: ["html"]))
        var out: String
        @Option(help: ArgumentHelp(helpText("How many of the largest and of the oldest debts to list.",
                                            "Сколько крупнейших и самых давних долгов показать.")))
        var top = 10
        @Option(help: ArgumentHelp(helpText("Months of overdue-rate trend.",
                                            "За сколько месяцев показать динамику доли просрочки.")))
        var months = 6

        func run() throws {
            try checkCount(months, option: "--months", within: InputLimits.trendMonths)
            try checkCount(top, option: "--top", within: 1...1_000)
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let contracts = scope.contracts
            var debts: [DashboardDebt] = []
            let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: today, scope: contracts) { row in
                guard row.position.bucket != nil else { return }
                debts.append(DashboardDebt(contract: row.number, client: row.clientName, manager: row.managerName,
                                           daysOverdue: row.position.daysOverdue, overdueAmount: row.position.overdueAmount))
            }
            let trendStart = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -(months - 1))
            let trend = try Analytics.dynamics(ledger, settings, DynamicsCalendar.dates(from: trendStart, to: today, by: .month),
                                               scope: contracts)
            let (byManager, _) = try Analytics.managers(ledger, settings, from: today.adding(days: -30), to: today, scope: contracts)
            let forecast = try Analytics.forecast(ledger, settings, today: today, periods: 3, by: .month, scope: contracts)
            let largest = debts.sorted { ($1.overdueAmount, $0.contract) < ($0.overdueAmount, $1.contract) }.prefix(top)
            let oldest = debts.sorted { ($1.daysOverdue, $0.contract) < ($0.daysOverdue, $1.contract) }.prefix(top)
            let language = try global.language()
            let say = Say(language: language)
            let covered = [scope.manager.map { say("manager \($0)", "менеджер \($0)") },
                           scope.segment.map { say("segment \($0)", "сегмент \($0)") }].compactMap { $0 }
            let dashboard = Dashboard(asOf: today, summary: summary, aging: aging, trend: trend,
                                      managers: byManager.keys.sorted().map { ($0, byManager[$0]!) }, forecast: forecast,
                                      largestDebts: Array(largest), oldestDebts: Array(oldest),
                                      scopeNote: covered.isEmpty ? nil : say("Only: ", "Только: ") + covered.joined(separator: ", "),
                                      currency: settings.currency, language: language)
            try OutputFile.write(Data(dashboard.html().utf8), to: out)
            write(Say(language: try global.language())("Wrote \(out).\n", "Записан файл \(out).\n"))
        }
    }
}
