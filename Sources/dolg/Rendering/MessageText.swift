import DolgRules
import Mustache

/// Texts from Mustache templates: plain text for messages and Markdown (no escaping), HTML
/// with every value escaped so that a client's name cannot inject markup.
enum MessageText {
    static func render(_ template: String, _ variables: [String: Any], step: String,
                       html: Bool = false) throws(DolgError) -> String {
        do {
            return try MustacheTemplate(string: (html ? "" : "{{% CONTENT_TYPE: TEXT}}") + template).render(variables)
        } catch {
            throw DolgError(.invalidValue, "the template of step \(step) is not valid Mustache: \(error)",
                            remedy: "fix the template in the playbook")
        }
    }
}
