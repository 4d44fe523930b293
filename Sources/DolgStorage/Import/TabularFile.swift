import DolgRules
import Foundation

/// A CSV file as spreadsheets write it, read row by row without holding the file in memory.
///
/// The encoding is UTF-8 (with or without a BOM) or Windows-1251, judged from the bytes; the
/// separator is `;` or `,`, whichever the header line has more of.
public final class TabularFile {
    public let path: String
    /// The header's column names, lowercased and trimmed.
    public let columns: [String]
    public let separator: Character
    public let encoding: TextEncodingDetector.Encoding
    private let handle: FileHandle
    private let reader: CSVRecordReader
    /// The line the row last read starts on; the header is line 1.
    public private(set) var line = 1

    public init(path: String) throws(DolgError) {
        self.path = path
        try InputFile.checkReadable(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's path and permissions")
        }
        self.handle = handle
        let sample = [UInt8](handle.readData(ofLength: 64 * 1024))
        guard !sample.isEmpty else {
            throw DolgError(.invalidImport, "'\(path)' is empty", remedy: "give a CSV file with a header row")
        }
        try? handle.seek(toOffset: 0)
        let encoding = TextEncodingDetector.detect(sample)
        self.encoding = encoding
        let firstLine = sample.prefix { $0 != 0x0A }
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        separator = semicolons > firstLine.filter({ $0 == UInt8(ascii: ",") }).count ? ";" : ","
        reader = CSVRecordReader(handle: handle, separator: separator == ";" ? UInt8(ascii: ";") : UInt8(ascii: ",")) { bytes in
            switch encoding {
            case .utf8: return String(decoding: bytes, as: UTF8.self)
            case .codePage(let codePage): return codePage.decode(bytes)
            }
        }
        let header: [String]
        do {
            header = try reader.next()?.fields ?? []
        } catch {
            throw TabularFile.failure(path, error)
        }
        columns = header.enumerated().map { index, name in
            var column = name.trimmingCharacters(in: .whitespaces).lowercased()
            if index == 0, column.hasPrefix("\u{FEFF}") { column.removeFirst() }
            return column
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
            throw TabularFile.failure(path, error)
        }
        guard let record else { return nil }
        line = record.line
        var fields: [String: String] = [:]
        for (index, column) in columns.enumerated() where index < record.fields.count {
            fields[column] = TabularFile.unneutralised(record.fields[index].trimmingCharacters(in: .whitespaces))
        }
        return fields
    }

    /// Undoes what exports do to a cell a spreadsheet would take for a formula (`'=SUM(…)` → `=SUM(…)`),
    /// so that an export imports back as it was.
    static func unneutralised(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.dropFirst().first, "=+-@\t\r".contains(second) else { return value }
        return String(value.dropFirst())
    }

    /// Whether a row is blank (spreadsheets often end files with empty lines).
    public static func isBlank(_ fields: [String: String]) -> Bool {
        fields.values.allSatisfy(\.isEmpty)
    }

    private static func failure(_ path: String, _ error: CSVRecordReader.Failure) -> DolgError {
        switch error {
        case .unterminatedQuote(let line):
            return DolgError(.invalidImport, "\(path):\(line): a quoted field is never closed",
                             remedy: "close the quote, or export the file from the spreadsheet again")
        }
    }
}
