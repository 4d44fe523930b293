import Foundation

/// Small bar charts in Unicode blocks for people at a terminal; nothing when output goes to a
/// file or a pipe; red where `TerminalColour` allows it.
enum TerminalChart {

    /// A bar of up to `width` blocks for `value` out of `largest`, with eighths for the last block.
    static func bar(_ value: Int128, of largest: Int128, width: Int = 24, red: Bool = false) -> String {
        guard largest > 0, value > 0 else { return "" }
        let eighths = Int((value * Int128(width * 8) + largest - 1) / largest)
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let bar = String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
        return red && TerminalColour.allowed ? "\u{1B}[31m" + bar + "\u{1B}[0m" : bar
    }

    /// A sparkline of values, one block per value, scaled from zero to the largest.
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let largest = max(values.max() ?? 0, 1)
        return String(values.map { blocks[min(7, $0 * 7 / largest)] })
    }
}

/// A count of records on stderr while long work runs, only when stderr is a terminal (never in
/// cron or a pipe), cleared when done; with the total and a percentage when the total is known.
final class Progress {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var count = 0
    private var total: Int?

    /// `total` is asked for only when progress is shown at all.
    init(_ english: String, _ russian: String, total: () -> Int? = { nil }) {
        label = HelpLanguage.current == .russian ? russian : english
        if enabled { self.total = total() }
    }

    func tick() {
        count += 1
        if enabled && count % 5_000 == 0 {
            var line = "\r\(label): \(count)"
            if let total, total >= count {
                line += (HelpLanguage.current == .russian ? " из " : " of ") + "\(total) (\(count * 100 / max(total, 1))%)"
            }
            FileHandle.standardError.write(Data((line + "…").utf8))
        }
    }

    func finish() {
        if enabled && count >= 5_000 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
