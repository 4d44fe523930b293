import DolgRules
import Testing

@Suite("Collection workflow")
struct WorkflowTests {
    /// One installment of 1 000 due 2026-03-10: on 2026-03-13 it is 3 days late (call-soft due).
    let schedule = [Installment(seq: 1, dueDate: day("2026-03-10"), principal: rub(1_000))]

    func at(_ text: String) -> BusinessMoment { BusinessMoment.parse(text)! }

    func position(_ date: String, paid: Money = .zero) -> ContractPosition {
        ContractPosition(installments: schedule, netPaid: paid, terminatedOn: nil, asOf: day(date))
    }

    func touch(_ id: Int64, _ moment: String, _ outcome: TouchOutcome, step: String? = "call-soft",
               promise: Promise? = nil, callback: String? = nil) -> Touch {
        Touch(id: id, at: at(moment), channel: .call, outcome: outcome, step: step, anchor: day("2026-03-10"),
              promise: promise, callbackAt: callback.map { at($0) }, note: nil, managerName: nil)
    }

    func state(_ now: String, touches: [Touch] = [], holds: [Hold] = [], paid: Money = .zero) -> ContractWorkState {
        ContractWorkState(position: position(String(now.prefix(10)), paid: paid), touches: touches, holds: holds,
                          playbook: .standard, now: at(now))
    }

    @Test("the person step due follows days overdue; auto steps are not a person's work")
    func dueSteps() {
        #expect(state("2026-03-12T12:00").step == nil)  // day 2: only automatic SMS so far
        #expect(state("2026-03-13T12:00").step?.name == "call-soft")
        let day8 = state("2026-03-18T12:00")
        #expect(day8.step?.name == "call-firm")
        #expect(day8.skippedSteps.map(\.name) == ["call-soft"])
        #expect(day8.stepDueDate == day("2026-03-17"))
    }

    @Test("a touch completes the step; no answer retries three hours later, then the next morning")
    func retries() {
        let first = touch(1, "2026-03-13T10:00", .noAnswer)
        let afterOne = state("2026-03-13T11:00", touches: [first])
        #expect(!afterOne.stepDone)
        #expect(afterOne.notBefore == at("2026-03-13T13:00"))
        #expect(afterOne.isDue(on: day("2026-03-13")))
        let second = touch(2, "2026-03-13T14:00", .noAnswer)
        let afterTwo = state("2026-03-13T15:00", touches: [first, second])
        #expect(afterTwo.notBefore == at("2026-03-14T10:00"))
        #expect(!afterTwo.isDue(on: day("2026-03-13")))
        #expect(afterTwo.isDue(on: day("2026-03-14")))
        let reached = state("2026-03-14T11:00", touches: [first, second, touch(3, "2026-03-14T10:30", .reached)])
        #expect(reached.stepDone)
        #expect(!reached.isDue(on: day("2026-03-14")))
    }

    @Test("a callback waits for the time asked")
    func callback() {
        let asked = state("2026-03-13T12:00", touches: [touch(1, "2026-03-13T10:00", .callback, callback: "2026-03-15T18:30")])
        #expect(asked.notBefore == at("2026-03-15T18:30"))
        #expect(!asked.isDue(on: day("2026-03-14")))
    }

    @Test("a kept promise: paid in time, so no work and counted as kept")
    func keptPromise() {
        let promise = Promise(madeOn: day("2026-03-13"), dueDate: day("2026-03-16"), amount: rub(1_000), paidSince: rub(1_000))
        #expect(promise.state(asOf: day("2026-03-15")) == .kept)
        let kept = state("2026-03-20T12:00", touches: [touch(1, "2026-03-13T10:00", .promise, promise: promise)],
                         paid: rub(1_000))
        #expect(kept.keptPromises == 1)
        #expect(kept.step == nil)  // the contract is paid up
    }

    @Test("a broken promise: escalation waits until its date, then resumes at once")
    func brokenPromise() {
        let promise = Promise(madeOn: day("2026-03-13"), dueDate: day("2026-03-16"), amount: rub(1_000), paidSince: rub(300))
        let touches = [touch(1, "2026-03-13T10:00", .promise, promise: promise)]
        let waiting = state("2026-03-16T12:00", touches: touches, paid: rub(300))
        #expect(waiting.promiseState == .pending)
        #expect(waiting.step == nil)
        let broken = state("2026-03-17T12:00", touches: touches, paid: rub(300))
        #expect(broken.promiseState == .broken)
        #expect(broken.brokenPromises == 1)
        #expect(broken.step?.name == "call-firm")  // day 7: the firm call is due straight away
    }

