/// A payment that reached the business's own account, read from a bank file.
public struct IncomingPayment: Hashable, Sendable {
    /// Where it was read, e.g. `line 12` of a 1C file or `row 5` of a CSV.
    public let source: String
    public let documentNumber: String
    public let date: CivilDate
    public let amount: Money
    public let payerName: String
    public let payerINN: String?
    public let payerAccount: String
    public let payerBIC: String
    public let purpose: String

    public init(source: String, documentNumber: String, date: CivilDate, amount: Money, payerName: String,
                payerINN: String?, payerAccount: String, payerBIC: String, purpose: String) {
        self.source = source
        self.documentNumber = documentNumber
        self.date = date
        self.amount = amount
        self.payerName = payerName
        self.payerINN = payerINN
        self.payerAccount = payerAccount
        self.payerBIC = payerBIC
        self.purpose = purpose
    }

    /// The natural key that makes a bank payment unique in the ledger: bank, document
    /// number, date, amount and payer account. Overlapping statements give the same key.
    public var naturalKey: String {
        ["bank", payerBIC, documentNumber, date.description, amount.decimalString, payerAccount]
            .joined(separator: "|")
    }
}

/// What a statement holds for the business: incoming payments, and what was left aside.
public struct StatementReading: Sendable {
    public var incoming: [IncomingPayment] = []
    /// Documents from our own accounts (money we paid): not collections.
    public var outgoingCount = 0
    /// Documents that touch none of the statement's accounts, with why.
    public var skipped: [String] = []
    /// Incoming documents that cannot be recorded, with the field that is wrong.
    public var errors: [String] = []

    public init() {}

    /// Sorts a statement's documents into incoming payments, outgoing ones and problems.
    public init(_ statement: BankStatement) {
        for document in statement.documents {
            let where_ = "line \(document.line)"
            if let payee = document.payeeAccount, statement.ownAccounts.contains(payee) {
                switch IncomingPayment.read(document) {
                case .success(let payment): incoming.append(payment)
                case .failure(let problem): errors.append("\(where_): \(problem)")
                }
            } else if let payer = document.payerAccount, statement.ownAccounts.contains(payer) {
                outgoingCount += 1
            } else {
                skipped.append("\(where_): \(document.kind.isEmpty ? "a document" : document.kind) to none of the statement's accounts")
            }
        }
        skipped.append(contentsOf: statement.notes)
    }
}

extension IncomingPayment {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// No field of the format is longer (the purpose, the longest, has 210 characters): a longer
    /// one is a damaged file, not a payment.
    static let longestField = 1_000

    static func read(_ document: BankDocument) -> Result<IncomingPayment, Problem> {
        let fields = document.fields.sorted { $0.key < $1.key }
        if let (key, _) = fields.first(where: { $0.value.count > longestField }) {
            return .failure(Problem(description: "\(key) is longer than \(longestField) characters"))
        }
        guard let number = document.number else { return .failure(Problem(description: "Номер is missing")) }
        guard let dateText = document["ДатаПоступило"] ?? document["Дата"] else {
            return .failure(Problem(description: "document \(number): Дата is missing"))
        }
        guard let date = try? CivilDate.parse(dateText) else {
            let shown = ImportRowError.shown(dateText)
            return .failure(Problem(description: "document \(number): date '\(shown)' is not a date"))
        }
        guard let amountText = document["Сумма"] else {
            return .failure(Problem(description: "document \(number): Сумма is missing"))
        }
        guard let amount = try? MoneyParser.parse(amountText), amount.isPositive else {
            let shown = ImportRowError.shown(amountText)
            return .failure(Problem(description: "document \(number): Сумма '\(shown)' is not a positive amount"))
        }
        return .success(IncomingPayment(
            source: "line \(document.line)", documentNumber: number, date: date, amount: amount,
            payerName: document.payerName ?? "", payerINN: document.payerINN,
            payerAccount: document.payerAccount ?? "", payerBIC: document.payerBIC ?? "",
            purpose: document.purpose))
    }
}
