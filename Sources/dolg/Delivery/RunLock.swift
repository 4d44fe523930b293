import DolgRules
import DolgStorage
import Foundation

/// An exclusive lock on a file beside the ledger, so that two nightly runs cannot overlap.
/// The operating system releases it if the process dies.
final class RunLock {
    private let descriptor: Int32

    init(path: String, what: String) throws(DolgError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DolgError(.ledgerFailure, "cannot create the lock file \(path)", remedy: "check the ledger's directory")
                .inRussian("не удалось создать файл блокировки \(path)", remedy: "проверьте каталог реестра")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DolgError(.ledgerBusy, "another \(what) is running on this ledger",
                            remedy: "let it finish; run again afterwards if needed")
                .inRussian("другой \(what) уже работает с этим реестром", remedy: "дождитесь его окончания")
        }
    }

    /// The lock of delivery: two runs handing messages over at once could both take the same one.
    static func sending(_ ledger: LedgerDatabase) throws(DolgError) -> RunLock {
        try RunLock(path: ledger.path + ".send.lock", what: "run sending reminders")
    }

    /// The sending lock if it is free now, else nil.
    static func trySending(_ ledger: LedgerDatabase) throws(DolgError) -> RunLock? {
        do {
            return try sending(ledger)
        } catch where error.code == .ledgerBusy {
            return nil
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
