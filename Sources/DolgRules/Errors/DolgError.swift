/// Every failure `dolg` reports, as a value with a stable name.
///
/// Printed as `dolg: error[<name>]: <what was wrong> — <what to do>`; the name is stable for
/// scripts to branch on and listed in docs/errors.md with its exit code.
public struct DolgError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: Code
    /// What was wrong, naming the field and the value.
    public let problem: String
    /// What to do about it.
    public let remedy: String

    /// The same in Russian, for the errors operators meet every day; others stay English.
    public var russian: (problem: String, remedy: String)?

    public init(_ code: Code, _ problem: String, remedy: String) {
        self.code = code
        self.problem = problem
        self.remedy = remedy
    }

    /// The error with its Russian wording.
    public func inRussian(_ problem: String, remedy: String) -> DolgError {
        var error = self
        error.russian = (problem, remedy)
        return error
    }

    public static func == (a: DolgError, b: DolgError) -> Bool {
        a.code == b.code && a.problem == b.problem && a.remedy == b.remedy
    }

    /// The one-line form printed on stderr.
    public var description: String { "dolg: error[\(code.rawValue)]: \(problem) — \(remedy)" }

    /// The one-line form in the reader's language (English where there is no Russian wording).
    public func line(_ language: Language) -> String {
        guard language == .russian, let russian else { return description }
        return "dolg: ошибка[\(code.rawValue)]: \(russian.problem) — \(russian.remedy)"
    }

    public var exitCode: Int32 { code.exitStatus.rawValue }

    /// Stable error names, in the order the docs list them.
    public enum Code: String, Sendable, CaseIterable {
        case invalidAmount = "invalid_amount"
        case amountNotPositive = "amount_not_positive"
        case invalidDate = "invalid_date"
        case invalidRate = "invalid_rate"
        case invalidValue = "invalid_value"
        case invalidPhone = "invalid_phone"
        case invalidSchedule = "invalid_schedule"
        case invalidImport = "invalid_import"
        case invalidPlaybook = "invalid_playbook"
        case invalidBankFile = "invalid_bank_file"
        case firstDueBeforeStart = "first_due_before_start"
        case tooManyInstallments = "too_many_installments"
        case downPaymentTooLarge = "down_payment_too_large"
        case unknownManager = "unknown_manager"
        case unknownClient = "unknown_client"
        case unknownContract = "unknown_contract"
        case unknownPayment = "unknown_payment"
        case duplicateManager = "duplicate_manager"
        case duplicateLogin = "duplicate_login"
        case duplicateContractNumber = "duplicate_contract_number"
        case paymentReferenceConflict = "payment_reference_conflict"
        case paymentBeforeStart = "payment_before_start"
        case reversalOfReversal = "reversal_of_reversal"
        case alreadyReversed = "already_reversed"
        case alreadyMatched = "already_matched"
        case reversalBeforePayment = "reversal_before_payment"
        case alreadyTerminated = "already_terminated"
        case unknownRequest = "unknown_request"
        case alreadyApproved = "already_approved"
        case notPermitted = "not_permitted"
        case unknownLogin = "unknown_login"
        case contactNotAllowed = "contact_not_allowed"
        case promiseOutOfBounds = "promise_out_of_bounds"
        case unknownSegment = "unknown_segment"
        case paymentInFuture = "payment_in_future"
        case notEnoughCredit = "not_enough_credit"
        case splitMismatch = "split_mismatch"
        case ledgerMissing = "ledger_missing"
        case inputFileMissing = "input_file_missing"
        case ledgerExists = "ledger_exists"
        case ledgerDamaged = "ledger_damaged"
        case ledgerTooNew = "ledger_too_new"
        case ledgerBusy = "ledger_busy"
        case ledgerFailure = "ledger_failure"
        case outputFailure = "output_failure"
        case outputNotAFile = "output_not_a_file"

        public var exitStatus: ExitStatus {
            switch self {
            case .ledgerMissing, .inputFileMissing: return .noInput
            case .ledgerExists, .outputNotAFile: return .cannotCreate
            case .ledgerBusy: return .temporaryFailure
            case .ledgerTooNew: return .configuration
            case .unknownLogin: return .noUser
            case .notPermitted: return .noPermission
            case .ledgerFailure, .outputFailure: return .ioError
            default: return .dataError
            }
        }
    }
}

/// Exit statuses from BSD sysexits(3), the vocabulary cron and scripts understand.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// EX_NOUSER: the user named is not one the ledger knows.
    case noUser = 67
    case software = 70
    case cannotCreate = 73
    /// EX_NOPERM: the one working may not do this (a manager approving a restructuring).
    case noPermission = 77
    case ioError = 74
    case unavailable = 69
    case temporaryFailure = 75
    /// Something needs a person: messages stuck in the outbox, a delivery whose outcome is unknown.
    case configuration = 78
}
