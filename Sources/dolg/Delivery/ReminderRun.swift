import DolgRules
import DolgStorage

/// One run of the reminders, as `remind` and `daily` do it: plan what fell due into the outbox,
/// check again what waits (a payment, a later step, a hold, a promise, the lawyer may have made
/// it moot), and, given a send command, hand over what is allowed now.
///
/// Delivery is one message per client, step and run (several contracts named in one text),
/// rendered from the ledger as of the moment it is handed over. Each hand-over is recorded
/// before the gateway runs and its result after: a run that dies in between leaves the attempt
/// `unknown`, which no later run sends again by itself (`dolg outbox retry`). So a message
/// reaches the gateway at most once, and exactly once with a gateway that drops repeated ids.
struct ReminderRun {
    let ledger: LedgerDatabase
    let settings: LedgerSettings
    let playbooks: PlaybookSet
    let now: BusinessMoment
    let say: Say
    let audit: () throws(DolgError) -> AuditContext

    /// A run as a command makes it: the playbooks in force, the business moment and language of its options.
    init(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ global: GlobalOptions) throws {
        self.init(ledger: ledger, settings: settings, playbooks: try global.playbooks(ledger),
                  now: try global.businessMoment(), say: Say(language: try global.language()), audit: global.auditContext)
    }

    init(ledger: LedgerDatabase, settings: LedgerSettings, playbooks: PlaybookSet, now: BusinessMoment, say: Say,
         audit: @escaping () throws(DolgError) -> AuditContext) {
        self.ledger = ledger
        self.settings = settings
        self.playbooks = playbooks
        self.now = now
        self.say = say
        self.audit = audit
    }

    /// What the run does once the outbox is planned.
    enum Mode {
        /// Show what is due, writing nothing; render the texts waiting messages would have now.
        case dryRun
        /// Plan and check again what waits, hand nothing over.
        case plan
        /// Plan, then hand over what is allowed now through the operator's command.
        case send(GatewayCommand)
        /// Plan, then record these waiting messages as sent by someone else (a bulk upload of
        /// `outbox export`), with the text they have now, whatever the hour.
        case markSent(Set<Int64>, by: String)
    }

    /// What a run did, for the summary.
    struct Outcome {
        var created = 0
        var skipped = 0
        var sent = 0
        var failed = 0
        var cancelled = 0
        /// Deliveries handed over whose result could not be recorded: their outcome is unknown.
        var unknown = 0
        /// Messages still waiting after the run: not allowed now, refused by the gateway, or (in a
        /// run that does not send) planned for the sending line.
        var waiting = 0
        /// Deliveries not allowed now, with the first moment they may go (the business's clock).
        var postponed: [(what: String, until: BusinessMoment, reason: String)] = []
        /// Messages that have waited longer than the alarm age since they could first go.
        var stuck: [String] = []
        /// Messages handed to the gateway by a run that died, waiting for an operator.
        var unknownWaiting = 0
        var lines: [String] = []
        /// In a dry run, the text each waiting message would have if it went now.
        var previews: [Int64: String] = [:]
    }

    /// A message that may go now: one installment of one contract, at one step.
    private struct Deliverable {
        var messageID: Int64
        let clientID: Int64
        let clientName: String
        let phone: String
        let email: String?
        let contacts: ClientContacts
        let step: LadderStep
        let line: ReminderLine
        let retryOf: Int64?
        let plannedAt: BusinessMoment
    }

