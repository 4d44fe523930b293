/// One row of `import clients`, the columns of `export clients`.
public struct ClientImportRow: Hashable, Sendable {
    public static let columns = ["id", "name", "phone", "email", "inn", "kind", "manager", "passport", "address",
                                 "time_offset", "note", "notes"]
    public static let requiredColumns = ["name", "phone"]

    public let line: Int
    public let name: String
    public let phone: PhoneNumber
    public let email: String?
    public let inn: String?
    public let business: Bool
    public let managerName: String?
    public let passport: String?
    public let address: String?
    public let timeOffsetMinutes: Int
    public let note: String?
    public let notes: [ClientNoteLine]

    /// Reads a row. Masked personal data (an export without `--reveal`) is refused: importing it
    /// would store the mask in place of the passport.
    public static func read(_ row: inout RowReader) -> ClientImportRow? {
        let name = row.identifier("name")
        let manager = row.optionalIdentifier("manager")
        let phone = row.phone("phone")
        let inn = row.optionalText("inn")
        if let inn, !(inn.count == 10 || inn.count == 12) || !inn.allSatisfy(\.isNumber) {
            row.fail("inn", inn, "an INN has 10 or 12 digits", russian: "в ИНН 10 или 12 цифр")
        }
        let kind = row.optionalText("kind").map { RussianColumns.value($0, of: "kind").lowercased() } ?? "person"
        if kind != "person" && kind != "business" {
            row.fail("kind", kind, "not person or business", russian: "нужно person или business")
        }
        for column in ["passport", "address"] {
            if let value = row.optionalText(column), value.contains("*") {
                row.fail(column, "", "masked; export with --reveal to move personal data",
                         russian: "скрыто маской; чтобы перенести личные данные, выгрузите их с --reveal")
            }
        }
        var offset = 0
        if let text = row.optionalText("time_offset") {
            if let hours = Int(text), (-12...14).contains(hours) { offset = hours * 60 } else {
                row.fail("time_offset", text, "not an offset in hours from -12 to 14",
                         russian: "нужна разница во времени в часах от -12 до 14")
            }
        }
        var notes: [ClientNoteLine] = []
        if let text = row.optionalText("notes") {
            do { notes = try ClientNoteLine.decode(text) } catch {
                row.fail("notes", text, error.problem, russian: error.russian?.problem)
            }
        }
        guard row.errors.isEmpty, let phone else { return nil }
        return ClientImportRow(line: row.line, name: name, phone: phone, email: row.optionalText("email"), inn: inn,
                               business: kind == "business", managerName: manager,
                               passport: row.optionalText("passport"), address: row.optionalText("address"),
                               timeOffsetMinutes: offset, note: row.optionalText("note"), notes: notes)
    }
}

/// A dated, signed note of a client's card as one line of the `notes` cell:
/// `2026-11-20T09:00 petr: text`, lines apart, a line break or backslash in the text escaped.
public struct ClientNoteLine: Hashable, Sendable {
    public let at: BusinessMoment
    public let author: String
    public let text: String

    public init(at: BusinessMoment, author: String, text: String) {
        self.at = at
        self.author = author
        self.text = text
    }

    public var encoded: String {
        let escaped = text.replacing("\\", with: "\\\\").replacing("\r", with: "\\r").replacing("\n", with: "\\n")
        return "\(at) \(author): \(escaped)"
    }

    public static func encode(_ notes: [ClientNoteLine]) -> String {
        notes.map(\.encoded).joined(separator: "\n")
    }

    public static func decode(_ cell: String) throws(DolgError) -> [ClientNoteLine] {
        try cell.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).map { line throws(DolgError) in
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let at = BusinessMoment.parse(String(parts[0])),
                  let colon = parts[1].firstIndex(of: ":"), parts[1].index(after: colon) < parts[1].endIndex,
                  parts[1][parts[1].index(after: colon)] == " " else {
                throw DolgError(.invalidImport, "a note is written `YYYY-MM-DDTHH:MM author: text`",
                                remedy: "one note a line, as `dolg export clients --reveal` writes them")
                    .inRussian("заметку пишут так: `YYYY-MM-DDTHH:MM author: text`",
                               remedy: "по одной заметке в строке, как их выводит `dolg export clients --reveal`")
            }
            let author = String(parts[1][..<colon])
            let text = unescaped(String(parts[1][parts[1].index(colon, offsetBy: 2)...]))
            guard !author.isEmpty, !text.isEmpty else {
                throw DolgError(.invalidImport, "a note needs an author and a text",
                                remedy: "one note a line, as `dolg export clients --reveal` writes them")
                    .inRussian("у заметки должны быть автор и текст",
                               remedy: "по одной заметке в строке, как их выводит `dolg export clients --reveal`")
            }
            return ClientNoteLine(at: at, author: author, text: text)
        }
    }

    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
