import DolgRules
import GRDB

/// Everything a client's card shows.
public struct ClientCard: Sendable {
    public let client: StoredClient
    public let discipline: PaymentDiscipline
    public let keptPromises: Int
    public let brokenPromises: Int
    public let notes: [(at: BusinessMoment, author: String, text: String)]
}

extension LedgerDatabase {
    /// A client's card as of a date: payment discipline over all their contracts, promises, notes.
    public func clientCard(id: Int64, asOf: CivilDate) throws(DolgError) -> ClientCard {
        try read { db in
            let client = try clientWithID(id, db)
            let settings = try settings(db)
            var discipline = PaymentDiscipline()
            var kept = 0
            var broken = 0
            let contracts = try Row.fetchAll(db, sql: "\(Self.contractSelect) WHERE contracts.client_id = ? ORDER BY contracts.id",
                                             arguments: [id])
            for row in contracts {
                let contract = try row.contract()
                let detail = try contractDetail(db, contract)
                let entries = detail.payments.map(\.entry)
                let position = detail.position(asOf: asOf, buckets: settings.buckets)
                discipline.add(installments: detail.installments, entries: entries, asOf: asOf,
                               closed: position.status == .closed)
                for touch in try touches(db, contractID: contract.id, asOf: asOf) {
                    switch touch.promise?.state(asOf: asOf) {
                    case .kept: kept += 1
                    case .broken: broken += 1
                    default: break
                    }
                }
            }
            let notes = try Row.fetchAll(db, sql: "SELECT at, author, text FROM client_notes WHERE client_id = ? ORDER BY id",
                                         arguments: [id]).map { row in
                (at: BusinessMoment.parse(row["at"]) ?? .noon(asOf), author: row["author"] as String, text: row["text"] as String)
            }
            return ClientCard(client: client, discipline: discipline, keptPromises: kept, brokenPromises: broken, notes: notes)
        }
    }
}