    /// Runs the reminders. `listEach` lists every planned message (as `remind` does);
    /// `eachWork` sees every open contract's work during the same scan.
    func run(_ mode: Mode, listEach: Bool, eachWork: (ContractWorkRow) -> Void = { _ in }) throws -> Outcome {
        var outcome = Outcome()
        let dryRun: Bool
        if case .dryRun = mode { dryRun = true } else { dryRun = false }
        // Messages planned by this run are handed over by this run only when it sends: a run that
        // only plans (the night's close) keeps none of their positions, so memory stays small.
        let handsOver: Bool
        switch mode {
        case .send, .markSent: handsOver = true
        case .plan, .dryRun: handsOver = false
        }
        var drafts: [OutboxDraft] = []
        var draftDeliverables: [(draft: Int, deliverable: Deliverable)] = []
        var deliverables: [Deliverable] = []
        var cancellations: [(messageID: Int64, reason: String)] = []
        var planned = 0
        try ledger.scanReminders(now: now, playbooks: playbooks, eachWork: eachWork) { item in
            let row = item.work.row
            func deliverable(_ id: Int64, _ step: LadderStep, _ coverage: InstallmentCoverage, retryOf: Int64?,
                             plannedAt: BusinessMoment) -> Deliverable {
                Deliverable(messageID: id, clientID: row.clientID, clientName: row.clientName, phone: row.clientPhone,
                            email: row.clientEmail, contacts: item.work.client, step: step,
                            line: ReminderLine(contract: row.number, installment: coverage, position: row.position),
                            retryOf: retryOf, plannedAt: plannedAt)
            }
            for reminder in item.planned {
                let seq = reminder.candidate.installment.installment.seq
                planned += 1
                if reminder.skipped { outcome.skipped += 1 }
                if listEach {
                    let step = stepWords(reminder.candidate.step.name)
                    outcome.lines.append(reminder.skipped
                        ? say("skip  ", "пропуск ") + "\(row.number) #\(seq) \(step)"
                        : say("new   ", "новое   ") + "\(row.number) #\(seq) \(step) → \(PhoneNumber.masked(row.clientPhone)): "
                            + (try preview(reminder, client: row.clientName)))
                }
                guard !dryRun else { continue }
                drafts.append(OutboxDraft(reminder))
                if handsOver && !reminder.skipped {
                    draftDeliverables.append((drafts.count - 1, deliverable(
                        0, reminder.candidate.step, reminder.candidate.installment, retryOf: nil, plannedAt: now)))
                }
            }
            for message in item.waiting {
                let verdict = ReminderPlanner.verdict(
                    step: message.step, seq: message.installmentSeq, plannedOn: message.createdAt.date,
                    position: row.position, state: item.work.state, playbook: item.playbook, today: now.date,
                    reachable: row.reachableChannels)
                guard case .deliver = verdict,
                      let step = Self.step(named: message.step, in: item.playbook),
                      let coverage = row.position.allocation.coverages.first(where: { $0.installment.seq == message.installmentSeq })
                else {
                    if case .cancel(let reason) = verdict { cancellations.append((message.id, reason)) }
                    continue
                }
                deliverables.append(deliverable(message.id, step, coverage, retryOf: message.retryOfDelivery,
                                                plannedAt: message.createdAt))
            }
        }
        if dryRun {
            outcome.created = planned - outcome.skipped
            outcome.waiting = deliverables.count + outcome.created
            for group in Self.grouped(deliverables) {
                let text = try render(group)
                for item in group { outcome.previews[item.messageID] = text }
            }
            outcome.lines.append(say("Dry run: nothing written or sent.", "Пробный прогон: ничего не записано и не отправлено."))
            return outcome
        }
        let recorded = try ledger.recordReminders(drafts, at: now, audit: try audit())
        outcome.created = recorded.inserted - outcome.skipped
        for (index, var item) in draftDeliverables {
            item.messageID = recorded.ids[index]
            deliverables.append(item)
        }
        try ledger.cancelMessages(cancellations, at: now, audit: try audit())
        outcome.cancelled += cancellations.count
        switch mode {
        case .send(let gateway):
            try deliver(Self.grouped(deliverables), with: gateway, &outcome)
            outcome.unknownWaiting = try unknownCount()
        case .markSent(let ids, let source): try markSent(Self.grouped(deliverables), ids, source: source, &outcome)
        case .plan, .dryRun:
            noteWaiting(Self.grouped(deliverables), &outcome)
            outcome.waiting = deliverables.count + outcome.created
        }
        return outcome
    }

    /// Whether nothing was handed to the gateway in the last day though messages could have gone
    /// for more than an hour: the sign of a crontab without the sending line (a message that is
    /// superseded before it waits the alarm age would otherwise vanish without a word).
    func sendingLineIsIdle() throws(DolgError) -> Bool {
        let dayAgo = now.adding(minutes: -24 * 60)
        let activity = try ledger.sendingActivity(since: dayAgo, plannedSince: now.adding(minutes: -48 * 60))
        guard activity.attempts == 0 else { return false }
        return activity.planned.contains { message in
            var couldGo = message.at
            if case .postponed(let until, _) = playbooks.contactPolicy.decide(
                .message, audience: message.audience, offsetMinutes: message.offsetMinutes, at: message.at,
                earlier: [], countLimits: false) {
                couldGo = until
            }
            return couldGo >= dayAgo && couldGo.adding(minutes: 60) <= now
        }
    }

    /// Messages handed over with no result recorded. Only meaningful while holding the sending
    /// lock: without it, a run that is sending right now has one in flight.
    func unknownCount() throws(DolgError) -> Int {
        try ledger.unsettledMessages(since: now.date.adding(days: -LedgerDatabase.waitingWindowDays))
            .filter { $0.status == .unknown }.count
    }

    /// The step a stored message was planned for, from the playbook in force.
    private static func step(named name: String, in playbook: Playbook) -> LadderStep? {
        if name == ReminderPlanner.thankYouStepName { return ReminderPlanner.thankYouStep(playbook) }
        return playbook.ladder.steps.first { $0.name == name && $0.actor == .auto && $0.template != nil }
    }

