#!/usr/bin/env bash
# ctest label coq (issue 24): coqc checks the library coq/Lemma2.v and certificates
# `annealcheck certify` writes; corrupted certificates must be rejected; F2's claim
# must not be certifiable while its negation checks. No silent skips: a missing
# coqc or coq-interval is a failure (scripts/setup-deps installs them).
# Usage: coq_certificates.sh STEP ANNEALCHECK SOURCE_DIR WORK_DIR
set -euo pipefail
step=$1 bin=$(realpath "$2") src=$(realpath "$3") work=$(realpath -m "$4")
lib=$work/lib
fail() { echo "FAIL: $*" >&2; exit 1; }
# The axiom names in Print Assumptions output: the unindented lines after "Axioms:"
# (a long type continues on indented lines).
axiom_names() { grep -E '^[A-Za-z_]' | grep -vE '^(Axioms:|Closed under the global context)' | awk '{print $1}' | sort -u; }
command -v coqc >/dev/null || fail "coqc not found (scripts/setup-deps installs coq, libcoq-interval)"
coq() { coqc -R "$lib" Annealcheck "$@"; }

# The reals' own axioms: ClassicalDedekindReals.sig_not_dec/sig_forall_dec (Coq.Reals'
# definition), Classical_Prop.classic (Coq.Reals uses it, e.g. in exp_increasing) and
# FunctionalExtensionality. The library coq/Lemma2.v rests on these only.
# The axioms every theorem of $1 (a compiled .v, module name from its file) rests on
# must all come from Coq's reals, functional extensionality, excluded middle (used by
# coq-interval/Coquelicot) or the kernel's primitive 63-bit integers (Bignums under
# coq-interval); anything else (an Admitted, a user Axiom) fails.
check_axioms() {
  local v=$1 dir mod names out bad
  dir=$(dirname "$v") mod=$(basename "$v" .v)
  names=$(grep -oE '^(Theorem|Lemma) [A-Za-z0-9_]+' "$v" | awk '{print $2}' | paste -sd, -)
  [ -n "$names" ] || fail "no theorem in $v"
  # one Print Assumptions over a tuple of every theorem: each proof is traversed once
  printf 'Require Import %s.\nDefinition all_theorems := (%s).\nPrint Assumptions all_theorems.\n' "$mod" "$names" > "$dir/axioms_$mod.v"
  out=$(cd "$dir" && coqc -R "$lib" Annealcheck -R . "" "axioms_$mod.v")
  grep -qE '^Axioms:' <<<"$out" || fail "no Print Assumptions output for $v"
  axioms=$(axiom_names <<<"$out")
  bad=$(grep -vE '^(ClassicalDedekindReals\.|FunctionalExtensionality\.|Classical_Prop\.classic$|Uint63\.|PrimInt63\.)' <<<"$axioms" || true)
  [ -z "$bad" ] || fail "$v rests on axioms beyond the allowed ones: $bad"
  echo "axioms of every theorem of $(basename "$v"):"; sed 's/^/  /' <<<"$axioms"
}

