import DolgRules
import Testing

@Suite("Buckets and the collection ladder")
struct BucketAndLadderTests {
    @Test("default bucket boundaries", arguments: [
        (0, nil), (1, "1-3"), (3, "1-3"), (4, "4-6"), (6, "4-6"), (7, "7-29"), (29, "7-29"), (30, "30+"),
        (365, "30+"),
    ] as [(Int, String?)])
    func boundaries(days: Int, label: String?) {
        #expect(BucketScheme.standard.bucket(daysOverdue: days)?.label == label)
    }

    @Test("configurable thresholds, and invalid ones are refused")
    func customThresholds() {
        let accountants = BucketScheme(thresholds: [1, 31, 61, 91])!
        #expect(accountants.buckets.map(\.label) == ["1-30", "31-60", "61-90", "91+"])
        #expect(accountants.bucket(daysOverdue: 61)?.label == "61-90")
        #expect(BucketScheme(thresholds: [0, 5]) == nil)
        #expect(BucketScheme(thresholds: [5, 5]) == nil)
        #expect(BucketScheme(thresholds: []) == nil)
    }

    @Test("every day count from 1 falls in exactly one bucket, in order")
    func partition() {
        let scheme = BucketScheme.standard
        var previous = -1
        for days in 1...400 {
            let buckets = scheme.buckets.filter { days >= $0.firstDay && days <= ($0.lastDay ?? Int.max) }
            #expect(buckets.count == 1)
            #expect(scheme.bucket(daysOverdue: days) == buckets.first)
            #expect(buckets[0].index >= previous)
            previous = buckets[0].index
        }
    }

    @Test("the next action is the latest step reached, dated from the due date", arguments: [
        ("2026-03-06", nil, nil), ("2026-03-07", "sms-reminder", "2026-03-07"), ("2026-03-10", "sms-due", "2026-03-10"),
        ("2026-03-11", "sms-overdue", "2026-03-11"), ("2026-03-13", "call-soft", "2026-03-13"),
        ("2026-03-16", "call-soft", "2026-03-13"), ("2026-03-17", "call-firm", "2026-03-17"),
        ("2026-03-24", "claim-letter", "2026-03-24"), ("2026-04-09", "lawyer", "2026-04-09"),
    ] as [(String, String?, String?)])
    func nextAction(asOf: String, step: String?, due: String?) {
        let schedule = [Installment(seq: 1, dueDate: day("2026-03-10"), principal: rub(100))]
        let position = ContractPosition(installments: schedule, netPaid: .zero, terminatedOn: nil, asOf: day(asOf))
        #expect(position.nextAction?.step.name == step)
        #expect(position.nextAction?.dueDate.description == due)
    }

    @Test("the ladder counts from the oldest overdue installment")
    func ladderAnchor() {
        let schedule = monthly(2, of: 100, from: "2026-03-10")
        let position = ContractPosition(installments: schedule, netPaid: .zero, terminatedOn: nil,
                                        asOf: day("2026-04-12"))
        #expect(position.daysOverdue == 33)
        #expect(position.nextAction?.step.name == "lawyer")
        #expect(position.nextAction?.dueDate == day("2026-04-09"))
    }
}
