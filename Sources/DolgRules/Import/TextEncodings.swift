/// Single-byte Cyrillic code pages that Russian banks and spreadsheets still write.
///
/// Each maps bytes 0x80–0xFF to Unicode (bytes below 0x80 are ASCII). Decoding
/// never fails: a byte a code page leaves undefined becomes U+FFFD.
public enum CyrillicCodePage: String, Sendable {
    /// Windows-1251: `Кодировка=Windows` in 1C files, and Excel's CSV on Russian Windows.
    case windows1251
    /// CP866: `Кодировка=DOS` in 1C files.
    case cp866

    /// Decodes bytes in this code page.
    public func decode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let table = self == .windows1251 ? CyrillicCodePage.windows1251Table : CyrillicCodePage.cp866Table
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : UInt32(table[Int(byte) - 0x80])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Decodes bytes in this code page, or nil when they cannot be text in it: a byte the code
    /// page leaves undefined, or non-ASCII bytes that are valid UTF-8 — a line saved as UTF-8
    /// among lines in the code page, which would otherwise be read as mojibake. (Cyrillic text in
    /// a code page is practically never valid UTF-8: its letters are 0xC0–0xFF, which UTF-8 uses
    /// only as lead bytes.)
    public func decodeStrictly(_ bytes: [UInt8]) -> String? {
        if bytes.contains(where: { $0 >= 0x80 }), TextEncodingDetector.isValidUTF8(bytes, allowingTruncation: false) {
            return nil
        }
        let text = decode(bytes)
        return text.unicodeScalars.contains("\u{FFFD}") ? nil : text
    }

    // Generated from the code pages' published mappings (0x80 to 0xFF).
    static let windows1251Table: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    static let cp866Table: [UInt16] = [
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
        0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
        0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
        0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
        0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
        0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
        0x0401, 0x0451, 0x0404, 0x0454, 0x0407, 0x0457, 0x040E, 0x045E,
        0x00B0, 0x2219, 0x00B7, 0x221A, 0x2116, 0x00A4, 0x25A0, 0x00A0,
    ]
}

/// Which encoding a text file is in, judged from its bytes.
public enum TextEncodingDetector {
    public enum Encoding: Equatable, Sendable {
        case utf8
        case codePage(CyrillicCodePage)
    }

    /// UTF-8 when the bytes start with its byte-order mark or are valid UTF-8; otherwise
    /// `fallback`. Bytes are trusted over headers, since some banks write UTF-8 whatever
    /// the header says.
    public static func detect(_ sample: some Collection<UInt8>, fallback: CyrillicCodePage = .windows1251) -> Encoding {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        return isValidUTF8(sample) ? .utf8 : .codePage(fallback)
    }

    /// Whether the bytes are valid UTF-8. A sequence cut short by the end of the sample
    /// counts as valid unless `allowingTruncation` is false, so a sample may be any prefix of a file.
    public static func isValidUTF8(_ bytes: some Collection<UInt8>, allowingTruncation: Bool = true) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            let continuation: Int
            switch byte {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: continuation = 1
            case 0xE0...0xEF: continuation = 2
            case 0xF0...0xF4: continuation = 3
            default: return false
            }
            for _ in 0..<continuation {
                guard let next = iterator.next() else { return allowingTruncation }
                guard next & 0xC0 == 0x80 else { return false }
            }
        }
        return true
    }
}
