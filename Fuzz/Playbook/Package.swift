// swift-tools-version:6.1
// The playbook reader's fuzz target, in a package of its own: it needs TOMLKit, so it is built by
// SwiftPM (with -sanitize=fuzzer) rather than by swiftc alone like the other targets in Fuzz/.
import PackageDescription

let package = Package(
    name: "dolg-fuzz-playbook",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "dolg", path: "../..")],
    targets: [
        .executableTarget(
            name: "fuzz-playbook",
            dependencies: [.product(name: "DolgPlaybookReader", package: "dolg")]),
    ]
)