    @Test("three broken promises or refusals within 14 days send the contract to the claim letter")
    func escalation() {
        func broken(_ id: Int64, made: String, due: String) -> Touch {
            touch(id, "\(made)T10:00", .promise,
                  promise: Promise(madeOn: day(made), dueDate: day(due), amount: rub(500), paidSince: .zero))
        }
        let touches = [broken(1, made: "2026-03-13", due: "2026-03-14"), broken(2, made: "2026-03-15", due: "2026-03-16"),
                       touch(3, "2026-03-17T10:00", .refused, step: "call-firm")]
        let escalated = state("2026-03-18T12:00", touches: touches)
        #expect(escalated.escalated)
        #expect(escalated.step?.name == "claim-letter")  // day 8, but escalated past call-firm
        let twoOnly = state("2026-03-18T12:00", touches: Array(touches.prefix(2)))
        #expect(!twoOnly.escalated)
        #expect(twoOnly.step?.name == "call-firm")
        // Outside the 14-day window the old events no longer count.
        #expect(!state("2026-04-05T12:00", touches: touches).escalated)
    }

    @Test("a hold stops the ladder's clock: after it the contract resumes at the step where it paused")
    func holds() {
        // Due 03-10; held 03-12…03-20, nine days. Worked out by hand: on 03-21 the clock shows
        // 11 - 9 = 2 days (no person step yet); call-soft (3) comes on 03-22 and call-firm (7) on 03-26.
        let hold = Hold(from: day("2026-03-12"), until: day("2026-03-20"), reason: "dispute")
        #expect(state("2026-03-20T12:00", holds: [hold]).step == nil)
        #expect(state("2026-03-21T12:00", holds: [hold]).step == nil)
        let resumed = state("2026-03-22T12:00", holds: [hold])
        #expect(resumed.step?.name == "call-soft")
        #expect(resumed.stepDueDate == day("2026-03-22"))
        #expect(resumed.skippedSteps.isEmpty)
        #expect(resumed.ladderDaysOverdue == 3)
        let firm = state("2026-03-26T12:00", holds: [hold])
        #expect(firm.step?.name == "call-firm")
        #expect(firm.stepDueDate == day("2026-03-26"))
        // Two holds that overlap count each held day once: 03-12…03-15 and 03-14…03-20 are nine days.
        let overlapping = [Hold(from: day("2026-03-12"), until: day("2026-03-15"), reason: "a"),
                           Hold(from: day("2026-03-14"), until: day("2026-03-20"), reason: "b")]
        #expect(state("2026-03-22T12:00", holds: overlapping).ladderDaysOverdue == 3)
    }

    @Test("a hold ended early pauses up to the day before it ended")
    func endedHold() {
        let ended = Hold(from: day("2026-03-12"), until: day("2026-03-31"), reason: "dispute",
                         endedOn: day("2026-03-15"), endReason: "resolved")
        #expect(ended.lastDay == day("2026-03-14"))
        #expect(!ended.isActive(on: day("2026-03-15")))
        // Three held days (12, 13, 14): on 03-16 the clock shows 6 - 3 = 3, call-soft.
        let state = state("2026-03-16T12:00", holds: [ended])
        #expect(state.hold == nil)
        #expect(state.step?.name == "call-soft")
        #expect(state.ladderDaysOverdue == 3)
    }

    @Test("a broken promise brings the contract back the day after its date, until someone speaks with the client")
    func brokenPromiseReturns() {
        // Promise made on day 3 (call-soft done by it) for 03-15; nothing paid.
        let promise = Promise(madeOn: day("2026-03-13"), dueDate: day("2026-03-15"), amount: rub(1_000), paidSince: .zero)
        let made = touch(1, "2026-03-13T10:00", .promise, promise: promise)
        #expect(state("2026-03-15T12:00", touches: [made]).step == nil, "pending on its date")
        let back = state("2026-03-16T09:00", touches: [made])
        #expect(back.followsBrokenPromise)
        #expect(back.step?.name == "call-soft")
        #expect(back.stepDueDate == day("2026-03-16"))
        #expect(back.isDue(on: day("2026-03-16")))
        // Nobody answered: tried again later; once reached, the ordinary ladder goes on.
        let missed = state("2026-03-16T11:00", touches: [made, touch(2, "2026-03-16T10:00", .noAnswer)])
        #expect(missed.followsBrokenPromise && missed.notBefore == at("2026-03-16T13:00"))
        let spoken = state("2026-03-16T15:00", touches: [made, touch(2, "2026-03-16T10:00", .noAnswer),
                                                         touch(3, "2026-03-16T14:00", .reached)])
        #expect(!spoken.followsBrokenPromise)
        #expect(!spoken.isDue(on: day("2026-03-16")))
        // The next step of the ladder is not done by the follow-up call.
        let firm = state("2026-03-17T12:00", touches: [made, touch(3, "2026-03-16T14:00", .reached)])
        #expect(firm.step?.name == "call-firm" && !firm.stepDone)
    }

