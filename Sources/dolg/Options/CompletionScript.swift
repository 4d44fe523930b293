/// The argument parser's completion scripts, with what bash users complained about put right.
/// Its bash script registers every completion as a file name (`complete -o filenames`), so a
/// value such as `csv` gets a slash when a directory of that name is at hand; here only file
/// and directory completions are file names, and other words with spaces (a manager's name)
/// are escaped instead.
enum CompletionScript {
    static func adjusted(_ script: String, arguments: [String]) -> String {
        guard let index = arguments.firstIndex(of: "--generate-completion-script"),
              index + 1 < arguments.count, arguments[index + 1] == "bash" else { return script }
        let collect = """
            __dolg_add_completions() {
                local completion
                while IFS='' read -r completion; do
                    COMPREPLY+=("${completion}")
                done < <(IFS=$'\\n' compgen "${@}" -- "${cur}")
            }
            """
        let collectAdjusted = """
            __dolg_add_completions() {
                local completion
                local as_files=false
                [[ "${1}" == -f || "${1}" == -d ]] && as_files=true && compopt -o filenames 2>/dev/null
                while IFS='' read -r completion; do
                    if "${as_files}"; then COMPREPLY+=("${completion}"); else COMPREPLY+=("${completion// /\\\\ }"); fi
                done < <(IFS=$'\\n' compgen "${@}" -- "${cur}")
            }
            """
        guard script.contains(collect) else { return script }
        return script.replacingOccurrences(of: collect, with: collectAdjusted)
            .replacingOccurrences(of: "complete -o filenames -F _dolg dolg", with: "complete -F _dolg dolg")
    }
}
