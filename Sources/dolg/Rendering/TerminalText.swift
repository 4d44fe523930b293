import DolgRules

/// Text from the ledger or from input, made safe to show a person: no control character of it
/// reaches the terminal (an escape sequence in a client's name could clear the screen, retitle the
/// window or hide what follows), and an echoed value is never megabytes long.
enum TerminalText {
    /// `text` with control and invisible characters (C0, C1, DEL, bidirectional overrides) shown
    /// as `�`; a tab or a line break inside a value becomes a space, keeping a table's rows whole.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            guard needsReplacing(scalar) else { return scalar }
            return scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : "\u{FFFD}"
        }))
    }

    /// Like `visible`, for many lines: line breaks and tabs are kept.
    static func visibleLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacing($0) && !["\n", "\t"].contains($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            !needsReplacing(scalar) || scalar == "\n" || scalar == "\t" ? scalar : "\u{FFFD}"
        }))
    }

    private static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        IdentifierText.isControl(scalar) || IdentifierText.isInvisible(scalar)
    }

    /// The most characters of one quoted value an error line echoes.
    static let echoedCharacters = 60

    /// An error or notice line for stderr: control characters made visible, every `'quoted'`
    /// value cut to `echoedCharacters`, and the line to a few thousand characters in all.
    static func line(_ text: String) -> String {
        var result = ""
        var quoted = ""
        var inQuote = false
        for character in visible(text) {
            if character == "'" {
                if inQuote {
                    result += quoted.count > echoedCharacters ? String(quoted.prefix(echoedCharacters)) + "…" : quoted
                    quoted = ""
                }
                inQuote.toggle()
                result.append(character)
            } else if inQuote {
                // Collected only up to one more than shown, however long the value is.
                if quoted.count <= echoedCharacters { quoted.append(character) }
            } else {
                result.append(character)
            }
        }
        result += quoted
        return result.count > 2_000 ? String(result.prefix(2_000)) + "…" : result
    }
}
