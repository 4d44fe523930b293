/// The playbooks of a ledger: the default one, and those of segments that have their own
/// (a forgetful small buyer and a large customer with a clean history get different chains).
public struct PlaybookSet: Hashable, Sendable {
    public var standard: Playbook
    public var segments: [String: Playbook]
    /// Bucket thresholds set by the playbook file, if it sets them.
    public var buckets: BucketScheme?
    /// Limits on contacting individuals about their debts, hours for businesses, the calendar.
    public var contactPolicy: ContactPolicy
    /// The ledger's time zone when the playbook sets one (an IANA name such as `Europe/Moscow`).
    public var timeZone: String?
    /// A message that waited longer than this is an alarm of the nightly run.
    public var alarmAfterHours: Int

    public init(standard: Playbook, segments: [String: Playbook] = [:], buckets: BucketScheme? = nil,
                contactPolicy: ContactPolicy = .russianIndividuals, timeZone: String? = nil,
                alarmAfterHours: Int = 24) {
        self.standard = standard
        self.segments = segments
        self.buckets = buckets
        self.contactPolicy = contactPolicy
        self.timeZone = timeZone
        self.alarmAfterHours = alarmAfterHours
    }

    public static let defaults = PlaybookSet(standard: .standard)

    /// The segments a contract may be given: those the playbook names. nil when it names none,
    /// and segments are free labels.
    public var knownSegments: Set<String>? { segments.isEmpty ? nil : Set(segments.keys) }

    /// The playbook for a contract of `segment`: the segment's own, else the default.
    public func playbook(forSegment segment: String?) -> Playbook {
        segment.flatMap { segments[$0] } ?? standard
    }

    /// Problems that make a playbook unusable, each naming the step.
    public func problems() -> [String] {
        var problems: [String] = []
        for playbook in [standard] + segments.keys.sorted().map({ segments[$0]! }) {
            let prefix = playbook.name == "default" ? "" : "segment \(playbook.name): "
            var names = Set<String>()
            for step in playbook.ladder.steps {
                if !names.insert(step.name).inserted { problems.append("\(prefix)step '\(step.name)' appears twice") }
                if step.actor == .auto && step.template == nil {
                    problems.append("\(prefix)step '\(step.name)' is automatic but has no template")
                }
                if step.actor == .auto && ![.sms, .whatsapp, .email].contains(step.channel) {
                    problems.append("\(prefix)step '\(step.name)' is automatic but its channel \(step.channel.rawValue) needs a person")
                }
            }
            if let stop = playbook.stopAutomationAtStep, !playbook.ladder.steps.contains(where: { $0.name == stop }) {
                problems.append("\(prefix)reminders stop at step '\(stop)', which the ladder does not have")
            }
            if !playbook.ladder.steps.contains(where: { $0.name == playbook.escalation.toStep }) {
                problems.append("\(prefix)escalation goes to step '\(playbook.escalation.toStep)', which the ladder does not have")
            }
        }
        return problems
    }
}
