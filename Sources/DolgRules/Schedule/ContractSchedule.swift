/// A contract's schedule through time: the original one, and each restructuring from the day it
/// took effect. Figures as of a date use the schedule then in force, so a restructuring never
/// changes what the ledger said about the days before it.
public struct ContractSchedule: Hashable, Sendable {
    /// A schedule in force from a date on.
    public struct Revision: Hashable, Sendable {
        public let effectiveOn: CivilDate
        public let installments: [Installment]

        public init(effectiveOn: CivilDate, installments: [Installment]) {
            self.effectiveOn = effectiveOn
            self.installments = installments
        }
    }

    public let original: [Installment]
    /// Oldest first.
    public let revisions: [Revision]

    public init(original: [Installment], revisions: [Revision] = []) {
        self.original = original
        // Stable: two revisions of one day keep the order they were made in.
        self.revisions = revisions.enumerated().sorted { ($0.element.effectiveOn, $0.offset) < ($1.element.effectiveOn, $1.offset) }
            .map(\.element)
    }

    /// The schedule in force on a date.
    public func inForce(on date: CivilDate) -> [Installment] {
        revisions.last { $0.effectiveOn <= date }?.installments ?? original
    }

    /// The schedule in force from the latest revision on.
    public var current: [Installment] { revisions.last?.installments ?? original }

    /// The days on which the schedule in force changes.
    public var changeDays: [CivilDate] { revisions.map(\.effectiveOn) }

    /// Every installment of every version, for the days on which a status may change.
    public var everyInstallment: [Installment] { original + revisions.flatMap(\.installments) }
}
