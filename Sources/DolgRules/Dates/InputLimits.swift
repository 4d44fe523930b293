/// The ranges every count a person or a file gives is held to, checked where it enters, so that
/// no later arithmetic on dates or amounts can overflow and no command runs for hours on a typo.
/// docs/reliability.md lists them.
public enum InputLimits {
    /// `report html --months`: the trend's length.
    public static let trendMonths = 1...600
    /// `letter --deadline-days`: the days a claim gives to pay.
    public static let deadlineDays = 1...365
    /// `report limitation --within`: the horizon, in days (a hundred years).
    public static let horizonDays = 0...36_500
    /// `report forecast --periods`.
    public static let forecastPeriods = 1...600
    /// `overdue --min-days`.
    public static let overdueDays = 0...36_500
    /// The most dates in one `report dynamics` (each is a position of every contract).
    public static let dynamicsDates = 1_000
    /// A playbook step's offset from its anchor, in days (ten years either way).
    public static let playbookOffsetDays = -3_650...3_650
    /// One field of an imported file, in bytes (a note or a purpose of payment fits easily).
    public static let fieldBytes = 32 * 1024
    /// One line of an imported file, in bytes.
    public static let lineBytes = 1_000_000
}
