// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Charte",
    products: [
        .library(name: "Charte", targets: ["Charte"]),
        .executable(name: "charte", targets: ["charte"]),
    ],
    targets: [
        .target(name: "Charte"),
        .target(name: "CharteCLI", dependencies: ["Charte"]),
        .executableTarget(name: "charte", dependencies: ["CharteCLI"]),
        .testTarget(name: "CharteTests", dependencies: ["Charte", "CharteCLI"], exclude: ["Fixtures", "Golden"]),
    ]
)
