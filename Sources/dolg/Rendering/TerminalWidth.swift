import Foundation

/// How wide text is on a terminal, in cells: a Cyrillic letter takes one, a CJK character or an
/// emoji two, a combining accent none, a colour escape none. Tables are laid out in cells, not
/// characters, so that columns line up whatever the names are written in.
enum TerminalWidth {
    /// The width tables must fit: `COLUMNS` when set, else the terminal's when standard output is
    /// one, else none (a file or a pipe gets every column, whole).
    static var available: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        return terminalColumns
    }

    /// The terminal's width, read once: before a pager's pipe takes the terminal's place.
    private static let terminalColumns: Int? = {
        guard StandardOutput.isTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }()

    /// Reads what standard output is while it is still the terminal (or the -o file).
    static func captureTerminal() {
        _ = StandardOutput.isTerminal
        _ = terminalColumns
    }

    static func cells(_ text: String) -> Int {
        // The common case, plain text of one-cell characters, without a walk over graphemes.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var width = 0
        var inEscape = false
        for character in text {
            if inEscape {
                if character.isLetter { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            width += cells(character)
        }
        return width
    }

    static func cells(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if first.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian wide and full-width ranges.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text cut to at most `width` cells, ending in `…` when anything was cut.
    static func cut(_ text: String, to width: Int) -> String {
        guard cells(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let size = cells(character)
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result.trimmingTrailingSpaces() + "…"
    }
}
