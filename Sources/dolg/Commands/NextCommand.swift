import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg next`: today's work, most at risk first.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Today's collection work: calls, letters, visits and hand-overs due.",
        discussion: """
            One row per contract whose person step is due and not done. Sorted by risk: contracts with a \
            broken promise first, then deeper buckets, then larger overdue amounts, then more days late. \
            A manager sees their own clients unless --all or --manager is given.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var privacy: PrivacyOptions
    @Option(help: "The work of this manager.") var manager: String?
    @Flag(help: "Everyone's work.") var all = false

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let now = try global.businessMoment()
        var items: [(work: ContractWorkRow, postponed: ContactPolicy.Decision)] = []
        let playbooks = try global.playbooks(ledger)
        let policy = playbooks.contactPolicy
        try ledger.scanWork(now: now, scope: try global.scope(ledger, manager: manager, all: all),
                            playbooks: playbooks) { work in
            guard work.state.isDue(on: now.date), let step = work.state.step else { return }
            var decision = ContactPolicy.Decision.allowed
            if work.client.isProtected, let kind = ContactPolicy.kind(of: step.channel) {
                decision = policy.decide(
                    kind, at: work.client.localTime(now), earlier: work.client.earlier[kind] ?? [])
            }
            items.append((work, decision))
        }
        // Work that can be done now first, by risk; what the contact policy postpones after it.
        items.sort { a, b in
            let (aNow, bNow) = (a.postponed == .allowed, b.postponed == .allowed)
            return aNow != bNow ? aNow : WorkOrder.key(a.work) < WorkOrder.key(b.work)
        }
        let table = TableRenderer(currency: settings.currency, language: try global.language())
        let report = Report(
            columns: [Column("contract"), Column("client"), Column("phone"), Column("manager"), Column("step"),
                      Column("channel"), Column("step_due"), Column("not_before"), Column("bucket"),
                      Column("days_overdue"), Column("overdue_amount"), Column("outstanding"), Column("last_touch"),
                      Column("promise"), Column("skipped"), Column("postponed"), Column("instruction")],
            rows: items.map { work, decision in
                let row = work.row
                let state = work.state
                let position = row.position
                let lastTouch = state.lastTouch.map { "\($0.at.date) \($0.channel.rawValue) \($0.outcome.rawValue)" }
                let promise = state.promise.map { promise in
                    "\(table.format(.money(promise.amount))) by \(promise.dueDate) \(state.promiseState?.rawValue ?? "")"
                }
                var notBefore = state.notBefore.flatMap { $0 > now ? $0 : nil }
                var postponed: String?
                if case .postponed(let until, let reason) = decision {
                    // The policy speaks in the client's clock; the list in the business's.
                    notBefore = max(notBefore ?? until, until.adding(minutes: -work.client.timeOffsetMinutes))
                    postponed = reason
                }
                let notBeforeText = notBefore.map { $0.date == now.date ? $0.timeDescription : $0.description }
                return [.text(row.number), .text(row.clientName), .text(privacy.phone(row.clientPhone)),
                        .optionalText(row.managerName), .text(state.step?.name ?? ""),
                        .text(state.step?.channel.rawValue ?? ""), .optionalDate(state.stepDueDate),
                        .optionalText(notBeforeText), .optionalText(position.bucket?.label), .integer(position.daysOverdue),
                        .money(position.overdueAmount), .money(position.outstanding), .optionalText(lastTouch),
                        .optionalText(promise), .optionalText(state.skippedSteps.isEmpty ? nil
                            : state.skippedSteps.map(\.name).joined(separator: " ")), .optionalText(postponed),
                        .text((state.escalated ? "Escalated: " : "") + (state.step?.instruction ?? ""))]
            })
        output.print(report, settings, try global.language())
    }
}

/// The order of the work list: the riskiest first.
enum WorkOrder {
    static func key(_ work: ContractWorkRow) -> (Int, Int, Int64, Int, String) {
        let position = work.row.position
        return (work.state.promiseState == .broken ? 0 : 1, -(position.bucket?.index ?? -1),
                -position.overdueAmount.minorUnits, -position.daysOverdue, work.row.number)
    }
}
