/// The Russian production calendar: the days that differ from the plain rule "Monday to Friday
/// work, Saturday and Sunday rest". It is data, kept as text so that a person can check it line
/// by line against its source and add a year without touching code.
///
/// Format: one entry a line, `YYYY-MM-DD off` (a weekday that is a non-working day: a public
/// holiday, or a day off moved onto it) or `YYYY-MM-DD work` (a Saturday or Sunday made a working
/// day); `#` starts a comment.
///
/// Sources: Labour Code of the Russian Federation, art. 112 (the public holidays and the rule
/// that a holiday on a weekend moves the day off to the next working day), and the government's
/// yearly decrees on moving days off:
/// - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»
///   (4 Jan → 2 May, 5 Jan → 31 Dec, 23 Feb → 8 May, 8 Mar → 13 Jun, Saturday 1 Nov → 3 Nov).
/// - 2026: Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году»
///   (3 Jan → 9 Jan, 4 Jan → 31 Dec; 23 Feb, 9 Mar, 11 May by art. 112).
/// - 2027: art. 112 and the published draft (4–7 November off, Saturday 13 November worked).
///   Where the 2 and 3 January 2027 days off go is set by the decree, not known to this file:
///   add them in the playbook (`[calendar] non_working_days`) once it is published.
enum RussianCalendarData {
    static let text = """
        # 2025
        2025-01-01 off
        2025-01-02 off
        2025-01-03 off
        2025-01-06 off
        2025-01-07 off
        2025-01-08 off
        2025-05-01 off
        2025-05-02 off
        2025-05-08 off
        2025-05-09 off
        2025-06-12 off
        2025-06-13 off
        2025-11-01 work
        2025-11-03 off
        2025-11-04 off
        2025-12-31 off
        # 2026
        2026-01-01 off
        2026-01-02 off
        2026-01-05 off
        2026-01-06 off
        2026-01-07 off
        2026-01-08 off
        2026-01-09 off
        2026-02-23 off
        2026-03-09 off
        2026-05-01 off
        2026-05-11 off
        2026-06-12 off
        2026-11-04 off
        2026-12-31 off
        # 2027
        2027-01-01 off
        2027-01-04 off
        2027-01-05 off
        2027-01-06 off
        2027-01-07 off
        2027-01-08 off
        2027-02-23 off
        2027-03-08 off
        2027-05-03 off
        2027-05-10 off
        2027-06-14 off
        2027-11-04 off
        2027-11-05 off
        2027-11-13 work
        """
}
