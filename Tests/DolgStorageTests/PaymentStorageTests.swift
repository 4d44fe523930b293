import DolgRules
import DolgStorage
import Testing

@Suite("Payments in the ledger")
struct PaymentStorageTests {
    @Test("the same reference with the same fields is recorded once; other fields are a conflict")
    func idempotentReference() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("P-1")
        let ledger = fixture.ledger
        let first = try ledger.recordPayment(contractNumber: "P-1", amount: Money(major: 500), date: fixture.today,
                                             method: "bank", reference: "PP-77", audit: fixture.audit)
        guard case .recorded(let id) = first else { Issue.record("not recorded"); return }
        let before = fixture.snapshot()
        let again = try ledger.recordPayment(contractNumber: "P-1", amount: Money(major: 500), date: fixture.today,
                                             method: "bank", reference: "PP-77", audit: fixture.audit)
        #expect(again == .alreadyRecorded(id: id))
        #expect(fixture.snapshot() == before)
        do {
            _ = try ledger.recordPayment(contractNumber: "P-1", amount: Money(major: 501), date: fixture.today,
                                         method: "bank", reference: "PP-77", audit: fixture.audit)
            Issue.record("a conflicting reference was accepted")
        } catch {
            #expect(error.code == .paymentReferenceConflict)
        }
        #expect(fixture.snapshot() == before)
        #expect(try ledger.contractDetail(number: "P-1").payments.count == 1)
    }

    @Test("a reversal is a new entry; reversing twice or reversing a reversal is refused")
    func reversals() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("R-1")
        let ledger = fixture.ledger
        guard case .recorded(let id) = try ledger.recordPayment(
            contractNumber: "R-1", amount: Money(major: 3_000), date: day("2026-04-01"), method: nil, reference: nil,
            audit: fixture.audit) else { return }
        #expect(try ledger.contractDetail(number: "R-1").position(asOf: fixture.today, buckets: .standard).status == .closed)
        let reversalID = try ledger.reversePayment(id: id, reason: "bounced", date: day("2026-05-02"), audit: fixture.audit)
        let detail = try ledger.contractDetail(number: "R-1")
        #expect(detail.payments.map(\.entry.signedAmount) == [Money(major: 3_000), Money(major: -3_000)])
        #expect(detail.payments[0].reversedByID == reversalID)
        let position = detail.position(asOf: fixture.today, buckets: .standard)
        #expect(position.outstanding == Money(major: 3_000))
        // Installments of 2026-03-10 and 2026-04-10 are late; 2026-05-10 too: 3 000 overdue since 03-10.
        #expect(position.overdueAmount == Money(major: 3_000))
        #expect(position.daysOverdue == 71)
        let before = fixture.snapshot()
        for (target, expected) in [(id, DolgError.Code.alreadyReversed), (reversalID, .reversalOfReversal),
                                   (999, .unknownPayment)] {
            do {
                try ledger.reversePayment(id: target, reason: "again", date: fixture.today, audit: fixture.audit)
                Issue.record("reversal of \(target) accepted")
            } catch {
                #expect(error.code == expected)
            }
        }
        #expect(fixture.snapshot() == before)
    }

    @Test("payments to unknown contracts, of zero, or before the start are refused without a trace")
    func refusals() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("Z-1")
        let before = fixture.snapshot()
        let cases: [(String, Money, String, DolgError.Code)] = [
            ("nope", Money(major: 1), "2026-05-01", .unknownContract),
            ("Z-1", .zero, "2026-05-01", .amountNotPositive),
            ("Z-1", Money(major: -5), "2026-05-01", .amountNotPositive),
            ("Z-1", Money(major: 5), "2026-03-09", .paymentBeforeStart),
        ]
        for (number, amount, date, expected) in cases {
            do {
                _ = try fixture.ledger.recordPayment(contractNumber: number, amount: amount, date: day(date),
                                                     method: nil, reference: nil, audit: fixture.audit)
                Issue.record("payment \(number) \(amount) accepted")
            } catch {
                #expect(error.code == expected)
            }
        }
        #expect(fixture.snapshot() == before)
    }
}

func day(_ text: String) -> CivilDate { try! CivilDate.parse(text) }
