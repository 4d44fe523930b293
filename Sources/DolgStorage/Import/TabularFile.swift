import DolgRules
import Foundation

/// A CSV file as spreadsheets write it, read row by row without holding the file in memory.
///
/// The encoding is UTF-8 (with or without a BOM) or Windows-1251, judged from the bytes; the
/// separator is `;` or `,`, whichever the header line has more of.
public final class TabularFile {
    public let path: String
    /// How messages name the file: its path, or "stdin" for a copy of standard input.
    public let name: String
    /// The header's column names, lowercased and trimmed (in English once `recognise` has read
    /// Russian ones).
    public private(set) var columns: [String]
    public let separator: Character
    public let encoding: TextEncodingDetector.Encoding
    private let handle: FileHandle
    private let reader: CSVRecordReader
    private let size: UInt64?

    /// How much of the file has been read, in percent, when its size is known.
    public var percentRead: Int? {
        guard let size, size > 0 else { return nil }
        return Int(min(100, handle.offsetInFile * 100 / size))
    }

    /// The line the row last read starts on; the header is line 1.
    public private(set) var line = 1

    public init(path: String, name: String? = nil) throws(DolgError) {
        self.path = path
        self.name = name ?? path
        try InputFile.checkReadable(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's path and permissions")
                .inRussian("не удалось прочитать '\(path)'", remedy: "проверьте путь к файлу и права доступа")
        }
        self.handle = handle
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value
        let sample = [UInt8](handle.readData(ofLength: 64 * 1024))
        guard !sample.isEmpty else {
            throw DolgError(.invalidImport, "'\(self.name)' is empty", remedy: "give a CSV file with a header row")
                .inRussian("'\(self.name)' пуст", remedy: "дайте CSV-файл со строкой заголовков")
        }
        try? handle.seek(toOffset: 0)
        let encoding = TextEncodingDetector.detect(sample)
        self.encoding = encoding
        let firstLine = sample.prefix { $0 != 0x0A }
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        separator = semicolons > firstLine.filter({ $0 == UInt8(ascii: ",") }).count ? ";" : ","
        reader = CSVRecordReader(handle: handle, separator: separator == ";" ? UInt8(ascii: ";") : UInt8(ascii: ",")) { bytes in
            switch encoding {
            case .utf8: return String(validating: bytes, as: UTF8.self).map(TabularFile.composed)
            case .codePage(let codePage): return codePage.decodeStrictly(bytes).map(TabularFile.composed)
            }
        }
        let header: [String]
        do {
            header = try reader.next()?.fields ?? []
        } catch {
            throw TabularFile.failure(path, error, encoding: encoding)
        }
        columns = header.enumerated().map { index, name in
            var column = name.trimmingCharacters(in: .whitespaces).lowercased()
            if index == 0, column.hasPrefix("\u{FEFF}") { column.removeFirst() }
            return column
        }
        // With a column twice, one of the two values would be dropped without a word.
        var seen: Set<String> = []
        for column in columns where !column.isEmpty && !seen.insert(column).inserted {
            let shown = ImportRowError.shown(column)
            throw DolgError(.invalidImport, "\(path):1: column '\(shown)' appears twice in the header",
                            remedy: "keep one column of each name")
                .inRussian("\(path):1: столбец '\(shown)' указан в заголовке дважды",
                           remedy: "оставьте по одному столбцу каждого имени")
        }
    }

    deinit {
        try? handle.close()
    }

    /// The next row as column name → trimmed value, or nil at the end.
    public func next() throws(DolgError) -> [String: String]? {
        let record: (line: Int, fields: [String])?
        do {
            record = try reader.next()
        } catch {
            throw failure(error)
        }
        guard let record else { return nil }
        line = record.line
        // A value beyond the header's columns belongs to no column: the row was shifted.
        if record.fields.count > columns.count, record.fields[columns.count...].contains(where: {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }) {
            throw DolgError(.invalidImport,
                            "\(path):\(line): \(record.fields.count) fields, but the header has \(columns.count) columns",
                            remedy: "check the separators and quotes of that line")
                .inRussian("\(path):\(line): полей \(record.fields.count), а столбцов в заголовке \(columns.count)",
                           remedy: "проверьте разделители и кавычки в этой строке")
        }
        var fields: [String: String] = [:]
        for (index, column) in columns.enumerated() where index < record.fields.count {
            fields[column] = TabularFile.unneutralised(record.fields[index].trimmingCharacters(in: .whitespaces))
        }
        return fields
    }

