import ArgumentParser
import DolgRules
import DolgStorage

extension OutboxMessage.Status: ExpressibleByArgument {}

/// `dolg outbox list|export|retry|mark-sent`: what was sent, failed, skipped, cancelled or waits.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: helpText("The reminders: pending, sent, failed, unknown, skipped or cancelled.",
                                                  "Очередь сообщений: напоминания ждущие, отправленные, с ошибкой, с неизвестным итогом, пропущенные и отменённые."),
        subcommands: [List.self, Export.self, Retry.self, MarkSent.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("List the outbox.",
                                                                           "Показать очередь сообщений."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: ArgumentHelp(helpText("Only messages with this status.", "Только сообщения с этим статусом.")))
        var status: OutboxMessage.Status?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = try outboxReport(ledger, settings, global, status: status, privacy: privacy)
            try privacy.auditReveal(ledger, global)
            try output.print(report, settings, try global.language())
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("The outbox as CSV, e.g. for a gateway's bulk upload.",
                               "Очередь сообщений в CSV, например для массовой загрузки в шлюз."),
            discussion: helpText("""
                Waiting messages carry the text they would have if sent now. After uploading them \
                elsewhere, record them with `dolg outbox mark-sent` so that no run sends them again.
                """, """
                У ждущих сообщений — текст, который они получили бы при отправке сейчас. Загрузив их в другую \
                систему, отметьте их командой `dolg outbox mark-sent`, чтобы ни один запуск не отправил их повторно.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var destination: OutputDestinationOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: ArgumentHelp(helpText("Only messages with this status.", "Только сообщения с этим статусом.")))
        var status: OutboxMessage.Status?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = try outboxReport(ledger, settings, global, status: status, privacy: privacy)
            try privacy.auditReveal(ledger, global)
            write(CSVRenderer().render(report))
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Hand messages whose outcome is unknown to the gateway again.",
                               "Снова передать в шлюз сообщения с неизвестным итогом."),
            discussion: helpText("""
                A message is unknown when a run handed it to the send command and stopped before it heard \
                back. Check with the gateway first: if it went, use `dolg outbox mark-sent` instead. A \
                retried message is sent by the next `dolg remind --send-cmd` with the same id, so a \
                gateway that drops repeated ids sends it once.
                """, """
                Итог сообщения неизвестен, если запуск передал его команде отправки и остановился, не дождавшись \
                ответа. Сначала проверьте в шлюзе: если сообщение ушло, используйте `dolg outbox mark-sent`. \
                Повторное сообщение отправит следующий `dolg remind --send-cmd` с тем же id, так что шлюз, \
                отбрасывающий повторные id, отправит его один раз.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("Outbox message ids (see `dolg outbox list --status unknown`).",
                                              "Номера (id) сообщений из очереди (см. `dolg outbox list --status unknown`).")))
        var ids: [Int64] = []
        @Flag(help: ArgumentHelp(helpText("Every message whose outcome is unknown.",
                                          "Все сообщения с неизвестным итогом.")))
        var unknown = false

        func validate() throws {
            guard unknown != !ids.isEmpty else { throw ValidationError("give message ids or --unknown, not both") }
        }

        func run() throws {
            let (ledger, _) = try global.openLedger()
            // A run that is sending holds its message in flight: it is not unknown yet.
            let lock = try RunLock.sending(ledger)
            defer { lock.release() }
            let count = try settleUnknown(ledger, global, ids: unknown ? nil : ids, result: .retry)
            let say = Say(language: try global.language())
            write(say("\(count) message(s) will be handed over again by the next run.\n",
                      "Сообщений к повторной отправке: \(count).\n"))
        }
    }

    struct MarkSent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark-sent",
            abstract: helpText("Record messages as sent outside dolg (a bulk upload), or as delivered after a crash.",
                               "Отметить сообщения как отправленные в обход dolg (массовая загрузка) или как доставленные после сбоя."),
            discussion: helpText("""
                Waiting messages are recorded with the text they have now (the text `outbox export` \
                shows); messages whose outcome is unknown keep the text they were handed over with.
                """, """
                Ждущие сообщения записываются с текущим текстом (тем, что показывает `outbox export`); \
                у сообщений с неизвестным итогом остаётся текст, с которым их передали.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("Outbox message ids.", "Номера (id) сообщений из очереди.")))
        var ids: [Int64] = []
        @Flag(help: ArgumentHelp(helpText("Every waiting message.", "Все ждущие сообщения."))) var pending = false
        @Flag(help: ArgumentHelp(helpText("Every message whose outcome is unknown.",
                                          "Все сообщения с неизвестным итогом.")))
        var unknown = false

        func validate() throws {
            guard !ids.isEmpty || pending || unknown else { throw ValidationError("give message ids, --pending or --unknown") }
        }

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let lock = try RunLock.sending(ledger)
            defer { lock.release() }
            let source = "operator \(global.login)"
            // Every id is checked before anything is written.
            let since = try global.businessMoment().date.adding(days: -LedgerDatabase.waitingWindowDays)
            let waiting = try ledger.outbox(since: since).filter(\.status.isWaiting).map(\.id)
            let unknownIDs = try ledger.unknownAttempts(messageIDs: nil).map(\.messageID)
            if let stray = ids.first(where: { !waiting.contains($0) && !unknownIDs.contains($0) }) {
                throw DolgError(.invalidValue, "message \(stray) neither waits nor has an unknown outcome",
                                remedy: "see `dolg outbox list --status pending` and `--status unknown`")
                    .inRussian("сообщение \(stray) не ждёт отправки и не в неизвестном состоянии",
                               remedy: "см. `dolg outbox list --status pending` и `--status unknown`")
            }
            var count = try settleUnknown(ledger, global, ids: unknown ? nil : ids.filter(unknownIDs.contains),
                                          result: .sent, mustMatch: false)
            let chosen = Set(pending ? waiting : ids.filter(waiting.contains))
            if !chosen.isEmpty {
                count += try ReminderRun(ledger, settings, global)
                    .run(.markSent(chosen, by: source), listEach: false).sent
            }
            let say = Say(language: try global.language())
            write(say("\(count) message(s) recorded as sent.\n", "Записано как отправленные: \(count).\n"))
        }
    }
}

/// Records an operator's word on messages whose outcome is unknown (all when `ids` is nil).
/// Returns how many were settled; with `mustMatch`, an id that is not unknown is an error.
private func settleUnknown(_ ledger: LedgerDatabase, _ global: GlobalOptions, ids: [Int64]?, result: AttemptResult,
                           mustMatch: Bool = true) throws -> Int {
    let attempts = try ledger.unknownAttempts(messageIDs: ids)
    if mustMatch, let ids, let missing = ids.first(where: { id in !attempts.contains { $0.messageID == id } }) {
        throw DolgError(.invalidValue, "message \(missing) is not one whose outcome is unknown",
                        remedy: "see `dolg outbox list --status unknown`")
            .inRussian("у сообщения \(missing) итог отправки известен", remedy: "см. `dolg outbox list --status unknown`")
    }
    // One attempt may carry several messages: its result is recorded once.
    var settled = Set<Int64>()
    for attempt in attempts where settled.insert(attempt.attemptID).inserted {
        try ledger.recordResult(attemptID: attempt.attemptID, at: try global.businessMoment(), result: result,
                                detail: nil, source: "operator \(global.login)", audit: try global.auditContext())
    }
    return attempts.count
}

func outboxReport(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ global: GlobalOptions,
                  status: OutboxMessage.Status?, privacy: PrivacyOptions) throws -> Report {
    let messages = try ledger.outbox(status: status)
    // Waiting messages have no text until they are handed over: show the one they would have now.
    var previews: [Int64: String] = [:]
    if messages.contains(where: \.status.isWaiting) {
        previews = try ReminderRun(ledger, settings, global)
            .run(.dryRun, listEach: false).previews
    }
    var report = Report(
        columns: [Column("id"), Column("created_at"), Column("contract"), Column("installment"), Column("step"),
                  Column("channel"), Column("phone"), Column("status"), Column("attempts"), Column("delivery"),
                  Column("handed_at"), Column("detail"), Column("text")],
        rows: messages.map { message in
            [.integer(Int(message.id)), .text(message.createdAt.description), .text(message.contractNumber),
             .integer(message.installmentSeq), .term(message.step), .text(message.channel),
             // An email address as it is; anything else is a phone, masked unless --reveal.
             .text(message.address.contains("@") ? message.address : privacy.phone(message.address)),
             .term(message.status.rawValue), .integer(message.attempts),
             message.deliveryID.map { .integer(Int($0)) } ?? .optionalText(nil),
             .optionalText(message.handedAt?.description),
             .optionalText(message.detail), .text(message.text.isEmpty ? previews[message.id] ?? "" : message.text)]
        })
    // On a terminal: which message, to whom, where it stands and what it says.
    report.compactColumns = ["id", "contract", "step", "phone", "status", "handed_at", "detail", "text"]
    report.dropOrder = ["handed_at", "detail", "phone"]
    return report
}
