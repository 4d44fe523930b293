import ArgumentParser
import Foundation

/// `--color auto|always|never`.
enum ColourChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// Whether output may carry colour: `--color always|never` decides; else never when NO_COLOR is
/// set, always when FORCE_COLOR is (a CI log that renders colour), else on a terminal that shows
/// it (not `TERM=dumb`).
enum TerminalColour {
    nonisolated(unsafe) static var choice = ColourChoice.auto

    static var allowed: Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
            return StandardOutput.isTerminal && environment["TERM"] != "dumb"
        }
    }
}
