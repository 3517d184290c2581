"""check, search, audit, prop1 from Python: the CLI's records; the GIL released (issue 25)."""
import json
import subprocess
import threading
import time

import annealcheck as ac


def test_check_record_matches_cli(cli):
    rec = ac.check("lemma2.gf-lower-bound", type="double", cases=30, seed=7)
    p = subprocess.run([cli, "check", "lemma2.gf-lower-bound", "--type", "double", "--cases", "30", "--seed", "7", "--format", "json"],
                       capture_output=True, text=True)
    want = json.loads(p.stdout)
    for key in ("property", "type", "outcome", "cases_run", "succeeded", "seed"):
        if key in want:
            assert rec[key] == want[key], key
    assert rec["succeeded"] is True and p.returncode == 0


def test_false_claim_is_refuted_with_a_counterexample():
    rec = ac.check(claim="LD_gf >= eps * max(Sbar, lambda/gamma)", given="C1,C2", type="double", cases=200)
    assert rec["outcome"] == "failed" and rec["succeeded"] is False and rec["kind"] == "holds"
    cx = rec["counterexample"]
    assert cx["dim"] <= 3 and "claim: refuted" in " ".join(cx["certified"]["checks"])  # shrunk, certified on the exact case


def test_progress_callback_counts_cases():
    seen = []
    ac.check("model.ellipsoid-bounds", type="double", cases=25, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 25 and seen[0] == (1, 25) and seen[24] == (25, 25)


def test_gil_released_during_a_long_check():
    ticks, result = [0], {}

    def work():
        result["rec"] = ac.check("lemma2.annealed-upper-bound", type="mpfr256", cases=200, seed=3)

    t = threading.Thread(target=work)
    t.start()
    start = time.perf_counter()
    while t.is_alive():
        ticks[0] += 1
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    t.join()
    assert result["rec"]["succeeded"]
    assert elapsed > 0.2, "the check was too short to tell"
    # With the GIL held by the check, this loop could not run until it ended (ticks ~ 1).
    assert ticks[0] > 0.2 * elapsed / 0.0011, (ticks[0], elapsed)


def test_search_tight_point_is_not_a_counterexample():
    rec = ac.search("lemma2.gf-lower-bound", type="double", budget=300, fix={"alpha": "1/2", "d": 2})
    assert rec["counterexample"] is False
    assert rec["evaluations"] > 0 and rec["tightest"]["relative_slack"] >= 0


def test_audit_and_prop1_records(tmp_path):
    a = ac.audit(ac.Instance.prop1(alpha="1/2", eps="1e-15", K=10), types=["double", "mpfr128"])
    assert [r["type"] for r in a["rungs"]] == ["double", "mpfr128"]
    p = ac.prop1(alpha="1e-12", eps="1e-20", K=10)
    assert p["claims_hold"] is True


def test_bad_claim_and_type_errors():
    import pytest

    with pytest.raises(ac.InputError) as e:
        ac.check(claim="LD_gf >= eps *", given="C1,C2")
    assert e.value.field == "--claim" and "^" in e.value.display
    with pytest.raises(ac.InputError) as e:
        ac.check("lemma2.gf-lower-bound", type="mpq")
    assert e.value.field == "--type" and "double" in e.value.expected
    with pytest.raises(ac.InputError) as e:
        ac.check("no.such-property")
    assert "no.such-property" in e.value.value


def test_version_is_the_clis(cli):
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    assert out == f"annealcheck {ac.__version__}"
