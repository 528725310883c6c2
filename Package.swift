// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Charte",
    products: [
        .library(name: "Charte", targets: ["Charte"]),
        .executable(name: "charte", targets: ["charte"]),
        .executable(name: "charte-bench", targets: ["charte-bench"]),
    ],
    targets: [
        .target(name: "Charte"),
        .target(name: "CharteCLI", dependencies: ["Charte"]),
        .executableTarget(name: "charte", dependencies: ["CharteCLI"]),
        // Benchmarks (`swift run -c release charte-bench`); not used by the tests.
        .executableTarget(name: "charte-bench", dependencies: ["Charte"]),
        .testTarget(name: "CharteTests", dependencies: ["Charte", "CharteCLI"], exclude: ["Fixtures", "Golden"]),
    ]
)
