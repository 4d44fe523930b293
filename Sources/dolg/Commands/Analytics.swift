import DolgRules
import DolgStorage

/// The figures behind the reports, computed once for the report commands and the dashboard alike.
enum Analytics {
    /// The portfolio and its aging as of a date; `each` sees every contract's row of the same scan.
    static func portfolio(_ ledger: LedgerDatabase, _ settings: LedgerSettings, asOf: CivilDate,
                          scope: ContractScope = .all,
                          each: (ContractPositionRow) -> Void = { _ in }) throws -> (PortfolioSummary, AgingReport) {
        var summary = PortfolioSummary()
        var aging = AgingReport(scheme: settings.buckets)
        try ledger.scanPositions(asOf: asOf, scope: scope, buckets: settings.buckets) { row in
            summary.add(row.position)
            aging.add(row.position)
            each(row)
        }
        return (summary, aging)
    }

    /// The portfolio at the end of each date, always computed from the ledger in one scan, so that
    /// a date has one figure in every report; each point is marked against the night's close of
    /// its day, if one was recorded.
    static func dynamics(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ dates: [CivilDate],
                         scope: ContractScope = .all) throws -> [DynamicsPoint] {
        var summaries = dates.map { _ in PortfolioSummary() }
        var agings = dates.map { _ in AgingReport(scheme: settings.buckets) }
        if let last = dates.max() {
            let progress = Progress("contracts", "договоры") { try? ledger.contractCount() }
            defer { progress.finish() }
            try ledger.scanHistories(asOf: last, scope: scope) { history in
                progress.tick()
                for (index, date) in dates.enumerated() where history.startDate <= date {
                    let position = history.position(asOf: date, buckets: settings.buckets)
                    summaries[index].add(position)
                    agings[index].add(position)
                }
            }
        }
        // Closes hold the whole portfolio: a scoped report has nothing to compare with.
        let closes = scope.managerName == nil && scope.segment == nil ? try ledger.dayCloses(on: dates) : [:]
        return dates.indices.map { index in
            DynamicsPoint(date: dates[index], summary: summaries[index], aging: agings[index])
                .marked(against: closes[dates[index]])
        }
    }

    /// Collection metrics per manager name ("" for contracts without one), and their clients.
    static func managers(_ ledger: LedgerDatabase, _ settings: LedgerSettings, from: CivilDate, to: CivilDate,
                         scope: ContractScope = .all) throws -> ([String: CollectionMetrics], [String: Set<Int64>]) {
        var byManager: [String: CollectionMetrics] = [:]
        var clients: [String: Set<Int64>] = [:]
        let progress = Progress("contracts", "договоры") { try? ledger.contractCount() }
        defer { progress.finish() }
        try ledger.scanHistories(asOf: to, scope: scope) { history in
            progress.tick()
            let name = history.managerName ?? ""
            byManager[name, default: CollectionMetrics(from: from, to: to)].add(
                schedule: history.schedule, entries: history.entries, touches: history.touches,
                terminatedOn: history.terminatedOn, start: history.startDate, buckets: settings.buckets)
            clients[name, default: []].insert(history.clientID)
        }
        return (byManager, clients)
    }

    static func forecast(_ ledger: LedgerDatabase, _ settings: LedgerSettings, today: CivilDate, periods: Int,
                         by granularity: Forecast.Granularity, scope: ContractScope = .all) throws -> Forecast {
        var forecast = Forecast(today: today, periods: max(1, periods), granularity: granularity)
        let progress = Progress("contracts", "договоры") { try? ledger.contractCount() }
        defer { progress.finish() }
        try ledger.scanHistories(asOf: today, scope: scope) { history in
            progress.tick()
            let position = history.position(asOf: today, buckets: settings.buckets)
            var discipline = PaymentDiscipline()
            discipline.add(installments: history.schedule.current, entries: history.entries, asOf: today, closed: false)
            let risk = Forecast.risk(position: position, promises: history.touches.compactMap(\.promise),
                                     lateInstallments: discipline.lateInstallments, today: today)
            forecast.add(position: position, contract: history.number, client: history.clientName, risk: risk)
        }
        return forecast
    }
}