    /// Reads the header's Russian names as the import's own (`RussianColumns`): «Сумма» is
    /// `amount`. Two columns that mean the same are refused, as a column named twice is.
    public func recognise(_ aliases: [String: String]) throws(DolgError) {
        let renamed = columns.map { aliases[RussianColumns.key($0)] ?? $0 }
        var seen: [String: String] = [:]
        for (original, column) in zip(columns, renamed) where !column.isEmpty {
            if let first = seen[column] {
                throw DolgError(.invalidImport, "\(path):1: columns '\(first)' and '\(original)' both mean \(column)",
                                remedy: "keep one of them")
                    .inRussian("\(path):1: столбцы '\(first)' и '\(original)' означают одно и то же (\(column))",
                               remedy: "оставьте один из них")
            }
            seen[column] = original
        }
        columns = renamed
    }

    /// Undoes what exports do to a cell a spreadsheet would take for a formula (`'=SUM(…)` → `=SUM(…)`),
    /// so that an export imports back as it was.
    static func unneutralised(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().first, "=+-@\t\r".contains(second) else { return value }
        return String(value.dropFirst())
    }

    /// Text in NFC, as everything the ledger stores (ASCII, most of any file, is already).
    static func composed(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether a row is blank (spreadsheets often end files with empty lines).
    public static func isBlank(_ fields: [String: String]) -> Bool {
        fields.values.allSatisfy(\.isEmpty)
    }

    private func failure(_ error: CSVRecordReader.Failure) -> DolgError {
        Self.failure(path, error, encoding: encoding)
    }

    private static func failure(_ path: String, _ error: CSVRecordReader.Failure,
                                encoding: TextEncodingDetector.Encoding) -> DolgError {
        switch error {
        case .unterminatedQuote(let line):
            return DolgError(.invalidImport, "\(path):\(line): a quoted field is never closed",
                             remedy: "close the quote, or export the file from the spreadsheet again")
                .inRussian("\(path):\(line): кавычка поля не закрыта",
                           remedy: "закройте кавычку или выгрузите файл из таблицы заново")
        case .badEncoding(let line):
            let name = encoding == .utf8 ? "UTF-8" : "Windows-1251"
            return DolgError(.invalidImport,
                             "\(path):\(line): the file mixes encodings: this line is not valid \(name), the encoding the file is read in",
                             remedy: "save the whole file in one encoding (UTF-8) and import it again; nothing was imported")
                .inRussian("\(path):\(line): в файле смешаны кодировки: эта строка не в \(name), в которой читается файл",
                           remedy: "сохраните весь файл в одной кодировке (UTF-8) и импортируйте заново; ничего не импортировано")
        case .notText(let line):
            return DolgError(.invalidImport, "\(path):\(line): the file holds a NUL byte: it is not text",
                             remedy: "give a CSV file")
                .inRussian("\(path):\(line): в файле нулевой байт — это не текст", remedy: "укажите файл CSV")
        case .fieldTooLong(let line):
            return DolgError(.invalidImport,
                             "\(path):\(line): a field is longer than \(CSVRecordReader.fieldBytes / 1024) KB",
                             remedy: "check the file: no name, number or note is that long")
                .inRussian("\(path):\(line): поле длиннее \(CSVRecordReader.fieldBytes / 1024) КБ",
                           remedy: "проверьте файл: ни имя, ни номер, ни заметка не бывают такой длины")
        case .recordTooLong(let line):
            return DolgError(.invalidImport,
                             "\(path):\(line): a line is longer than \(CSVRecordReader.recordBytes / 1_000_000) MB",
                             remedy: "check the file's line breaks")
                .inRussian("\(path):\(line): строка длиннее \(CSVRecordReader.recordBytes / 1_000_000) МБ",
                           remedy: "проверьте переводы строк в файле")
        }
    }
}
