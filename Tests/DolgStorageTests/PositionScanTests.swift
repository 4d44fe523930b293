import DolgRules
import DolgStorage
import Testing

@Suite("Position scan")
struct PositionScanTests {
    @Test("the set-based scan agrees with each contract computed on its own")
    func scanMatchesDetail() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try ledger.addManager(name: "Анна", role: .manager, login: nil, audit: fixture.audit)
        // Contracts with different shapes and payment histories; the scan must see each exactly.
        for index in 1...12 {
            try fixture.addContract("S-\(index)", count: index % 4 + 1, firstDue: "2026-0\(index % 5 + 1)-15",
                                    manager: index.isMultiple(of: 3) ? "Анна" : nil)
            for payment in 0..<(index % 3) {
                _ = try ledger.recordPayment(contractNumber: "S-\(index)", amount: Money(major: 600 + Int64(payment)),
                                             date: day("2026-05-1\(payment + 6)"), method: nil, reference: nil,
                                             audit: fixture.audit)
            }
        }
        try ledger.terminateContract(number: "S-5", reason: "fraud", on: day("2026-05-01"), audit: fixture.audit)
        var scanned: [String: ContractPosition] = [:]
        try ledger.scanPositions(asOf: fixture.today, buckets: .standard) { scanned[$0.number] = $0.position }
        #expect(scanned.count == 12)
        for index in 1...12 {
            let number = "S-\(index)"
            let alone = try ledger.contractDetail(number: number).position(asOf: fixture.today, buckets: .standard)
            #expect(scanned[number] == alone, "\(number)")
        }
        #expect(scanned["S-5"]?.status == .terminated)
        var annas: [String] = []
        try ledger.scanPositions(asOf: fixture.today, scope: ContractScope(managerName: "Анна"), buckets: .standard) {
            annas.append($0.number)
        }
        #expect(annas == ["S-3", "S-6", "S-9", "S-12"])
    }

    @Test("a payment dated after the business date is left out of the scan")
    func asOf() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("F-1", count: 1, firstDue: "2026-05-01")
        // Recorded on its day, 05-25; the scan as of 05-20 must not see it.
        let onTheDay = AuditContext(timestamp: "2026-05-25T09:00:00Z", osUser: "tester", command: "dolg test",
                                    today: day("2026-05-25"))
        _ = try fixture.ledger.recordPayment(contractNumber: "F-1", amount: Money(major: 1_000), date: day("2026-05-25"),
                                             method: nil, reference: nil, audit: onTheDay)
        var statuses: [String] = []
        for date in ["2026-05-20", "2026-05-25"] {
            try fixture.ledger.scanPositions(asOf: day(date), buckets: .standard) { statuses.append($0.position.status.name) }
        }
        #expect(statuses == ["overdue", "closed"])
    }
}
