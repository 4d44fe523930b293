import DolgRules
import Testing

@Suite("Reminder planning")
struct ReminderPlannerTests {
    /// Two installments of 1 000, due 2026-03-10 and 2026-04-10.
    let schedule = monthly(2, of: 1_000, from: "2026-03-10")

    func plan(_ date: String, recorded: Set<ReminderKey> = [], paid: Money = .zero, touches: [Touch] = [],
              holds: [Hold] = []) -> ReminderPlanner.Plan {
        let position = ContractPosition(installments: schedule, netPaid: paid, terminatedOn: nil, asOf: day(date))
        let state = ContractWorkState(position: position, touches: touches, holds: holds, playbook: .standard,
                                      now: .noon(day(date)))
        return ReminderPlanner.plan(position, state: state, playbook: .standard, today: day(date), recorded: recorded)
    }

    func names(_ candidates: [ReminderCandidate]) -> [String] {
        candidates.map { "\($0.installment.installment.seq):\($0.step.name)" }
    }

    @Test("each step on its day: 3 days before, on the day, the day after")
    func onTime() {
        #expect(names(plan("2026-03-06").send) == [])
        #expect(names(plan("2026-03-07").send) == ["1:sms-reminder"])
        #expect(names(plan("2026-03-10", recorded: [ReminderKey(seq: 1, step: "sms-reminder")]).send) == ["1:sms-due"])
        let recorded: Set<ReminderKey> = [ReminderKey(seq: 1, step: "sms-reminder"), ReminderKey(seq: 1, step: "sms-due")]
        #expect(names(plan("2026-03-11", recorded: recorded).send) == ["1:sms-overdue"])
        #expect(plan("2026-03-11", recorded: recorded).skip.isEmpty)
    }

    @Test("a second run the same day finds nothing new")
    func repeatedRun() {
        let first = plan("2026-03-07")
        let recorded = Set((first.send + first.skip).map(\.key))
        let second = plan("2026-03-07", recorded: recorded)
        #expect(second.send.isEmpty && second.skip.isEmpty)
    }

    @Test("a missed night: the latest step is sent, the earlier one recorded as skipped")
    func missedNight() {
        // Nothing ran between 7 and 11 March: the reminder and the due-day message were missed.
        let catchUp = plan("2026-03-11")
        #expect(names(catchUp.send) == ["1:sms-overdue"])
        #expect(names(catchUp.skip).sorted() == ["1:sms-due", "1:sms-reminder"])
        // A missed step alone is still sent the next day.
        #expect(names(plan("2026-03-08").send) == ["1:sms-reminder"])
    }

    @Test("an earlier step is never sent after a later one")
    func neverBackwards() {
        let later: Set<ReminderKey> = [ReminderKey(seq: 1, step: "sms-due")]
        let result = plan("2026-03-10", recorded: later)
        #expect(result.send.isEmpty)
        #expect(names(result.skip) == ["1:sms-reminder"])
    }

    @Test("steps older than the catch-up window are left alone")
    func catchUpWindow() {
        // On 20 March the March steps are 10 to 13 days old: outside the 7-day window.
        #expect(plan("2026-03-20").send.isEmpty && plan("2026-03-20").skip.isEmpty)
    }

    @Test("a paid installment gets nothing; a hold pauses; a pending promise stops overdue messages")
    func pauses() {
        #expect(plan("2026-03-07", paid: rub(1_000)).send.isEmpty)
        let hold = Hold(from: day("2026-03-01"), until: day("2026-03-31"), reason: "dispute")
        #expect(plan("2026-03-07", holds: [hold]).send.isEmpty)
        let promise = Promise(madeOn: day("2026-03-10"), dueDate: day("2026-03-15"), amount: rub(1_000), paidSince: .zero)
        let touch = Touch(id: 1, at: .noon(day("2026-03-10")), channel: .call, outcome: .promise, step: nil, anchor: nil,
                          promise: promise, callbackAt: nil, note: nil, managerName: nil)
        let recorded: Set<ReminderKey> = [ReminderKey(seq: 1, step: "sms-reminder"), ReminderKey(seq: 1, step: "sms-due")]
        #expect(plan("2026-03-11", recorded: recorded, touches: [touch]).send.isEmpty)
    }

    @Test("the message variables, with Russian forms")
    func variables() {
        let position = ContractPosition(installments: schedule, netPaid: rub(400), terminatedOn: nil, asOf: day("2026-03-15"))
        let candidate = ReminderCandidate(step: CollectionLadder.standard.steps[2], installment: position.allocation.coverages[0],
                                          stepDate: day("2026-03-11"))
        let line = ReminderLine(contract: "123", installment: candidate.installment, position: position)
        let values = ReminderPlanner.variables([line], client: "Иванов", currency: .rub, today: day("2026-03-15"))
        #expect(values["amount"] as? String == "600,00 ₽")
        #expect(values["due_date"] as? String == "10.03.2026")
        #expect(values["due_day"] as? String == "10.03")
        #expect(values["days_overdue_text"] as? String == "5 дней")
        #expect(values["next_due_date"] as? String == "10.04.2026")
        #expect(values["next_amount"] as? String == "1 000,00 ₽")
        #expect(values["by_contract"] as? String == "по договору №123")
        #expect(values["several"] as? Bool == false)
    }
}

