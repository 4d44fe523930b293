import DolgRules

/// What an import did, or would do with `--dry-run`.
public struct ImportSummary: Sendable {
    /// Data rows read (the header and blank lines not counted).
    public internal(set) var rows = 0
    /// New records by kind: `payments`, `contracts`, `clients`, `managers`.
    public internal(set) var created: [String: Int] = [:]
    /// Rows already in the ledger with the same fields: skipped, so a re-import changes nothing.
    public internal(set) var alreadyThere = 0
    /// The first problems found, in file order (at most `maximumErrorsKept`).
    public internal(set) var errors: [ImportRowError] = []
    /// Every problem found, including those not kept.
    public internal(set) var errorCount = 0

    static let maximumErrorsKept = 1000

    mutating func add(_ newErrors: [ImportRowError]) {
        errorCount += newErrors.count
        errors.append(contentsOf: newErrors.prefix(max(0, ImportSummary.maximumErrorsKept - errors.count)))
    }

    /// The names of the clients and managers created (or that `--dry-run` would create), in
    /// file order: a merge or a misspelt manager shows here before anything is written.
    public internal(set) var createdNames: [String: [String]] = [:]

    mutating func count(_ kind: String) { created[kind, default: 0] += 1 }

    mutating func count(_ kind: String, named name: String) {
        count(kind)
        createdNames[kind, default: []].append(name)
    }

    public func created(_ kind: String) -> Int { created[kind] ?? 0 }
}
