import DolgPlaybookReader
import DolgRules
import Testing

@Suite("Playbook keys")
struct PlaybookKeysTests {
    static let steps = """
        [[steps]]
        name = "sms-due"
        offset = 0
        channel = "sms"
        actor = "auto"
        template = "Сегодня день платежа {{amount}}"

        [[steps]]
        name = "lawyer"
        offset = 30
        channel = "legal"
        actor = "lawyer"

        [escalation]
        to_step = "lawyer"

        """

    @Test("a thank-you under [contact_policy] is refused with its line, not silently ignored")
    func misplaced() {
        let text = "[contact_policy]\ncalls = [1, 2, 8]\nthank_you = \"Спасибо!\"\n\n" + Self.steps
        #expect(throws: DolgError.self) { try PlaybookReader.decode(text) }
        do {
            _ = try PlaybookReader.decode(text)
        } catch {
            #expect(error.problem.contains("line 3: unknown key contact_policy.thank_you"), "\(error.problem)")
        }
        // A version already stored is still read (the key ignored), so no ledger becomes unreadable.
        #expect((try? PlaybookReader.decode(text, strict: false)) != nil)
    }

    @Test("a misspelt key names the one meant")
    func misspelt() {
        do {
            _ = try PlaybookReader.decode("[reminders]\nalarm_after_hour = 12\n\n" + Self.steps)
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect(error.problem.contains("unknown key reminders.alarm_after_hour (did you mean reminders.alarm_after_hours?)"),
                    "\(error.problem)")
        }
    }

    @Test("[reminders], [calendar] and business hours are read")
    func sections() throws {
        let text = """
            [contact_policy]
            business_hours = [10, 17]

            [calendar]
            timezone = "Asia/Yekaterinburg"
            non_working_days = ["2027-01-11"]
            working_days = ["2026-03-09"]

            [reminders]
            thank_you = "Спасибо!"
            stop_at_step = "lawyer"
            alarm_after_hours = 12

            """ + Self.steps
        let set = try PlaybookReader.decode(text)
        #expect(set.standard.thankYouTemplate == "Спасибо!")
        #expect(set.alarmAfterHours == 12)
        #expect(set.timeZone == "Asia/Yekaterinburg")
        #expect(set.contactPolicy.businessHours == (10 * 60)...(17 * 60))
        #expect(!set.contactPolicy.calendar.isWorkingDay(try CivilDate.parse("2027-01-11")))
        #expect(set.contactPolicy.calendar.isWorkingDay(try CivilDate.parse("2026-03-09")))
        #expect(throws: DolgError.self) { try PlaybookReader.decode("[calendar]\ntimezone = \"Mars/Olympus\"\n\n" + Self.steps) }
    }
}
