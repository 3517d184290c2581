#!/usr/bin/env bash
# layering_test.py must fail on a forbidden include: copy the layers, add `claims -> reports`
# (docs/architecture.md forbids it), `src -> properties` and `python -> cli`, expect exit 1 naming each.
set -euo pipefail
root=$1; work=$2
rm -rf "$work"; mkdir -p "$work/docs"
cp "$root/docs/architecture.md" "$work/docs/"
for l in src properties claims campaign reports cli python; do cp -r "$root/$l" "$work/"; done
sed -i '1i #include "reports/junit.hpp"' "$work/claims/search.cpp"
sed -i '1i #include "properties/registry.hpp"' "$work/src/annealcheck/model/instance.hpp"
sed -i '1i #include "cli/options.hpp"' "$work/python/module.cpp"
set +e
out=$(python3 "$root/tests/architecture/layering_test.py" "$work"); rc=$?
set -e
echo "$out"
[ "$rc" -eq 1 ] || { echo "FAIL: expected exit 1, got $rc"; exit 1; }
grep -q 'claims/search.cpp:1: #include "reports/junit.hpp": layer claims may not include layer reports' <<<"$out"
grep -q 'src/annealcheck/model/instance.hpp:1: #include "properties/registry.hpp": layer src may not include layer properties' <<<"$out"
grep -q 'python/module.cpp:1: #include "cli/options.hpp": layer python may not include layer cli' <<<"$out"
grep -q '3 violation(s)' <<<"$out"
echo "layering mutation: the three forbidden includes reported"