    /// One delivery per client, step and channel (and per delivery an operator asked to retry),
    /// oldest message first.
    private static func grouped(_ deliverables: [Deliverable]) -> [[Deliverable]] {
        var groups: [String: [Deliverable]] = [:]
        for item in deliverables {
            let key = "\(item.clientID)|\(item.step.name)|\(item.step.channel.rawValue)|\(item.retryOf ?? 0)"
            groups[key, default: []].append(item)
        }
        return groups.values.map { $0.sorted { $0.messageID < $1.messageID } }.sorted { $0[0].messageID < $1[0].messageID }
    }

    /// Hands each group over that the contact policy allows now.
    private func deliver(_ groups: [[Deliverable]], with gateway: GatewayCommand, _ outcome: inout Outcome) throws {
        var sentThisRun: [Int64: [BusinessMoment]] = [:]
        for (index, group) in groups.enumerated() {
            let first = group[0]
            let isThanks = first.step.name == ReminderPlanner.thankYouStepName
            let decision = first.contacts.decide(.message, playbooks.contactPolicy, at: now,
                                                 alsoEarlier: sentThisRun[first.clientID] ?? [], countLimits: !isThanks)
            if case .postponed(let until, let reason) = decision {
                postpone(group, until: until, reason: reason.english, &outcome)
                continue
            }
            let address = first.step.channel == .email ? first.email ?? "" : first.phone
            guard !address.isEmpty else {
                try ledger.cancelMessages(group.map { ($0.messageID, "the client has no email address") }, at: now,
                                          audit: try audit())
                outcome.cancelled += group.count
                continue
            }
            let text = try render(group)
            let start = DeliveryStart(clientID: first.clientID, step: first.step.name, channel: first.step.channel.rawValue,
                                      messageIDs: group.map(\.messageID), address: address, text: text,
                                      deliveryID: first.retryOf)
            guard let attempt = try ledger.beginAttempt(start, at: now, audit: try audit()) else { continue }
            let carried = group.filter { attempt.messageIDs.contains($0.messageID) }
            let result = gateway.deliver(json: json(attempt, carried, address: address, text: text),
                                         messageID: attempt.deliveryID)
            if result.timedOut {
                // It may have sent: left unknown, as after a crash, for the operator to settle.
                outcome.unknown += 1
                outcome.lines.append(say("unknown \(contracts(carried)) \(first.step.name): \(result.detail ?? "")",
                                         "неизвестно \(contracts(carried)) \(stepWords(first.step.name)): ответа нет \(gateway.timeout) с, команда отправки остановлена"))
                // A gateway that hangs once would hang for each message: the rest wait for the next
                // run rather than hold this one for a timeout apiece.
                let rest = groups[(index + 1)...].map(\.count).reduce(0, +)
                if rest > 0 {
                    outcome.waiting += rest
                    outcome.lines.append(say("\(rest) more message(s) wait for the next run",
                                             "ещё \(rest) сообщ. ждут следующего запуска"))
                }
                return
            }
            guard recordResult(attempt, result) else {
                outcome.unknown += 1
                outcome.lines.append(say("unknown \(contracts(carried)) \(first.step.name): handed over, result not recorded",
                                         "неизвестно \(contracts(carried)) \(stepWords(first.step.name)): передано, итог не записан"))
                continue
            }
            if result.sent {
                outcome.sent += 1
                if !isThanks { sentThisRun[first.clientID, default: []].append(now) }
            } else {
                outcome.failed += 1
                outcome.waiting += carried.count
                outcome.lines.append(say("failed ", "ошибка ") + "\(contracts(carried)) \(stepWords(first.step.name)): \(result.detail ?? "")")
                noteIfStuck(carried, &outcome)
            }
        }
    }

    /// A step's name for the reader: the default ladder's in Russian, a playbook's as written.
    private func stepWords(_ name: String) -> String { say(name, RussianHeaders.term(name)) }

    /// Records the chosen messages as sent outside dolg, with the text they have now.
    private func markSent(_ groups: [[Deliverable]], _ ids: Set<Int64>, source: String, _ outcome: inout Outcome) throws {
        for whole in groups {
            let group = whole.filter { ids.contains($0.messageID) }
            guard let first = group.first else { continue }
            let start = DeliveryStart(clientID: first.clientID, step: first.step.name, channel: first.step.channel.rawValue,
                                      messageIDs: group.map(\.messageID),
                                      address: first.step.channel == .email ? first.email ?? "" : first.phone,
                                      text: try render(group), deliveryID: first.retryOf)
            guard let attempt = try ledger.beginAttempt(start, at: now, audit: try audit()) else { continue }
            try ledger.recordResult(attemptID: attempt.attemptID, at: now, result: .sent, detail: nil, source: source,
                                    audit: try audit())
            outcome.sent += attempt.messageIDs.count
        }
    }

