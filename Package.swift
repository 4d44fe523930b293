// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "dolg",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dolg", targets: ["dolg"]),
        .executable(name: "dolg-bench", targets: ["dolg-bench"]),
        // The playbook file's reader on its own, for the fuzzing package in Fuzz/Playbook.
        .library(name: "DolgPlaybookReader", targets: ["DolgPlaybookReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure rules: money, dates, schedules, allocation, overdue. No I/O. Big integers for the
        // annuity formula, whose exact value has thousands of digits.
        .target(name: "DolgRules", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // SQLite storage over GRDB: schema, migrator, reads and writes.
        .target(
            name: "DolgStorage",
            dependencies: [
                "DolgRules",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // The playbook's TOML file, read and checked line by line.
        .target(
            name: "DolgPlaybookReader",
            dependencies: ["DolgRules", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The command-line tool: parse, call, render.
        .executableTarget(
            name: "dolg",
            dependencies: [
                "DolgRules",
                "DolgStorage",
                "DolgPlaybookReader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Mustache", package: "swift-mustache"),
                // The zip container of .xlsx workbooks; the sheet XML is ours.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // The benchmark's portfolio generator: CSV for the import path, or a ledger written directly.
        .executableTarget(
            name: "dolg-bench",
            dependencies: [
                "DolgRules",
                "DolgStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "DolgRulesTests", dependencies: ["DolgRules"]),
        .testTarget(
            name: "DolgStorageTests",
            dependencies: ["DolgStorage", "DolgRules", "DolgPlaybookReader",
                           .product(name: "GRDB", package: "GRDB.swift")]),
        // End to end: runs the built `dolg` binary against golden files.
        .testTarget(name: "dolgTests", exclude: ["Golden"]),
    ]
)
