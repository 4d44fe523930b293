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
        @Option(help: ArgumentHelp(helpText("The HTML file to write.", "HTML-файл, куда записать сводку.")))
        var out: String
        @Option(help: ArgumentHelp(helpText("Months of overdue-rate trend.",
                                            "За сколько месяцев показать динамику доли просрочки.")))
        var months = 6

        func run() throws {
            try checkCount(months, option: "--months", within: InputLimits.trendMonths)
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: today)
            let trendStart = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -(months - 1))
            let trend = try Analytics.dynamics(ledger, settings, DynamicsCalendar.dates(from: trendStart, to: today, by: .month))
            let (byManager, _) = try Analytics.managers(ledger, settings, from: today.adding(days: -30), to: today)
            let forecast = try Analytics.forecast(ledger, settings, today: today, periods: 3, by: .month)
            let dashboard = Dashboard(asOf: today, summary: summary, aging: aging, trend: trend,
                                      managers: byManager.keys.sorted().map { ($0, byManager[$0]!) }, forecast: forecast,
                                      currency: settings.currency, language: try global.language())
            try OutputFile.write(Data(dashboard.html().utf8), to: out)
            write(Say(language: try global.language())("Wrote \(out).\n", "Записан файл \(out).\n"))
        }
    }
}
