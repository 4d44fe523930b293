import Foundation
import Testing

/// Byte-level properties of the output that golden files normalise away, and of the ledger file.
@Suite("Output bytes")
struct OutputBytesTests {
    @Test("CSV lines end in CRLF and formula-like cells are neutralised")
    func csvBytes() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["client", "add", "=HYPERLINK(\"http://x\")", "--phone", "89170000000"]).status == 0)
        #expect(try sandbox.run(["client", "add", "@SUM(A1)", "--phone", "89170000001"]).status == 0)
        let csv = try sandbox.run(["client", "list", "--format", "csv", "--reveal"]).stdout
        #expect(csv == "id,name,phone,email,manager\r\n"
                + "1,\"'=HYPERLINK(\"\"http://x\"\")\",+79170000000,,\r\n"
                + "2,'@SUM(A1),+79170000001,,\r\n")
    }

    @Test("the ledger file is created readable and writable by its owner only")
    func ledgerPermissions() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.ledgerPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("the audit log keeps the command with the phone masked")
    func auditMasking() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["client", "add", "Иван", "--phone", "+7 917 123-45-67"]).status == 0)
        let output = try sandbox.sqlite("SELECT command FROM audit_log ORDER BY id")
        #expect(output == "dolg init\ndolg client add Иван --phone +7******4567\n")
    }
}
