import ArgumentParser
import DolgRules

/// The period a report covers: `--from` to `--to` (the business date by default).
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp(helpText("The period's first day (default: 30 days before --to).", "Первый день периода (по умолчанию за 30 дней до --to)."))) var from: String?
    @Option(help: ArgumentHelp(helpText("The period's last day (default: the business date).", "Последний день периода (по умолчанию рабочая дата)."))) var to: String?

    func period(_ global: GlobalOptions) throws(DolgError) -> (from: CivilDate, to: CivilDate) {
        var to = try global.businessDate()
        if let text = self.to { to = try parseDate(text, option: "--to") }
        var from = to.adding(days: -30)
        if let text = self.from { from = try parseDate(text, option: "--from") }
        guard from <= to else {
            throw DolgError(.invalidDate, "--from \(from) is after --to \(to)", remedy: "give a period that runs forward")
                .inRussian("--from \(from) позже --to \(to)", remedy: "укажите период от ранней даты к поздней")
        }
        return (from, to)
    }
}
