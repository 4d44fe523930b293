/// A money entry in a contract's ledger: a payment, the reversal of one, a credit paid back or
/// moved to another contract.
///
/// Entries are never edited: a mistaken payment stays and is cancelled by a
/// reversal, which carries the negative of its amount.
public struct LedgerEntry: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case payment
        case reversal
        /// An overpayment returned to the client: negative.
        case refund
        /// An overpayment moved between contracts: negative on the one it leaves, positive on
        /// the one it reaches.
        case transfer
    }

    public let kind: Kind
    public let date: CivilDate
    /// Positive for a payment and a transfer in, negative for a reversal, a refund and a transfer out.
    public let signedAmount: Money

    public init(kind: Kind, date: CivilDate, signedAmount: Money) {
        self.kind = kind
        self.date = date
        self.signedAmount = signedAmount
    }

    public static func payment(_ amount: Money, on date: CivilDate) -> LedgerEntry {
        LedgerEntry(kind: .payment, date: date, signedAmount: amount)
    }

    public static func reversal(of amount: Money, on date: CivilDate) -> LedgerEntry {
        LedgerEntry(kind: .reversal, date: date, signedAmount: -amount)
    }
}

extension Sequence where Element == LedgerEntry {
    /// What has been paid as of `asOf`: entries dated after it do not count yet.
    public func netPaid(asOf: CivilDate) -> Money {
        filter { $0.date <= asOf }.map(\.signedAmount).sum()
    }
}
