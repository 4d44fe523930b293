import DolgRules
import Mustache

/// Message texts from Mustache templates, as plain text (no HTML escaping: these are SMS).
enum MessageText {
    static func render(_ template: String, _ variables: [String: String], step: String) throws(DolgError) -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template).render(variables)
        } catch {
            throw DolgError(.invalidValue, "the template of step \(step) is not valid Mustache: \(error)",
                            remedy: "fix the template in the playbook")
        }
    }
}
