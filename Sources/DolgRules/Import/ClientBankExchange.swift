/// A bank statement in the 1C client-bank exchange format (`1CClientBankExchange`).
///
/// The reader is lenient where real files are sloppy (a space after `=`, a key repeated in a
/// document, a missing `КонецДокумента` before the next section, unknown keys and document
/// kinds) and strict where guessing would lose money: the first line must be the format's
/// marker and the file must end with `КонецФайла`, so a truncated file is refused. A file of
/// several statements one after another (two days' downloads joined) is read whole; anything
/// else after a `КонецФайла` is refused, so no payment is ever dropped unseen.
public struct BankStatement: Sendable {
    /// Header keys (`ВерсияФормата`, `Кодировка`, `Отправитель`, `ДатаНачала`…), last value kept.
    public internal(set) var header: [String: String] = [:]
    /// The statement's own accounts: every `РасчСчет` of the header and of the account sections.
    public internal(set) var ownAccounts: Set<String> = []
    public internal(set) var documents: [BankDocument] = []
    /// Things the reader tolerated, with their line numbers, for the import report.
    public internal(set) var notes: [String] = []

    public init() {}
}

/// One document section (`СекцияДокумент=…` … `КонецДокумента`).
public struct BankDocument: Sendable, Equatable {
    /// The line of its `СекцияДокумент`, for messages.
    public let line: Int
    /// `Платежное поручение`, `Банковский ордер`…; unknown kinds are kept.
    public let kind: String
    /// Every key of the section; a repeated key keeps its last value.
    public internal(set) var fields: [String: String]

    public init(line: Int, kind: String, fields: [String: String]) {
        self.line = line
        self.kind = kind
        self.fields = fields
    }

    public subscript(key: String) -> String? {
        guard let value = fields[key], !value.isEmpty else { return nil }
        return value
    }

    public var number: String? { self["Номер"] }
    public var payerAccount: String? { self["ПлательщикСчет"] ?? self["ПлательщикРасчСчет"] }
    public var payeeAccount: String? { self["ПолучательСчет"] ?? self["ПолучательРасчСчет"] }
    public var payerName: String? { self["Плательщик"] ?? self["Плательщик1"] }
    public var payerBIC: String? { self["ПлательщикБИК"] }

    /// The payer's INN: its own field, else an `ИНН 7719617469` written inside the payer's name.
    public var payerINN: String? {
        if let inn = self["ПлательщикИНН"] { return inn }
        guard let name = payerName, let range = name.firstRange(of: "ИНН") else { return nil }
        let digits = name[range.upperBound...].drop(while: { $0 == " " || $0 == ":" }).prefix(while: \.isNumber)
        return digits.count == 10 || digits.count == 12 ? String(digits) : nil
    }

    /// `НазначениеПлатежа`, continued by `НазначениеПлатежа1`…`6` when a bank splits it.
    public var purpose: String {
        (["НазначениеПлатежа"] + (1...6).map { "НазначениеПлатежа\($0)" })
            .compactMap { self[$0] }.joined(separator: " ")
    }
}

extension BankStatement {
    public enum ParseFailure: Error, Equatable, Sendable {
        case notAnExchangeFile
        case truncated
        /// Something other than another statement after `КонецФайла`, at this line.
        case contentAfterEnd(line: Int)
    }

    /// Reads a statement already decoded to text (see `TextEncodingDetector` and `decode`).
    public static func parse(_ text: String) throws(ParseFailure) -> BankStatement {
        var statement = BankStatement()
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard lines.first?.trimmingCharacters() == "1CClientBankExchange" else { throw .notAnExchangeFile }

        enum Section { case header, account, document(line: Int, kind: String, fields: [String: String]) }
        var section = Section.header
        var ended = false
        func closeDocument(at lineNumber: Int, explicitly: Bool) {
            if case .document(let line, let kind, let fields) = section {
                statement.documents.append(BankDocument(line: line, kind: kind, fields: fields))
                if !explicitly {
                    statement.notes.append("line \(line): the document has no КонецДокумента; it ends at line \(lineNumber)")
                }
            }
            section = .header
        }
        for (index, rawLine) in lines.enumerated().dropFirst() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters()
            if line.isEmpty { continue }
            if ended {
                // After a statement's end only another statement may follow.
                guard line == "1CClientBankExchange" else { throw .contentAfterEnd(line: lineNumber) }
                statement.notes.append("line \(lineNumber): a further statement starts; it is read too")
                ended = false
                continue
            }
            if line == "1CClientBankExchange" { throw .truncated }
            let key: String
            let value: String
            if let equals = line.firstIndex(of: "=") {
                key = String(line[..<equals]).trimmingCharacters()
                value = String(line[line.index(after: equals)...]).trimmingCharacters()
            } else {
                key = line
                value = ""
            }
            switch key {
            case "КонецФайла":
                closeDocument(at: lineNumber, explicitly: false)
                ended = true
            case "СекцияРасчСчет":
                closeDocument(at: lineNumber, explicitly: false)
                section = .account
            case "КонецРасчСчет":
                section = .header
            case "СекцияДокумент":
                closeDocument(at: lineNumber, explicitly: false)
                section = .document(line: lineNumber, kind: value, fields: [:])
            case "КонецДокумента":
                closeDocument(at: lineNumber, explicitly: true)
            default:
                switch section {
                case .header:
                    if key == "РасчСчет", !value.isEmpty { statement.ownAccounts.insert(value) }
                    statement.header[key] = value
                case .account:
                    if key == "РасчСчет", !value.isEmpty { statement.ownAccounts.insert(value) }
                case .document(let line, let kind, var fields):
                    fields[key] = value
                    section = .document(line: line, kind: kind, fields: fields)
                }
            }
        }
        guard ended else { throw .truncated }
        return statement
    }

    /// Decodes a statement's bytes: UTF-8 when the bytes say so (BOM or valid UTF-8),
    /// otherwise the code page its `Кодировка` header names (`DOS` is CP866, else Windows-1251).
    public static func decode(_ bytes: [UInt8]) -> String {
        if case .utf8 = TextEncodingDetector.detect(bytes) {
            return String(decoding: bytes, as: UTF8.self)
        }
        let asDOS = CyrillicCodePage.cp866.decode(bytes)
        return asDOS.contains("Кодировка=DOS") ? asDOS : CyrillicCodePage.windows1251.decode(bytes)
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        String(self).trimmingWhitespace().description
    }
}
