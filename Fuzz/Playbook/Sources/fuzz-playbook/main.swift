import DolgPlaybookReader
import DolgRules
import Foundation

/// Playbook files as people edit them: reading never traps, and a playbook that reads has a
/// ladder with steps for every segment, and no problem left unreported.
func fuzzPlaybook(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let set = try? PlaybookReader.decode(text) else { return 0 }
    guard set.problems().isEmpty, !set.standard.ladder.steps.isEmpty,
          set.segments.values.allSatisfy({ !$0.ladder.steps.isEmpty }) else {
        fatalError("a playbook read without complaint is incomplete: \(text)")
    }
    return 0
}

// SwiftPM gives an executable its own `main`, so libFuzzer's is not used: hand the arguments to
// libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argumentCount, &arguments) { start, count in fuzzPlaybook(start, count) })
