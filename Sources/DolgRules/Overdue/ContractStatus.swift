/// Where a contract stands as of a business date.
public enum ContractStatus: Hashable, Sendable {
    /// Nothing is late; something may still be due.
    case active
    /// Something due before the business date is not fully paid.
    case overdue(Bucket)
    /// Everything is paid.
    case closed
    /// Ended early by the business; payments are still accepted and counted.
    case terminated

    /// The name used in CSV, JSON and filters.
    public var name: String {
        switch self {
        case .active: return "active"
        case .overdue: return "overdue"
        case .closed: return "closed"
        case .terminated: return "terminated"
        }
    }

    public static let names = ["active", "overdue", "closed", "terminated"]

    public var bucket: Bucket? {
        if case .overdue(let bucket) = self { return bucket }
        return nil
    }

    /// Active and overdue contracts are being collected; closed and terminated are not.
    public var isOpen: Bool {
        switch self {
        case .active, .overdue: return true
        case .closed, .terminated: return false
        }
    }
}
