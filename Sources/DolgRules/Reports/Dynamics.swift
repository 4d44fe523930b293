/// The portfolio on one day of a dynamics report.
public struct DynamicsPoint: Hashable, Sendable {
    /// Every figure is computed from the ledger. The source says how it stands against what the
    /// night's close recorded for the same day.
    public enum Source: String, Sendable {
        /// No close was recorded for the day.
        case ledger
        /// The close recorded the same figures.
        case closed
        /// Entries recorded after the close (a payment entered late, say) changed the day's figures.
        case revised
    }

    public let date: CivilDate
    public let source: Source
    public let active: Int
    public let overdue: Int
    public let overdueAmount: Money
    /// Overdue contracts per bucket, in the scheme's order.
    public let bucketCounts: [Int]

    public init(date: CivilDate, source: Source, active: Int, overdue: Int, overdueAmount: Money, bucketCounts: [Int]) {
        self.date = date
        self.source = source
        self.active = active
        self.overdue = overdue
        self.overdueAmount = overdueAmount
        self.bucketCounts = bucketCounts
    }

    public init(date: CivilDate, summary: PortfolioSummary, aging: AgingReport) {
        self.init(date: date, source: .ledger, active: summary.activeContracts, overdue: summary.overdueContracts,
                  overdueAmount: summary.overdueAmount, bucketCounts: aging.bucketRows.map(\.contracts))
    }

    public var overdueRate: Percentage { Percentage(overdue, of: active) }

    /// This point, computed from the ledger, marked against the close recorded for its day.
    public func marked(against close: DynamicsPoint?) -> DynamicsPoint {
        guard let close else { return self }
        let same = close.active == active && close.overdue == overdue && close.overdueAmount == overdueAmount
            && close.bucketCounts == bucketCounts
        return DynamicsPoint(date: date, source: same ? .closed : .revised, active: active, overdue: overdue,
                             overdueAmount: overdueAmount, bucketCounts: bucketCounts)
    }
}

/// The days a dynamics report shows: the end of each day, week (Sunday) or month between two dates,
/// and the last date itself.
public enum DynamicsCalendar {
    public enum Step: String, Sendable, CaseIterable {
        case day, week, month
    }

    public static func dates(from: CivilDate, to: CivilDate, by step: Step) -> [CivilDate] {
        var dates: [CivilDate] = []
        var date = from
        while date <= to {
            let end: CivilDate
            switch step {
            case .day: end = date
            case .week: end = date.startOfWeek.adding(days: 6)
            case .month: end = CivilDate(year: date.year, month: date.month, day: 1)!.adding(months: 1).adding(days: -1)
            }
            dates.append(min(end, to))
            date = end.adding(days: 1)
        }
        return dates
    }
}
