#!/usr/bin/env python3
"""Counts meson's test results (testlog.json, one JSON object a line) and prints
the closing line "N passed, N failed". Exits non-zero on any failure or when a
log is missing, so that a build that never reached its tests cannot pass."""
import json
import sys

PASSED = {'OK', 'EXPECTEDFAIL'}
FAILED = {'FAIL', 'TIMEOUT', 'UNEXPECTEDPASS', 'ERROR'}

passed = failed = skipped = 0
missing = []
for path in sys.argv[1:]:
    try:
        with open(path, encoding='utf-8') as log:
            for line in log:
                line = line.strip()
                if not line:
                    continue
                result = json.loads(line).get('result')
                if result in PASSED:
                    passed += 1
                elif result in FAILED:
                    failed += 1
                else:
                    skipped += 1
    except FileNotFoundError:
        missing.append(path)

for path in missing:
    print(f'count-tests: no test log at {path} (the build or the test run did not happen)')
    failed += 1

if skipped:
    print(f'{passed} passed, {failed} failed, {skipped} skipped')
else:
    print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed or passed == 0 else 0)
