/// Ordered day thresholds that sort overdue contracts into buckets.
///
/// With the default thresholds 1, 4, 7, 30 the buckets are `1-3`, `4-6`,
/// `7-29` and `30+`: each threshold opens a bucket that runs to the day
/// before the next one. Day 0 (not overdue) is in no bucket.
public struct BucketScheme: Hashable, Sendable {
    /// Strictly increasing, the first at least 1.
    public let thresholds: [Int]

    public init?(thresholds: [Int]) {
        guard let first = thresholds.first, first >= 1,
              zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.thresholds = thresholds
    }

    public static let standard = BucketScheme(thresholds: [1, 4, 7, 30])!

    /// Parses thresholds written `1,4,7,30`.
    public static func parse(_ text: String) throws(DolgError) -> BucketScheme {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, let scheme = BucketScheme(thresholds: numbers) else {
            throw DolgError(.invalidValue, "--buckets '\(text)' is not a list of increasing day counts from 1",
                            remedy: "write the first day of each bucket, e.g. --buckets 1,4,7,30 or 1,31,61,91")
                .inRussian("--buckets '\(text)': это не список возрастающих чисел дней, начиная с 1",
                           remedy: "укажите первый день каждого интервала, например --buckets 1,4,7,30 или 1,31,61,91")
        }
        return scheme
    }

    /// All buckets, shallowest first.
    public var buckets: [Bucket] {
        thresholds.indices.map { index in
            Bucket(index: index, firstDay: thresholds[index],
                   lastDay: index + 1 < thresholds.count ? thresholds[index + 1] - 1 : nil)
        }
    }

    /// The bucket of a contract `daysOverdue` days late, or nil when it is not overdue.
    public func bucket(daysOverdue: Int) -> Bucket? {
        guard let index = thresholds.lastIndex(where: { $0 <= daysOverdue }) else { return nil }
        return buckets[index]
    }

    /// The bucket with this label, e.g. `7-29`.
    public func bucket(label: String) -> Bucket? {
        buckets.first { $0.label == label }
    }
}

/// A range of days overdue, e.g. `7-29` or `30+`.
public struct Bucket: Hashable, Sendable, Comparable {
    /// Position in the scheme, 0 for the shallowest.
    public let index: Int
    public let firstDay: Int
    /// Nil for the last, open-ended bucket.
    public let lastDay: Int?

    public var label: String {
        guard let lastDay else { return "\(firstDay)+" }
        return firstDay == lastDay ? "\(firstDay)" : "\(firstDay)-\(lastDay)"
    }

    public static func < (a: Bucket, b: Bucket) -> Bool { a.index < b.index }
}
