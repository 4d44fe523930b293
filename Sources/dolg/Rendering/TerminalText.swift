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
    /// value cut to `echoedCharacters`, and the line to a few thousand characters in all. A quote
    /// opens after a space or a bracket and closes before a space or punctuation, so the
    /// apostrophe of "payment's" is not one.
    static func line(_ text: String) -> String {
        let characters = Array(visible(text))
        var result = ""
        var quoted = ""
        var quotedLength = 0
        var inQuote = false
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if character == "'", !inQuote, before.isWhitespace || "([:=,".contains(before) {
                inQuote = true
                result.append(character)
            } else if character == "'", inQuote, after.isWhitespace || ":;,.)!?—…".contains(after) {
                result += quotedLength > echoedCharacters ? quoted + "…" : quoted
                result.append(character)
                quoted = ""
                quotedLength = 0
                inQuote = false
            } else if inQuote {
                // Kept only up to what is shown, however long the value is.
                quotedLength += 1
                if quotedLength <= echoedCharacters { quoted.append(character) }
            } else {
                result.append(character)
            }
            if result.count > 2_000 { return String(result.prefix(2_000)) + "…" }
        }
        result += quotedLength > echoedCharacters ? quoted + "…" : quoted
        return result
    }
}
