import DolgRules
import GRDB

/// A date as the ledger stores it (`YYYY-MM-DD`); anything else means the file was damaged.
func storedDate(_ text: String) throws -> CivilDate {
    do {
        return try CivilDate.parseAnyYear(text)
    } catch {
        throw DolgError(.ledgerFailure, "the ledger holds '\(text)' where a date should be",
                        remedy: "the file was changed outside dolg: restore it from a backup")
            .inRussian("в реестре '\(text)' там, где должна быть дата",
                       remedy: "файл изменён не через dolg: восстановите его из резервной копии")
    }
}

/// Conversions from stored columns to rules values.
extension Row {
    func civilDate(_ column: String) throws -> CivilDate {
        try storedDate(self[column])
    }

    func optionalCivilDate(_ column: String) throws -> CivilDate? {
        guard (self[column] as String?) != nil else { return nil }
        return try civilDate(column)
    }

    func money(_ column: String) -> Money {
        Money(stored: self[column])
    }

    func installment() throws -> Installment {
        Installment(seq: self["seq"], dueDate: try civilDate("due_date"),
                    principal: money("principal"), interest: money("interest"))
    }

    func client(prefix: String = "") -> StoredClient {
        var client = StoredClient(id: self[prefix + "id"], name: self[prefix + "name"], phone: self[prefix + "phone"],
                                  email: self[prefix + "email"], inn: self[prefix + "inn"],
                                  managerName: self[prefix + "manager_name"], note: self[prefix + "note"])
        client.passport = self[prefix + "passport"]
        client.address = self[prefix + "address"]
        client.kind = self[prefix + "kind"] ?? "person"
        client.timeOffsetMinutes = self[prefix + "time_offset_minutes"] ?? 0
        return client
    }
}
