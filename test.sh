#!/usr/bin/env bash
# The one test command: the .NET suite, the web app's unit tests (Vitest) and its browser tests (headless Chromium
# against the built Host), then one closing line summed over all three.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp -d)
status=0

# Builds Host (and with it Designer/dist), so the browser tests below run what was just tested.
dotnet test GridCase.sln 2>&1 | tee "$log/dotnet.txt"
dotnet_rc=${PIPESTATUS[0]}

(cd Designer && npm test -- --reporter=default --reporter=json --outputFile.json="$log/vitest.json") 2>&1 | tee "$log/vitest.txt"
vitest_rc=${PIPESTATUS[0]}

(cd Designer && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$log/e2e.tap" e2e/) 2>&1 | tee "$log/e2e.txt"
e2e_rc=${PIPESTATUS[0]}

sum() { grep -oE "$1 +[0-9]+" "$2" 2>/dev/null | awk '{s+=$NF} END {print s+0}'; }
dotnet_passed=$(sum 'Passed:' "$log/dotnet.txt"); dotnet_failed=$(sum 'Failed:' "$log/dotnet.txt"); skipped=$(sum 'Skipped:' "$log/dotnet.txt")
vitest_passed=$(node -e "try{const r=require('$log/vitest.json');console.log(r.numPassedTests)}catch{console.log(0)}")
vitest_failed=$(node -e "try{const r=require('$log/vitest.json');console.log(r.numFailedTests+(r.success||r.numFailedTests?0:1))}catch{console.log(1)}")
e2e_passed=$(grep -oE '^# pass [0-9]+' "$log/e2e.tap" 2>/dev/null | awk '{print $3}'); e2e_passed=${e2e_passed:-0}
e2e_failed=$(grep -oE '^# fail [0-9]+' "$log/e2e.tap" 2>/dev/null | awk '{print $3}'); e2e_failed=${e2e_failed:-1}

# A part that failed without a counted failing test (a build error, a crash) still counts as one failure.
[ "$dotnet_rc" -ne 0 ] && [ "$dotnet_failed" -eq 0 ] && dotnet_failed=1
[ "$vitest_rc" -ne 0 ] && [ "$vitest_failed" -eq 0 ] && vitest_failed=1
[ "$e2e_rc" -ne 0 ] && [ "$e2e_failed" -eq 0 ] && e2e_failed=1
[ "$((dotnet_rc + vitest_rc + e2e_rc))" -eq 0 ] || status=1

echo "dotnet: ${dotnet_passed} passed, ${dotnet_failed} failed, ${skipped} skipped · vitest: ${vitest_passed} passed, ${vitest_failed} failed · browser: ${e2e_passed} passed, ${e2e_failed} failed"
echo "$((dotnet_passed + vitest_passed + e2e_passed)) passed, $((dotnet_failed + vitest_failed + e2e_failed)) failed"
rm -rf "$log"
exit "$status"
