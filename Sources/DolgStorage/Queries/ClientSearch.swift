import DolgRules
import GRDB

/// A client found by `client find`, with their contract numbers and what matched.
public struct ClientMatch: Sendable {
    public let client: StoredClient
    public let contracts: [String]
    /// `phone`, `contract`, `inn` or `name`.
    public let foundBy: String
}

extension LedgerDatabase {
    /// Clients whose phone (in any common spelling), contract number, INN or name matches
    /// `text`: exact matches of the first three, and names containing the text with case and
    /// `ё` ignored. Names are compared in Swift (SQLite folds case for ASCII only); the other
    /// matches use the indexes.
    public func findClients(_ text: String) throws(DolgError) -> [ClientMatch] {
        try read { db in
            var found: [(Int64, String)] = []
            func add(_ ids: [Int64], _ by: String) {
                for id in ids where !found.contains(where: { $0.0 == id }) { found.append((id, by)) }
            }
            if let phone = try? PhoneNumber(parsing: text) {
                add(try Int64.fetchAll(db, sql: "SELECT id FROM clients WHERE phone = ? ORDER BY id", arguments: [phone.e164]), "phone")
            }
            add(try Int64.fetchAll(db, sql: "SELECT client_id FROM contracts WHERE number = ?", arguments: [text]), "contract")
            add(try Int64.fetchAll(db, sql: """
                SELECT contracts.client_id FROM contract_number_keys JOIN contracts ON contracts.id = contract_number_keys.contract_id
                WHERE contract_number_keys.number_key = ?
                """, arguments: [IdentifierText.lookalikeKey(text)]), "contract")
            if text.allSatisfy(\.isNumber), text.count == 10 || text.count == 12 {
                add(try Int64.fetchAll(db, sql: "SELECT id FROM clients WHERE inn = ? ORDER BY id", arguments: [text]), "inn")
            }
            let wanted = PersonName.key(text)
            let names = try Row.fetchCursor(db, sql: "SELECT id, name FROM clients ORDER BY id")
            var byName: [Int64] = []
            while byName.count < 1000, let row = try names.next() {
                if PersonName.key(row["name"]).contains(wanted) { byName.append(row["id"]) }
            }
            add(byName, "name")
            return try found.map { id, by in
                ClientMatch(client: try clientWithID(id, db),
                            contracts: try String.fetchAll(db, sql: "SELECT number FROM contracts WHERE client_id = ? ORDER BY id",
                                                           arguments: [id]),
                            foundBy: by)
            }
        }
    }

    /// The client an operator names by id, contract number or phone: a contract number first
    /// (numbers such as `1001` are contracts more often than ids), then an id, then a phone.
    public func clientID(reference text: String) throws(DolgError) -> Int64 {
        try read { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT client_id FROM contracts WHERE number = ?", arguments: [text]) {
                return id
            }
            if let id = Int64(text), try Bool.fetchOne(db, sql: "SELECT 1 FROM clients WHERE id = ?", arguments: [id]) == true {
                return id
            }
            if let phone = try? PhoneNumber(parsing: text) {
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM clients WHERE phone = ? ORDER BY id", arguments: [phone.e164])
                if ids.count == 1 { return ids[0] }
                if ids.count > 1 {
                    let list = ids.map(String.init).joined(separator: ", ")
                    throw DolgError(.unknownClient, "phone \(PhoneNumber.masked(phone.e164)) belongs to clients \(list)",
                                    remedy: "name the client by id")
                        .inRussian("телефон \(PhoneNumber.masked(phone.e164)) у нескольких клиентов: \(list)",
                                   remedy: "укажите номер клиента")
                }
            }
            throw DolgError(.unknownClient, "no client has the id, phone or contract '\(text)'",
                            remedy: "look for them with `dolg client find TEXT`")
                .inRussian("нет клиента с номером, телефоном или договором '\(text)'",
                           remedy: "поищите: `dolg client find ТЕКСТ`")
        }
    }
}
