import DolgRules
import GRDB

/// Conversions from stored columns to rules values.
extension Row {
    func civilDate(_ column: String) throws -> CivilDate {
        let text: String = self[column]
        do {
            return try CivilDate.parse(text)
        } catch {
            throw DolgError(.ledgerFailure, "stored date '\(text)' in column \(column) is not a date",
                            remedy: "run `dolg doctor` on the ledger")
        }
    }

    func optionalCivilDate(_ column: String) throws -> CivilDate? {
        guard (self[column] as String?) != nil else { return nil }
        return try civilDate(column)
    }

    func money(_ column: String) -> Money {
        Money(minorUnits: self[column])
    }

    func installment() throws -> Installment {
        Installment(seq: self["seq"], dueDate: try civilDate("due_date"),
                    principal: money("principal"), interest: money("interest"))
    }

    func client(prefix: String = "") -> StoredClient {
        StoredClient(id: self[prefix + "id"], name: self[prefix + "name"], phone: self[prefix + "phone"],
                     email: self[prefix + "email"], managerName: self[prefix + "manager_name"],
                     note: self[prefix + "note"])
    }
}
