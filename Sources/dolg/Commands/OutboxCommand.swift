import ArgumentParser
import DolgRules
import DolgStorage

extension OutboxMessage.Status: ExpressibleByArgument {}

/// `dolg outbox list|export`: what was sent, failed, skipped or waits.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "The reminders: sent, failed, pending, skipped or cancelled.",
        subcommands: [List.self, Export.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the outbox.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: "Only messages with this status.") var status: OutboxMessage.Status?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            try privacy.auditReveal(ledger, global)
            output.print(try outboxReport(ledger, status: status, privacy: privacy), settings, try global.language())
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The outbox as CSV, e.g. for a gateway's bulk upload.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: "Only messages with this status.") var status: OutboxMessage.Status?

        func run() throws {
            let (ledger, _) = try global.openLedger()
            try privacy.auditReveal(ledger, global)
            write(CSVRenderer().render(try outboxReport(ledger, status: status, privacy: privacy)))
        }
    }
}

func outboxReport(_ ledger: LedgerDatabase, status: OutboxMessage.Status?, privacy: PrivacyOptions) throws -> Report {
    Report(
        columns: [Column("id"), Column("created_at"), Column("contract"), Column("installment"), Column("step"),
                  Column("channel"), Column("phone"), Column("status"), Column("attempts"), Column("detail"),
                  Column("text")],
        rows: try ledger.outbox(status: status).map { message in
            [.integer(Int(message.id)), .text(message.createdAt.description), .text(message.contractNumber),
             .integer(message.installmentSeq), .text(message.step), .text(message.channel),
             .text(privacy.phone(message.phone)), .term(message.status.rawValue), .integer(message.attempts),
             .optionalText(message.lastDetail), .text(message.text)]
        })
}
