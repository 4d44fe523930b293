import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg next`: today's work, most at risk first.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next", abstract: helpText("Today's collection work: calls, letters, visits and hand-overs due.",
                                                "Работа по взысканию на сегодня: положенные звонки, письма, визиты и передачи юристу."),
        discussion: helpText("""
            One row per contract whose person step is due and not done. Sorted by risk: contracts with a \
            broken promise first, then deeper buckets, then larger overdue amounts, then more days late. \
            A manager sees their own clients unless --all or --manager is given.
            """, """
            Одна строка на договор, по которому наступил и не выполнен шаг для человека (не автоматический). \
            Порядок по риску: сначала договоры с нарушенным обещанием, затем с более глубокой просрочкой, \
            затем с большей просроченной суммой, затем с большим числом дней просрочки. Менеджер видит \
            своих клиентов, если не указаны --all или --manager.
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var privacy: PrivacyOptions
    @Option(help: ArgumentHelp(helpText("The work of this manager.", "Работа этого менеджера.")), completion: .custom(Completions.managers)) var manager: String?
    @Flag(help: ArgumentHelp(helpText("Everyone's work.", "Работа всех менеджеров."))) var all = false

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let now = try global.businessMoment()
        let playbooks = try global.playbooks(ledger)
        let policy = playbooks.contactPolicy
        let table = TableRenderer(currency: settings.currency, language: try global.language())
        // Only what the list shows is kept, with its sort key: the list can be a large part of the ledger.
        var items: [(key: WorkOrder.Key, cells: [Cell])] = []
        // The manager working a contract sees its client's whole phone: calling is their work.
        let me = try global.workingManager(ledger)
        try ledger.scanWork(now: now, scope: global.scope(workingAs: me, manager: manager, all: all),
                            playbooks: playbooks) { work in
            guard work.state.isDue(on: now.date), let step = work.state.step else { return }
            var decision = ContactPolicy.Decision.allowed
            if let kind = ContactPolicy.kind(of: step.channel) { decision = work.client.decide(kind, policy, at: now) }
            let ownClient = me.map { $0.name == work.row.managerName } ?? false
            items.append((WorkOrder.key(work, postponed: decision != .allowed),
                          cells(work, step, decision, now, table, fullPhone: ownClient)))
        }
        try privacy.auditReveal(ledger, global)
        items.sort { $0.key < $1.key }
        let columns = [Column("contract"), Column("client"), Column("phone"), Column("manager"), Column("step"),
                       Column("channel"), Column("step_due"), Column("not_before"), Column("bucket"),
                       Column("days_overdue"), Column("overdue_amount"), Column("outstanding"), Column("last_touch"),
                       Column("promise"), Column("skipped"), Column("postponed"), Column("instruction")]
        // On a terminal: what a caller needs to make the call and say what is owed, the rest with --wide.
        let layout = (compact: Optional(["contract", "client", "phone", "step", "days_overdue", "overdue_amount", "promise",
                                         "instruction"]),
                      dropOrder: ["promise", "days_overdue", "overdue_amount"],
                      empty: Optional((english: "Nothing to do now.", russian: "На сегодня задач нет.")))
        try output.printRows(columns, count: items.count, settings, try global.language(), layout: layout) { items[$0].cells }
    }

    func cells(_ work: ContractWorkRow, _ step: LadderStep, _ decision: ContactPolicy.Decision, _ now: BusinessMoment,
               _ table: TableRenderer, fullPhone: Bool) -> [Cell] {
        let row = work.row
        let state = work.state
        let position = row.position
        let english = TableRenderer(currency: table.currency, language: .english)
        let russian = TableRenderer(currency: table.currency, language: .russian)
        var notBefore = state.notBefore.flatMap { $0 > now ? $0 : nil }
        var postponed: Cell = .empty
        if case .postponed(let until, let reason) = decision {
            notBefore = max(notBefore ?? until, until)
            postponed = .words(reason.english, russian: reason.russian)
        }
        let notBeforeCell = notBefore.map { moment in
            moment.date == now.date ? Cell.text(moment.timeDescription)
                : .words(moment.description, russian: "\(moment.date.russianDescription) \(moment.timeDescription)")
        } ?? .empty
        return [.text(row.number), .text(row.clientName), .text(fullPhone ? row.clientPhone : privacy.phone(row.clientPhone)),
                .optionalText(row.managerName), WorkflowWords.step(step), WorkflowWords.channel(step.channel),
                .optionalDate(state.stepDueDate), notBeforeCell, .optionalText(position.bucket?.label),
                .integer(position.daysOverdue), .money(position.overdueAmount), .money(position.outstanding),
                state.lastTouch.map(WorkflowWords.touch) ?? .empty,
                state.promise.map { WorkflowWords.promise($0, state: state.promiseState, english, russian) } ?? .empty,
                skipped(state.skippedSteps), postponed,
                WorkflowWords.instruction(step, brokenPromise: state.followsBrokenPromise, escalated: state.escalated,
                                          automationStopped: state.automationStopped)]
    }
}

/// Earlier steps never done, by name.
private func skipped(_ steps: [LadderStep]) -> Cell {
    guard !steps.isEmpty else { return .empty }
    return .words(steps.map(\.name).joined(separator: " "),
                  russian: steps.map { WorkflowWords.stepNames[$0.name] ?? $0.name }.joined(separator: ", "))
}

/// The order of the work list: what can be done now before what the contact policy postpones;
/// then the riskiest first: broken promises, deeper buckets, larger amounts, more days late.
enum WorkOrder {
    typealias Key = (Int, Int, Int, Int128, Int, String)

    static func key(_ work: ContractWorkRow, postponed: Bool) -> Key {
        let position = work.row.position
        return (postponed ? 1 : 0, work.state.promiseState == .broken ? 0 : 1, -(position.bucket?.index ?? -1),
                -position.overdueAmount.minorUnits, -position.daysOverdue, work.row.number)
    }
}
