import DolgRules
import Foundation

/// Reads RFC 4180 records from a file in chunks, so memory does not grow with the file.
///
/// Works on bytes: the characters that give a CSV its shape (quote, separator, CR, LF) are
/// ASCII and never occur inside a UTF-8 sequence or as anything else in Windows-1251, so
/// each field's bytes are decoded only once they are complete. (CSV.swift was tried first:
/// its stream reader reports an error at the end of every file with Foundation's InputStream
/// on Linux, and it cannot read Windows-1251, which Russian Excel writes.)
final class CSVRecordReader {
    private let handle: FileHandle
    private let separator: UInt8
    /// A field's bytes as text, nil when they are not valid in the file's encoding.
    private let decode: ([UInt8]) -> String?
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The physical line the reader is on; quoted fields may span lines.
    private(set) var physicalLine = 1

    /// The most bytes one field may hold, and one record: a line of a spreadsheet is far
    /// shorter, and a file that is not one (a megabyte "reference") stops here, not in memory.
    static let fieldBytes = InputLimits.fieldBytes
    static let recordBytes = InputLimits.lineBytes

    init(handle: FileHandle, separator: UInt8, decode: @escaping ([UInt8]) -> String?) {
        self.handle = handle
        self.separator = separator
        self.decode = decode
    }

    enum Failure: Error {
        case unterminatedQuote(line: Int)
        /// A field's bytes are not valid in the file's encoding.
        case badEncoding(line: Int)
        /// A NUL byte: the file is not text.
        case notText(line: Int)
        case fieldTooLong(line: Int)
        case recordTooLong(line: Int)
    }

    /// The next record and the line it starts on, or nil at the end of the file.
    func next() throws(Failure) -> (line: Int, fields: [String])? {
        guard var byte = nextByte() else { return nil }
        let startLine = physicalLine
        var fields: [String] = []
        var field: [UInt8] = []
        var recordBytes = 0
        var quoted = false
        var afterQuote = false
        func finishField() throws(Failure) {
            guard let text = decode(field) else { throw .badEncoding(line: physicalLine) }
            fields.append(text)
            field = []
        }
        while true {
            guard byte != 0 else { throw .notText(line: physicalLine) }
            recordBytes += 1
            guard field.count < Self.fieldBytes else { throw .fieldTooLong(line: startLine) }
            guard recordBytes <= Self.recordBytes else { throw .recordTooLong(line: startLine) }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if peekByte() == UInt8(ascii: "\"") {
                        _ = nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { physicalLine += 1 }
                    field.append(byte)
                }
            } else if byte == separator {
                try finishField()
                afterQuote = false
            } else if byte == UInt8(ascii: "\n") {
                physicalLine += 1
                break
            } else if byte == UInt8(ascii: "\r") && (peekByte() == UInt8(ascii: "\n") || peekByte() == nil) {
                // The CR of a CRLF line end.
            } else if byte == UInt8(ascii: "\"") && field.isEmpty && !afterQuote {
                quoted = true
            } else {
                field.append(byte)
            }
            guard let next = nextByte() else {
                if quoted { throw .unterminatedQuote(line: startLine) }
                break
            }
            byte = next
        }
        try finishField()
        return (startLine, fields)
    }

    private func nextByte() -> UInt8? {
        guard fill() else { return nil }
        defer { position += 1 }
        return chunk[position]
    }

    private func peekByte() -> UInt8? {
        guard fill() else { return nil }
        return chunk[position]
    }

    private func fill() -> Bool {
        if position < chunk.count { return true }
        guard !atEnd else { return false }
        chunk = [UInt8](handle.readData(ofLength: 256 * 1024))
        position = 0
        if chunk.isEmpty { atEnd = true }
        return !chunk.isEmpty
    }
}
