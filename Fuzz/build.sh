#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer (Swift's -sanitize=fuzzer, with AddressSanitizer):
# DolgRules, instrumented, as a static library; each target beside it (the CSV target with the
# streaming reader from DolgStorage). Binaries go to .build/fuzz/. The playbook target needs
# TOMLKit, so SwiftPM builds it from its own package, Fuzz/Playbook (linked with lld: gold fails
# on the executable's renamed main).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/fuzz
mkdir -p "$OUT"
FLAGS=(-O -sanitize=fuzzer,address -parse-as-library)
# The gold linker warns about every AddressSanitizer helper symbol it cannot export; harmless.
quiet() { "$@" 2>&1 | { grep -v 'Cannot export local symbol' || true; }; }
# BigInt, which DolgRules uses for the annuity formula, from the checkout `swift build` made.
# Its file names have spaces, so they are gathered into an array.
mapfile -d '' bigint < <(find .build/checkouts/BigInt/Sources -name '*.swift' -print0)
quiet swiftc -O -parse-as-library -module-name BigInt -emit-module -emit-module-path "$OUT/BigInt.swiftmodule" \
  -emit-library -static -o "$OUT/libBigInt.a" "${bigint[@]}"
quiet swiftc "${FLAGS[@]}" -I "$OUT" -module-name DolgRules -emit-module -emit-module-path "$OUT/DolgRules.swiftmodule" \
  -emit-library -static -o "$OUT/libDolgRules.a" $(find Sources/DolgRules -name '*.swift')
for target in money dates bank csv; do
  extra=()
  [ "$target" = csv ] && extra=(Sources/DolgStorage/Import/{CSVRecordReader,TabularFile,InputFile}.swift)
  quiet swiftc "${FLAGS[@]}" -I "$OUT" -L "$OUT" -lDolgRules -lBigInt -o "$OUT/fuzz-$target" Fuzz/Targets/$target.swift \
    "${extra[@]}"
done
quiet swift build --package-path Fuzz/Playbook -c release --scratch-path .build/fuzz-playbook \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
cp .build/fuzz-playbook/release/fuzz-playbook "$OUT/fuzz-playbook"