case $step in
  library)
    rm -rf "$lib" && mkdir -p "$lib" && cp "$src"/coq/Lemma2.v "$src"/coq/_CoqProject "$lib"/
    (cd "$lib" && coqc -R . Annealcheck Lemma2.v)
    printf 'From Annealcheck Require Import Lemma2.\nDefinition all_lemmas := (%s).\nPrint Assumptions all_lemmas.\n' \
      "$(grep -oE '^(Theorem|Lemma) [A-Za-z0-9_]+' "$lib/Lemma2.v" | awk '{print $2}' | paste -sd, -)" > "$lib/lib_axioms.v"
    out=$(cd "$lib" && coqc -R . Annealcheck lib_axioms.v)
    grep -qE '^Axioms:' <<<"$out" || fail "no Print Assumptions output for the library"
    bad=$(axiom_names <<<"$out" | grep -vE '^(ClassicalDedekindReals\.|FunctionalExtensionality\.|Classical_Prop\.classic$)' || true)
    [ -z "$bad" ] || fail "the library rests on axioms beyond the reals': $bad"
    ! grep -nE 'Admitted|^Axiom|^Parameter' "$lib/Lemma2.v" || fail "Admitted/Axiom in coq/Lemma2.v"
    echo "library: ok, axioms:"; axiom_names <<<"$out" ;;
  prop1)
    d=$work/prop1 && rm -rf "$d" && mkdir -p "$d"
    "$bin" certify --prop1 --alpha 1/2 --eps 1e-15 --K 10 --coq "$d/p.v"
    for t in gf_stop_bracket gf_stop_exists G_cert A1_cert A_cert P3_cert P4_cert P5_cert; do
      grep -q "^Theorem $t " "$d/p.v" || fail "p.v lacks $t"; done
    (cd "$d" && coq p.v) && check_axioms "$d/p.v" ;;
  instance)  # STEP=instance NAME: one held-in instance, timed
    name=$5 d=$work/$name && rm -rf "$d" && mkdir -p "$d"
    "$bin" certify "$src/instances/coq/$name.json" --coq "$d/$name.v"
    # Microseconds from bash's own clock (no bc: a minimal Debian root has none).
    start=${EPOCHREALTIME/[.,]/}; (cd "$d" && coq "$name.v"); end=${EPOCHREALTIME/[.,]/}
    us=$((end - start))
    echo "coqc $name.v: $((us / 1000000)).$(printf '%03d' $((us % 1000000 / 1000))) s"
    # (Print Assumptions is checked on prop1's and F2's certificates, same template: it
    # costs ~20 s a file.) The d = 9, K = 100 instance must check in under 60 s.
    [ "$us" -lt 60000000 ] || fail "coqc $name.v took over 60 s" ;;
  corrupt)  # one digit of a gamma, one bracket end: coqc must reject each
    d=$work/corrupt && rm -rf "$d" && mkdir -p "$d"
    "$bin" certify "$src/instances/coq/random_d5.json" --coq "$d/ok.v"
    (cd "$d" && coq ok.v) || fail "the uncorrupted certificate does not check"
    # the first gamma's numerator: 371/500 -> 372/500
    sed '0,/^  ((371 \/ 500)/s//  ((372 \/ 500)/' "$d/ok.v" > "$d/gamma.v"
    ! cmp -s "$d/ok.v" "$d/gamma.v" || fail "the gamma edit did not apply"
    if (cd "$d" && coq gamma.v) 2>"$d/gamma.err"; then fail "coqc accepted a certificate with gamma_1 changed"; fi
    grep -q Error "$d/gamma.err" || fail "no coqc error for the changed gamma"
    # T_lo moved past the root: last digit of its numerator +1 in its leading digit
    lo=$(grep -oE '^Definition T_lo : R := \([0-9]+' "$d/ok.v" | grep -oE '[0-9]+$')
    newlo=$((${lo:0:1} + 1))${lo:1}
    sed "s/^Definition T_lo : R := ($lo /Definition T_lo : R := ($newlo /" "$d/ok.v" > "$d/bracket.v"
    ! cmp -s "$d/ok.v" "$d/bracket.v" || fail "the bracket edit did not apply"
    if (cd "$d" && coq bracket.v) 2>"$d/bracket.err"; then fail "coqc accepted a certificate with T_lo past the root"; fi
    grep -q Error "$d/bracket.err" || fail "no coqc error for the moved bracket end"
    echo "corrupt: both rejected"; grep -m1 -A2 Error "$d/gamma.err"; grep -m1 -A2 Error "$d/bracket.err" ;;
  f2)
    d=$work/f2 && rm -rf "$d" && mkdir -p "$d/reports"
    "$bin" check falsify.f2-g-without-one-minus-alpha --report-dir "$d/reports" >"$d/check.out" 2>&1 || true
    rep=$(ls "$d"/reports/*.json | grep -v index | head -1)
    [ -f "$rep" ] || fail "check wrote no F2 report"
    set +e; "$bin" certify "$rep" --coq "$d/claim.v" 2>"$d/claim.err"; rc=$?; set -e
    [ "$rc" = 1 ] || fail "certify of F2's claim exited $rc, expected 1"
    [ ! -e "$d/claim.v" ] || fail "a certificate of F2's false claim was written"
    grep -q "FALSE" "$d/claim.err" || fail "certify did not say F2's claim is false: $(cat "$d/claim.err")"
    cat "$d/claim.err"
    "$bin" replay "$rep" --coq "$d/refute.v"
    grep -q "^Theorem F2_refuted " "$d/refute.v" || fail "refute.v lacks F2_refuted"
    (cd "$d" && coq refute.v) && check_axioms "$d/refute.v" ;;
  *) fail "unknown step $step" ;;
esac
