import Testing
@testable import DolgRules

@Suite("Contact hours and the calendar")
struct ContactHoursTests {
    let policy = ContactPolicy.russianIndividuals
    func at(_ text: String) -> BusinessMoment { BusinessMoment.parse(text)! }

    @Test("the shipped calendar: 9 March 2026 is a holiday, Saturday 1 November 2025 a working day")
    func calendar() {
        let russia = ProductionCalendar.russia
        #expect(!russia.isWorkingDay(day("2026-03-09")))  // a Monday: 8 March fell on a Sunday
        #expect(russia.isWorkingDay(day("2026-03-10")))
        #expect(russia.isWorkingDay(day("2025-11-01")))  // a Saturday worked by decree
        #expect(!russia.isWorkingDay(day("2026-01-09")))  // 3 January moved onto it
        #expect(!russia.isWorkingDay(day("2026-03-07")))  // an ordinary Saturday
        // On a holiday an individual's hours are the weekend's: 09:00, not 08:00.
        #expect(policy.decide(.message, audience: .person, offsetMinutes: 0, at: at("2026-03-09T08:30"), earlier: [])
                == .postponed(until: at("2026-03-09T09:00"), reason: "before 09:00 in the client's time"))
    }

    @Test("businesses: 09:00–18:00 on working days, none over a holiday weekend")
    func business() {
        #expect(policy.decide(.message, audience: .business, offsetMinutes: 0, at: at("2026-03-06T02:15"), earlier: [])
                == .postponed(until: at("2026-03-06T09:00"), reason: "before 09:00 in the client's time"))
        // Friday 18:00 is closed; Saturday, Sunday and the Monday holiday too: Tuesday 10 March at 09:00.
        #expect(policy.decide(.message, audience: .business, offsetMinutes: 0, at: at("2026-03-06T18:00"), earlier: [])
                == .postponed(until: at("2026-03-10T09:00"), reason: "after 18:00 in the client's time"))
        // No count limits for a business.
        let many = (0..<10).map { _ in at("2026-03-10T09:00") }
        #expect(policy.decide(.message, audience: .business, offsetMinutes: 0, at: at("2026-03-10T10:00"), earlier: many)
                == .allowed)
    }

    @Test("a client two hours east may be reached at 06:00 ours; one an hour west not before 09:00 ours")
    func eastAndWest() {
        #expect(policy.decide(.message, audience: .person, offsetMinutes: 120, at: at("2026-03-10T06:00"), earlier: [])
                == .allowed)
        #expect(policy.decide(.message, audience: .person, offsetMinutes: 120, at: at("2026-03-10T05:00"), earlier: [])
                == .postponed(until: at("2026-03-10T06:00"), reason: "before 08:00 in the client's time"))
        #expect(policy.decide(.message, audience: .person, offsetMinutes: -60, at: at("2026-03-10T08:30"), earlier: [])
                == .postponed(until: at("2026-03-10T09:00"), reason: "before 08:00 in the client's time"))
        // East, late: 20:30 ours is 22:30 theirs, too late; they open at 08:00 theirs, 06:00 ours.
        #expect(policy.decide(.message, audience: .person, offsetMinutes: 120, at: at("2026-03-10T20:30"), earlier: [])
                == .postponed(until: at("2026-03-11T06:00"), reason: "after 22:00 in the client's time"))
    }
}

@Suite("A waiting message, checked again before it goes")
struct ReminderVerdictTests {
    let schedule = monthly(3, of: 1_000, from: "2026-03-10")
    let playbook = Playbook.standard

    func verdict(_ step: String, paid: Int64 = 0, today: String, plannedOn: String? = nil,
                 holds: [Hold] = []) -> ReminderVerdict {
        let position = ContractPosition(installments: schedule, netPaid: rub(paid), terminatedOn: nil, asOf: day(today))
        let state = ContractWorkState(position: position, touches: [], holds: holds, playbook: playbook,
                                      now: .noon(day(today)))
        return ReminderPlanner.verdict(step: step, seq: 1, plannedOn: day(plannedOn ?? today), position: position,
                                       state: state, playbook: playbook, today: day(today))
    }

    @Test("still due, paid, superseded by a later step, on hold, expired")
    func verdicts() {
        #expect(verdict("sms-due", today: "2026-03-10") == .deliver)
        #expect(verdict("sms-due", paid: 1_000, today: "2026-03-10") == .cancel("paid"))
        // The due-day message of Saturday 14th waited to Monday: the overdue step replaced it.
        #expect(verdict("sms-due", today: "2026-03-11", plannedOn: "2026-03-10") == .cancel("superseded by sms-overdue"))
        #expect(verdict("sms-overdue", today: "2026-03-12", holds: [Hold(from: day("2026-03-12"), until: day("2026-03-20"),
                                                                        reason: "спор")])
                == .cancel("on hold until 2026-03-20"))
        #expect(verdict("sms-overdue", today: "2026-03-20", plannedOn: "2026-03-11") == .cancel("expired: planned on 2026-03-11"))
        // 30 days late: the lawyer's stage, no automatic message.
        #expect(verdict("sms-overdue", today: "2026-04-09", plannedOn: "2026-04-09")
                == .cancel("automatic messages stop at step lawyer"))
        // A thank-you goes only while the installment is paid.
        #expect(verdict(ReminderPlanner.thankYouStepName, paid: 1_000, today: "2026-03-10") == .deliver)
        #expect(verdict(ReminderPlanner.thankYouStepName, paid: 0, today: "2026-03-10") == .cancel("no longer paid"))
    }

    @Test("one message for three contracts: the numbers, the sum, the longest delay")
    func grouped() {
        let positions = [Int64(1_000), 2_000, 3_000].map { amount in
            ContractPosition(installments: monthly(2, of: amount, from: "2026-03-05"), netPaid: rub(0), terminatedOn: nil,
                             asOf: day("2026-03-07"))
        }
        let lines = zip(["B1", "B2", "B3"], positions).map { number, position in
            ReminderLine(contract: number, installment: position.allocation.coverages[0], position: position)
        }
        let values = ReminderPlanner.variables(lines, client: "Петров", currency: .rub, today: day("2026-03-07"))
        #expect(values["contract"] as? String == "B1, B2, B3")
        #expect(values["by_contract"] as? String == "по договорам №B1, №B2, №B3")
        #expect(values["amount"] as? String == "6 000,00 ₽")
        #expect(values["days_overdue_text"] as? String == "2 дня")
        #expect(values["several"] as? Bool == true)
        #expect((values["contracts"] as? [[String: Any]])?.count == 3)
    }
}
