import DolgRules
import Mustache

/// Texts from Mustache templates: plain text for messages and Markdown (no escaping), HTML
/// with every value escaped so that a client's name cannot inject markup.
enum MessageText {
    /// The deepest nesting of sections a template may have: a message needs two or three, and
    /// the template library parses sections recursively (thousands would overflow its stack).
    static let maximumNesting = 16

    static func render(_ template: String, _ variables: [String: Any], step: String,
                       html: Bool = false) throws(DolgError) -> String {
        try parse(template, step: step, html: html).render(variables)
    }

    /// Parses a template, or says in one line which template is wrong, on which line and how.
    static func parse(_ template: String, step: String, html: Bool = false) throws(DolgError) -> MustacheTemplate {
        if let line = lineTooDeep(template) {
            throw invalid(step, "line \(line): sections nested deeper than \(maximumNesting)")
        }
        do {
            return try MustacheTemplate(string: (html ? "" : "{{% CONTENT_TYPE: TEXT}}") + template)
        } catch let error as MustacheTemplate.ParserError {
            throw invalid(step, "line \(error.context.lineNumber): \(describe(error.error))")
        } catch {
            throw invalid(step, "it cannot be read")
        }
    }

    /// Parses and renders every template of a playbook against a sample contract; the first one
    /// that fails is named.
    static func check(_ set: PlaybookSet, currency: Currency) throws(DolgError) {
        let sample = ReminderPlanner.sampleVariables(currency: currency)
        let playbooks = [set.standard] + set.segments.keys.sorted().map { set.segments[$0]! }
        for playbook in playbooks {
            let prefix = playbook.name == "default" ? "" : "segment \(playbook.name), "
            for step in playbook.ladder.steps {
                if let template = step.template { _ = try render(template, sample, step: prefix + step.name) }
            }
            if let thanks = playbook.thankYouTemplate { _ = try render(thanks, sample, step: prefix + "thank_you") }
        }
    }

    /// The first line on which sections open deeper than `maximumNesting`, found by counting the
    /// tags that open (`{{#`, `{{^`, `{{$`, `{{<`) and close (`{{/`) them, before the library parses.
    static func lineTooDeep(_ template: String) -> Int? {
        var depth = 0
        var line = 1
        var previous: [Character] = []
        for character in template {
            if character == "\n" { line += 1 }
            if previous.count == 2, previous == ["{", "{"] {
                if "#^$<".contains(character) {
                    depth += 1
                    if depth > maximumNesting { return line }
                } else if character == "/" {
                    depth = max(0, depth - 1)
                }
            }
            previous.append(character)
            if previous.count > 2 { previous.removeFirst() }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "not valid Mustache" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a {{tag}} is not closed"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a delimiter change is malformed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a {{% setting}} is not one dolg knows"
        default: return "partials and inheritance are not used in messages"
        }
    }

    private static func invalid(_ step: String, _ problem: String) -> DolgError {
        DolgError(.invalidPlaybook, "the template of \(step) is not valid Mustache: \(problem)",
                  remedy: "fix the template in the playbook and import it again")
            .inRussian("шаблон \(step) — ошибка Mustache: \(problem)",
                       remedy: "исправьте шаблон в сценарии и импортируйте его заново")
    }
}
