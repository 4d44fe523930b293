/// A problem with one cell of an imported file: where, which column, what value, why.
public struct ImportRowError: Hashable, Sendable, CustomStringConvertible {
    /// The file, when an import reads more than one.
    public private(set) var file: String?
    public let line: Int
    public let column: String
    public let value: String
    public let problem: String
    /// The problem in Russian, for Russian readers.
    public let russianProblem: String?

    public init(line: Int, column: String, value: String, problem: String, russian: String? = nil) {
        self.line = line
        self.column = column
        self.value = value
        self.problem = problem
        russianProblem = russian
    }

    /// The same problem, attributed to `file`.
    public func `in`(_ file: String) -> ImportRowError {
        var copy = self
        copy.file = file
        return copy
    }

    /// `3: phone '12345': not a phone number`, printed after the file name.
    public var description: String { "\(line): \(column) '\(Self.shown(value))': \(problem)" }

    /// The same in the reader's language (English where there is no Russian wording).
    public func description(_ language: Language) -> String {
        guard language == .russian, let russianProblem else { return description }
        return "\(line): \(column) '\(Self.shown(value))': \(russianProblem)"
    }

    /// A value as an error message shows it: control characters made visible, and at most 60
    /// characters, so that a junk file's megabyte line is not echoed to the terminal.
    public static func shown(_ value: String) -> String {
        let visible = String(String.UnicodeScalarView(value.unicodeScalars.prefix(61).map {
            RowReader.isControl($0) ? "\u{FFFD}" : $0
        }))
        return visible.unicodeScalars.count > 60 ? String(visible.unicodeScalars.prefix(60)) + "…" : visible
    }
}

/// Typed cells read from one row of a CSV file, collecting every problem of the row.
public struct RowReader {
    public let line: Int
    let fields: [String: String]
    public private(set) var errors: [ImportRowError] = []

    /// `fields` maps lowercased column names to trimmed values.
    public init(line: Int, fields: [String: String]) {
        self.line = line
        self.fields = fields
        // NULs and other control characters are no part of a name, a number or a note: the file is damaged.
        for (column, value) in fields.sorted(by: { $0.key < $1.key })
        where value.unicodeScalars.contains(where: Self.isControl) {
            fail(column, value, "contains control characters", russian: "содержит служебные символы")
        }
    }

    /// C0 controls and DEL, except the tab and line breaks a quoted cell may hold.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F
    }

    public func optionalText(_ column: String) -> String? {
        guard let value = fields[column], !value.isEmpty else { return nil }
        return value
    }

    public mutating func text(_ column: String) -> String {
        guard let value = optionalText(column) else {
            fail(column, "", "is empty", russian: "не заполнено")
            return ""
        }
        return value
    }

    /// A contract number or a name: text with no control or invisible characters, of bounded length.
    public mutating func identifier(_ column: String) -> String {
        let value = text(column)
        if !value.isEmpty, let problem = IdentifierText.problem(value) {
            fail(column, value, problem.english, russian: problem.russian)
        }
        return value
    }

    /// Like `identifier`, for a column that may be empty.
    public mutating func optionalIdentifier(_ column: String) -> String? {
        guard let value = optionalText(column) else { return nil }
        if let problem = IdentifierText.problem(value) {
            fail(column, value, problem.english, russian: problem.russian)
        }
        return value
    }

    public mutating func money(_ column: String, optional: Bool = false) -> Money? {
        guard let value = optionalText(column) else {
            if !optional { fail(column, "", "is empty", russian: "не заполнено") }
            return nil
        }
        do {
            return try MoneyParser.parse(value)
        } catch {
            fail(column, value, "not an amount (\(error))", russian: "это не сумма (\(error))")
            return nil
        }
    }

    public mutating func date(_ column: String, optional: Bool = false) -> CivilDate? {
        guard let value = optionalText(column) else {
            if !optional { fail(column, "", "is empty", russian: "не заполнено") }
            return nil
        }
        do {
            return try CivilDate.parse(value)
        } catch .noSuchDay {
            fail(column, value, "no such day", russian: "такого дня нет в календаре")
        } catch .outOfRange {
            fail(column, value, "outside the dates dolg keeps (\(CivilDate.supportedDescription))",
                 russian: "вне дат, которые ведёт dolg (\(CivilDate.supportedDescription))")
        } catch {
            fail(column, value, "not a date (write 2026-12-15 or 15.12.2026)",
                 russian: "это не дата (пишите так: 2026-12-15 или 15.12.2026)")
        }
        return nil
    }

    public mutating func integer(_ column: String) -> Int? {
        guard let value = optionalText(column) else {
            fail(column, "", "is empty", russian: "не заполнено")
            return nil
        }
        guard let number = Int(value) else {
            fail(column, value, "not a whole number", russian: "это не целое число")
            return nil
        }
        return number
    }

    public mutating func phone(_ column: String) -> PhoneNumber? {
        let value = text(column)
        guard !value.isEmpty else { return nil }
        do {
            return try PhoneNumber(parsing: value)
        } catch {
            fail(column, value, "not a phone number (\(error))", russian: "это не номер телефона (\(error))")
            return nil
        }
    }

    public mutating func fail(_ column: String, _ value: String, _ problem: String, russian: String? = nil) {
        errors.append(ImportRowError(line: line, column: column, value: value, problem: problem, russian: russian))
    }
}
