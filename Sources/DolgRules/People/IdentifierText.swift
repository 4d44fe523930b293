/// Contract numbers and the names of clients, managers and segments: what may be in one, and
/// when two that differ are still the same to a reader's eye.
///
/// Text reaches here in NFC (the command line and every imported file are normalised on the way
/// in), so `Й` typed as one code point or as `И` + breve is one contract, not two.
public enum IdentifierText {
    /// The most characters a number or a name may have.
    public static let maximumLength = 200

    /// Why `text` cannot be a number or a name, or nil when it can.
    public static func problem(_ text: String) -> Problem? {
        if text.unicodeScalars.contains(where: isControl) {
            return Problem(english: "contains control characters", russian: "содержит служебные символы")
        }
        if text.unicodeScalars.contains(where: isInvisible) {
            return Problem(english: "contains invisible characters", russian: "содержит невидимые символы")
        }
        if text.trimmingWhitespace().isEmpty { return Problem(english: "is empty", russian: "не заполнено") }
        if text.count > maximumLength {
            return Problem(english: "is longer than \(maximumLength) characters", russian: "длиннее \(maximumLength) символов")
        }
        return nil
    }

    /// What is wrong with a text, in both languages.
    public struct Problem: Sendable {
        public let english: String
        public let russian: String
    }

    /// C0 and C1 controls and DEL: no part of a name, and a way to rewrite an operator's terminal.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Characters that show nothing or reorder what is shown: zero-width spaces and joiners,
    /// the soft hyphen, bidirectional marks, overrides and isolates, the byte-order mark.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// The text with every Cyrillic or Greek letter that looks like a Latin one replaced by it, and
    /// every letter O (and Cyrillic Ze) by the digit it is drawn like: `С-1` (Cyrillic Es) and `C-1`
    /// (Latin C) have the same key, and so have `2026-0О1` and `2026-001`. Two contracts whose numbers
    /// differ only so would be told apart by no one reading a statement or a letter.
    public static func lookalikeKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { lookalikes[$0] ?? $0 }))
    }

    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = {
        // Cyrillic, then Greek: each letter and the Latin letter it is drawn like.
        let pairs: [(String, String)] = [
            ("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY"), ("аеѕіјорсхуԁһԛԝ", "aesijopcxydhqw"),
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"), ("οαν", "oav"),
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (source, target) in zip(from.unicodeScalars, to.unicodeScalars) { map[source] = target }
        }
        // Among digits a round letter reads as a zero, in any script.
        for letter in "OoОоΟο".unicodeScalars { map[letter] = "0" }
        map["З"] = "3"
        return map
    }()
}
