import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg history CONTRACT`: the contract's timeline.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: helpText("A contract's timeline: payments, touches, promises, holds, reminders.", "Хронология договора: платежи, контакты, обещания оплатить, паузы, напоминания."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp(helpText("The contract number; or a client's phone or id, for all their contracts.", "Номер договора; или телефон либо id клиента — по всем его договорам.")), completion: .custom(Completions.contracts)) var contract: String

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let today = try global.businessDate()
        let timeline: [TimelineEvent]
        if try ledger.contractExists(number: contract) {
            timeline = try ledger.timeline(contractNumber: contract, asOf: today)
        } else {
            let client = try ledger.clientID(reference: contract)
            timeline = try ledger.clientTimeline(clientID: client, asOf: today)
        }
        let report = Report(
            columns: [Column("at"), Column("event"), Column("amount"), Column("details"), Column("by")],
            rows: timeline.map(HistoryWords.cells))
        try output.print(report, settings, try global.language())
    }
}