    @Test("a promise broken before any person step is due brings the first one")
    func brokenPromiseEarly() {
        let promise = Promise(madeOn: day("2026-03-10"), dueDate: day("2026-03-11"), amount: rub(1_000), paidSince: .zero)
        let made = touch(1, "2026-03-10T10:00", .promise, step: nil, promise: promise)
        let back = state("2026-03-12T12:00", touches: [made])
        #expect(back.step?.name == "call-soft")
        #expect(back.isDue(on: day("2026-03-12")))
    }

    @Test("Russian plural forms", arguments: [
        (1, "1 день"), (2, "2 дня"), (4, "4 дня"), (5, "5 дней"), (11, "11 дней"), (12, "12 дней"), (14, "14 дней"),
        (21, "21 день"), (22, "22 дня"), (25, "25 дней"), (101, "101 день"), (111, "111 дней"),
    ])
    func plural(count: Int, text: String) {
        #expect(RussianPlural.days(count) == text)
    }
}

@Suite("Contact policy")
struct ContactPolicyTests {
    let policy = ContactPolicy.russianIndividuals
    func at(_ text: String) -> BusinessMoment { BusinessMoment.parse(text)! }

    /// An individual in the business's own time zone.
    func decide(_ kind: ContactPolicy.Kind, at now: BusinessMoment, earlier: [BusinessMoment],
                policy: ContactPolicy = .russianIndividuals) -> ContactPolicy.Decision {
        policy.decide(kind, audience: .person, offsetMinutes: 0, at: now, earlier: earlier)
    }

    @Test("calls: 1 a day, 2 a week, 8 a month")
    func callLimits() {
        // 2026-11-16 is a Monday.
        #expect(day("2026-11-16").isoWeekday == 1)
        #expect(decide(.call, at: at("2026-11-16T12:00"), earlier: []) == .allowed)
        #expect(decide(.call, at: at("2026-11-16T15:00"), earlier: [at("2026-11-16T10:00")])
                == .postponed(until: at("2026-11-17T08:00"), reason: "1 call(s) today, the limit is 1 a day"))
        let twoThisWeek = [at("2026-11-16T10:00"), at("2026-11-17T10:00")]
        #expect(decide(.call, at: at("2026-11-18T12:00"), earlier: twoThisWeek)
                == .postponed(until: at("2026-11-23T08:00"), reason: "2 call(s) this week, the limit is 2 a week"))
        // A call last week does not count this week.
        #expect(decide(.call, at: at("2026-11-18T12:00"), earlier: [at("2026-11-13T10:00"), at("2026-11-17T10:00")])
                == .allowed)
        let eightThisMonth = ["03", "06", "09", "12", "15", "18", "21", "24"].map { at("2026-10-\($0)T10:00") }
        #expect(decide(.call, at: at("2026-10-30T12:00"), earlier: eightThisMonth)
                == .postponed(until: at("2026-11-01T09:00"), reason: "8 call(s) this month, the limit is 8 a month"))  // 1 November is a Sunday
    }

    @Test("messages: 2 a day, 4 a week")
    func messageLimits() {
        let twoToday = [at("2026-11-18T09:00"), at("2026-11-18T10:00")]
        #expect(decide(.message, at: at("2026-11-18T12:00"), earlier: [at("2026-11-18T09:00")]) == .allowed)
        #expect(decide(.message, at: at("2026-11-18T12:00"), earlier: twoToday)
                == .postponed(until: at("2026-11-19T08:00"), reason: "2 message(s) today, the limit is 2 a day"))
        let fourThisWeek = [at("2026-11-16T09:00"), at("2026-11-16T10:00"), at("2026-11-17T09:00"), at("2026-11-17T10:00")]
        guard case .postponed = decide(.message, at: at("2026-11-18T12:00"), earlier: fourThisWeek) else {
            Issue.record("a fifth message in a week was allowed"); return
        }
    }

    @Test("hours: 08–22 on working days, 09–20 at weekends")
    func hours() {
        #expect(decide(.call, at: at("2026-11-18T07:59"), earlier: [])
                == .postponed(until: at("2026-11-18T08:00"), reason: "before 08:00 in the client's time"))
        #expect(decide(.call, at: at("2026-11-18T21:59"), earlier: []) == .allowed)
        // Friday 22:00 is too late; Saturday opens at 09:00.
        #expect(decide(.call, at: at("2026-11-20T22:00"), earlier: [])
                == .postponed(until: at("2026-11-21T09:00"), reason: "after 22:00 in the client's time"))
        #expect(decide(.call, at: at("2026-11-21T20:30"), earlier: [])
                == .postponed(until: at("2026-11-22T09:00"), reason: "after 20:00 in the client's time"))
        var withHoliday = policy
        withHoliday.calendar.markNonWorking(day("2026-11-18"))
        #expect(decide(.call, at: at("2026-11-18T08:30"), earlier: [], policy: withHoliday)
                == .postponed(until: at("2026-11-18T09:00"), reason: "before 09:00 in the client's time"))
    }
}