    /// Without a send command every group waits; the moment it may first go is still worth saying.
    private func noteWaiting(_ groups: [[Deliverable]], _ outcome: inout Outcome) {
        for group in groups {
            let first = group[0]
            let isThanks = first.step.name == ReminderPlanner.thankYouStepName
            let decision = first.contacts.decide(.message, playbooks.contactPolicy, at: now, countLimits: !isThanks)
            if case .postponed(let until, let reason) = decision {
                postpone(group, until: until, reason: reason.english, &outcome)
            } else {
                noteIfStuck(group, &outcome)
            }
        }
    }

    private func postpone(_ group: [Deliverable], until: BusinessMoment, reason: String, _ outcome: inout Outcome) {
        outcome.waiting += group.count
        outcome.postponed.append(("\(contracts(group)) \(group[0].step.name)", until, reason))
        noteIfStuck(group, &outcome)
    }

    /// A message waits from the first moment its client's hours allowed it after it was planned;
    /// past the alarm age it is stuck (a send line missing from cron, a gateway that keeps failing,
    /// a client at the limits for days).
    private func noteIfStuck(_ group: [Deliverable], _ outcome: inout Outcome) {
        let limit = playbooks.alarmAfterHours * 60
        for item in group {
            let couldGo = item.contacts.decide(.message, playbooks.contactPolicy, at: item.plannedAt, countLimits: false)
            var since = item.plannedAt
            if case .postponed(let until, _) = couldGo { since = until }
            let waited = now.minuteNumber - since.minuteNumber
            if waited > limit {
                outcome.stuck.append("\(item.line.contract) #\(item.line.installment.installment.seq) \(item.step.name) "
                                     + say("waits since \(since)", "ждёт с \(since)"))
            }
        }
    }

    /// Records the gateway's answer; a ledger busy for longer than one wait is waited for again
    /// (a minute in all), since an answer not recorded leaves the message unknown.
    private func recordResult(_ attempt: StartedAttempt, _ result: GatewayCommand.Result) -> Bool {
        for _ in 0..<12 {
            do {
                try ledger.recordResult(attemptID: attempt.attemptID, at: now, result: result.sent ? .sent : .failed,
                                        detail: result.detail, source: "gateway", audit: try audit())
                return true
            } catch let error where error.code == .ledgerBusy {
                continue
            } catch {
                return false
            }
        }
        return false
    }

    /// The text a planned message would have if it went now, for the run's listing.
    private func preview(_ reminder: PlannedReminder, client: String) throws(DolgError) -> String {
        let line = ReminderLine(contract: reminder.contractNumber, installment: reminder.candidate.installment,
                                position: reminder.position)
        let variables = ReminderPlanner.variables([line], client: client, currency: settings.currency, today: now.date)
        return try MessageText.render(reminder.candidate.step.template ?? "", variables, step: reminder.candidate.step.name)
    }

    private func render(_ group: [Deliverable]) throws(DolgError) -> String {
        let first = group[0]
        let variables = ReminderPlanner.variables(group.map(\.line), client: first.clientName, currency: settings.currency,
                                                  today: now.date)
        return try MessageText.render(first.step.template ?? "", variables, step: first.step.name)
    }

    /// The JSON object the send command reads (docs/formats.md lists its keys).
    private func json(_ attempt: StartedAttempt, _ group: [Deliverable], address: String, text: String) -> String {
        let first = group[0]
        let items = group.map { item in
            "{\"message\": \(item.messageID), \"contract\": \(JSONRenderer.string(item.line.contract)), "
                + "\"installment\": \(item.line.installment.installment.seq)}"
        }
        let fields: [(String, String)] = [
            ("id", String(attempt.deliveryID)), ("attempt", String(attempt.attemptID)),
            ("contract", JSONRenderer.string(first.line.contract)),
            ("installment", String(first.line.installment.installment.seq)),
            ("step", JSONRenderer.string(first.step.name)), ("channel", JSONRenderer.string(first.step.channel.rawValue)),
            ("phone", JSONRenderer.string(first.phone)),
            ("email", first.email.map(JSONRenderer.string) ?? "null"),
            ("address", JSONRenderer.string(address)), ("client", JSONRenderer.string(first.clientName)),
            ("text", JSONRenderer.string(text)), ("items", "[" + items.joined(separator: ", ") + "]"),
        ]
        return "{" + fields.map { "\(JSONRenderer.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
    }

    private func contracts(_ group: [Deliverable]) -> String {
        group.map(\.line.contract).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .joined(separator: ",")
    }
}
