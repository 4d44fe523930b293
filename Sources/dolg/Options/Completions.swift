import DolgStorage
import Foundation

/// What a shell offers for values that live in the ledger: contract numbers, manager names,
/// logins. The shell runs `dolg` for these as the word is typed, so each is one short read of
/// the ledger named on the line (`--db`), else the usual one; no ledger, no candidates.
enum Completions {
    @Sendable static func contracts(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        (try? ledger(words)?.contractNumbers(startingWith: prefix, limit: 500)) ?? []
    }

    @Sendable static func managers(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        ((try? ledger(words)?.managers()) ?? []).filter(\.active).map(\.name).filter { $0.hasPrefix(prefix) }
    }

    @Sendable static func logins(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        ((try? ledger(words)?.managers()) ?? []).filter(\.active).compactMap(\.login).filter { $0.hasPrefix(prefix) }
    }

    private static func ledger(_ words: [String]) throws -> LedgerDatabase? {
        let db: String? = words.firstIndex(of: "--db").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
        let path = GlobalOptions.ledgerPath(db: db, environment: ProcessInfo.processInfo.environment)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try LedgerDatabase.openExisting(path: path, busyTimeout: 0.2)
    }
}