@Suite("Thank-you messages")
struct ThankYouTests {
    @Test("once per paid installment, only when the playbook has the text")
    func thanks() {
        var playbook = Playbook.standard
        playbook.thankYouTemplate = "Спасибо! Следующий платеж {{next_amount}} — {{next_due_date}}."
        let schedule = monthly(2, of: 1_000, from: "2026-03-10")
        let position = ContractPosition(installments: schedule, netPaid: rub(1_000), terminatedOn: nil, asOf: day("2026-03-09"))
        let state = ContractWorkState(position: position, touches: [], holds: [], playbook: playbook, now: .noon(day("2026-03-09")))
        let first = ReminderPlanner.plan(position, state: state, playbook: playbook, today: day("2026-03-09"), recorded: [])
        #expect(first.send.map(\.step.name).contains("thank-you"))
        #expect(first.send.filter { $0.step.name == "thank-you" }.map(\.installment.installment.seq) == [1])
        let again = ReminderPlanner.plan(position, state: state, playbook: playbook, today: day("2026-03-09"),
                                         recorded: [ReminderKey(seq: 1, step: "thank-you"), ReminderKey(seq: 1, step: "sms-reminder")])
        #expect(!again.send.map(\.step.name).contains("thank-you"))
        let off = ReminderPlanner.plan(position, state: state, playbook: .standard, today: day("2026-03-09"), recorded: [])
        #expect(!off.send.map(\.step.name).contains("thank-you"))
    }

    @Test("a late payer is thanked; a paid-up history is not; a whole contract paid at once is thanked for what falls due soon")
    func thanksAfterAPayment() {
        var playbook = Playbook.standard
        playbook.thankYouTemplate = "Спасибо!"
        let schedule = monthly(3, of: 1_000, from: "2026-03-10")
        func thanked(paid: Int64, today: String, lastPayment: String) -> [Int] {
            let position = ContractPosition(installments: schedule, netPaid: rub(paid), terminatedOn: nil, asOf: day(today))
            let state = ContractWorkState(position: position, touches: [], holds: [], playbook: playbook,
                                          now: .noon(day(today)))
            return ReminderPlanner.plan(position, state: state, playbook: playbook, today: day(today), recorded: [],
                                        lastPaymentOn: day(lastPayment))
                .send.filter { $0.step.name == "thank-you" }.map(\.installment.installment.seq)
        }
        // Paid 12 days late, today: thanked.
        #expect(thanked(paid: 1_000, today: "2026-03-22", lastPayment: "2026-03-22") == [1])
        // The same installment, its payment three weeks old: no thank-you (a history moved in).
        #expect(thanked(paid: 1_000, today: "2026-04-05", lastPayment: "2026-03-15") == [])
        // All three paid on 10 March: the two due within 31 days (10 March, 10 April) are thanked now.
        #expect(thanked(paid: 3_000, today: "2026-03-10", lastPayment: "2026-03-10") == [1, 2])
        // A month later the third is not thanked again for the same old payment.
        #expect(thanked(paid: 3_000, today: "2026-05-09", lastPayment: "2026-03-09") == [])
    }

    @Test("an email step is left out for a client without an email: it neither goes nowhere nor replaces the SMS")
    func unreachableEmail() {
        let ladder = CollectionLadder(steps: CollectionLadder.standard.steps + [
            LadderStep(name: "email-overdue", offsetDays: 5, channel: .email, actor: .auto, instruction: "",
                       template: "Письмо")])
        let playbook = Playbook(name: "default", ladder: ladder)
        let schedule = monthly(2, of: 1_000, from: "2026-03-10")
        let position = ContractPosition(installments: schedule, netPaid: .zero, terminatedOn: nil, asOf: day("2026-03-16"))
        let state = ContractWorkState(position: position, touches: [], holds: [], playbook: playbook,
                                      now: .noon(day("2026-03-16")))
        let withEmail = ReminderPlanner.plan(position, state: state, playbook: playbook, today: day("2026-03-16"),
                                             recorded: [])
        #expect(withEmail.send.map(\.step.name) == ["email-overdue"])
        let noEmail = ReminderPlanner.plan(position, state: state, playbook: playbook, today: day("2026-03-16"),
                                           recorded: [], reachable: [.sms, .whatsapp])
        #expect(noEmail.send.map(\.step.name) == ["sms-overdue"])
    }
}

@Suite("Reminders under a promise")
struct PromiseReminderTests {
    @Test("a pending promise holds the overdue message back and never lets the due-day one go out late")
    func promiseHoldsBack() {
        let schedule = [Installment(seq: 1, dueDate: day("2026-03-10"), principal: rub(1_000))]
        let promise = Promise(madeOn: day("2026-03-10"), dueDate: day("2026-03-15"), amount: rub(1_000), paidSince: .zero)
        let touch = Touch(id: 1, at: .noon(day("2026-03-10")), channel: .call, outcome: .promise, step: nil, anchor: nil,
                          promise: promise, callbackAt: nil, note: nil, managerName: nil)
        func plan(_ date: String, recorded: Set<ReminderKey>) -> ReminderPlanner.Plan {
            let position = ContractPosition(installments: schedule, netPaid: .zero, terminatedOn: nil, asOf: day(date))
            let state = ContractWorkState(position: position, touches: [touch], holds: [], playbook: .standard,
                                          now: .noon(day(date)))
            return ReminderPlanner.plan(position, state: state, playbook: .standard, today: day(date), recorded: recorded)
        }
        let reminded: Set<ReminderKey> = [ReminderKey(seq: 1, step: "sms-reminder")]
        // 12 March: the due-day message (10 March) was missed; the overdue one (11 March) waits for the promise.
        let during = plan("2026-03-12", recorded: reminded)
        #expect(during.send.isEmpty)
        #expect(during.skip.map(\.step.name) == ["sms-due"])
        // 16 March, the promise broken: the overdue message goes out.
        let after = plan("2026-03-16", recorded: reminded.union([ReminderKey(seq: 1, step: "sms-due")]))
        #expect(after.send.map(\.step.name) == ["sms-overdue"])
    }
}
