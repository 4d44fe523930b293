import DolgRules

/// A manager as stored.
public struct StoredManager: Hashable, Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case manager, head
    }

    public let id: Int64
    public let name: String
    public let role: Role
    public let login: String?
    /// False for a manager who left: their history stays, they get no clients and cannot sign in.
    public var active = true
}

/// A client as stored, with the name of the responsible manager.
public struct StoredClient: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let phone: String
    public let email: String?
    /// The taxpayer number, which bank payments carry: how a payer is recognised.
    public let inn: String?
    public let managerName: String?
    public let note: String?
    /// Personal data: shown masked unless asked for.
    public var passport: String? = nil
    public var address: String? = nil
    /// `person` or `business`: the contact policy protects persons.
    public var kind: String = "person"
    /// The client's clock minus the business's, in minutes.
    public var timeOffsetMinutes: Int = 0
}

/// What a new client is, beyond name and phone.
public struct ClientDetails: Sendable {
    public var email: String?
    public var inn: String?
    public var passport: String?
    public var address: String?
    public var business = false
    public var timeOffsetMinutes = 0
    public var note: String?

    public init() {}
}

/// A contract's terms as stored, with its client and manager.
public struct StoredContract: Hashable, Sendable {
    public let id: Int64
    public let number: String
    public let client: StoredClient
    /// The contract's own manager, else the client's.
    public let managerName: String?
    public let terms: ScheduleTerms
    /// The contractual penalty per day on overdue money; zero when the contract has none.
    public let dailyPenaltyRate: InterestRate
    public let hasCustomSchedule: Bool
    public let termination: Termination?
    /// `retail`, `b2b`, `vip`…: chooses the playbook.
    public var segment: String? = nil

    public struct Termination: Hashable, Sendable {
        public let date: CivilDate
        public let reason: String
    }
}

/// A payment or reversal as stored.
public struct StoredPayment: Hashable, Sendable {
    public let id: Int64
    public let contractNumber: String
    public let entry: LedgerEntry
    public let method: String?
    public let reference: String?
    /// For a reversal, the payment it cancels.
    public let reversesID: Int64?
    /// For a payment, the reversal that cancelled it.
    public let reversedByID: Int64?
    public let reason: String?
}

/// Who wrote to the ledger, when, and with what command; kept in the audit log.
public struct AuditContext: Sendable {
    /// Wall-clock time of the write, ISO 8601 in UTC.
    public let timestamp: String
    public let osUser: String
    /// The login the command claimed (`--as`, `DOLG_USER`), when it claimed one: recorded beside
    /// the OS user, since nothing yet proves the claim.
    public let claimedLogin: String?
    /// The command line with personal data masked.
    public let command: String
    /// The business date the command ran as of.
    public let today: CivilDate

    public init(timestamp: String, osUser: String, claimedLogin: String? = nil, command: String, today: CivilDate) {
        self.timestamp = timestamp
        self.osUser = osUser
        self.claimedLogin = claimedLogin
        self.command = command
        self.today = today
    }
}

extension Money {
    /// The amount as the ledger stores it (a 64-bit integer of minor units). Every accepted
    /// entry fits; a sum that does not (a portfolio figure past 9.2 × 10^16 rubles) is refused here
    /// rather than stored wrong.
    var storedMinorUnits: Int64 {
        get throws {
            guard let stored else {
                throw DolgError(.invalidAmount, "\(self) is past the largest amount the ledger can store",
                                remedy: "amounts are limited to \(Money.maximum) each; see docs/formats.md")
                    .inRussian("\(self) больше наибольшей суммы, которую может хранить реестр",
                               remedy: "каждая сумма — не больше \(Money.maximum); см. docs/formats.md")
            }
            return stored
        }
    }
}
