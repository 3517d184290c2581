"""evaluate(): exact inputs, the CLI's digits, verdicts, errors (issue 25)."""
import json
import subprocess
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import annealcheck as ac


def without_times(record):
    """The record without its wall times ("seconds"), which differ run to run."""
    if isinstance(record, dict):
        return {k: without_times(v) for k, v in record.items() if k != "seconds"}
    if isinstance(record, list):
        return [without_times(v) for v in record]
    return record


def cli_json(cli, *args):
    p = subprocess.run([cli, *args, "--format", "json"], capture_output=True, text=True)
    assert p.returncode in (0, 1, 3), p.stderr
    return json.loads(p.stdout), p.returncode


def test_issue_example_prints_all_digits():
    r = ac.evaluate(ac.Instance.prop1(alpha="1e-6", eps="1e-9", K=10))
    q = r.quantities["LD_gf_over_eps"]
    assert str(q) == "1.4999999999999999996"  # 20 digits, as eval's table
    assert q.text.startswith("1.49999999999999999955")  # every digit, as eval --format json
    assert isinstance(q, ac.Value) and q.bits == 256
    assert abs(q - 1.5) < 1e-18  # an mpmath number: arithmetic works


@pytest.mark.parametrize("type_id", ["mpfr256", "mpq", "double"])
def test_same_record_as_the_cli(cli, repo, type_id):
    path = repo / "instances/examples/five_dim.json"
    want, status = cli_json(cli, "eval", str(path), "--type", type_id)
    r = ac.evaluate(ac.Instance.from_json(path), type=type_id)
    assert without_times(r.record) == without_times(want)  # every digit of every quantity and check, the certified section, the verdict
    assert r.exit_status == status
    if type_id == "mpq":
        assert all(isinstance(v, Fraction) for k, v in r.quantities.items() if k not in ("gd_steps",))


def test_prop1_same_record_as_the_cli(cli):
    want, _ = cli_json(cli, "eval", "--prop1", "--alpha", "1e-6", "--eps", "1e-9", "--K", "10", "--type", "mpfr256")
    assert without_times(ac.evaluate(ac.Instance.prop1(alpha="1e-6", eps="1e-9", K=10)).record) == without_times(want)


def test_exact_inputs_round_trip(tmp_path):
    inst = ac.Instance(gamma=[3, Fraction(3, 2), "0.25", Decimal("1e-3"), np.float64(1e-7)], lam=np.array([1, 2, 0.5, 3, 0.7]),
                       delta0=["1", "-2", 0.5, 3, "-7"], k=3, alpha="1e-3", eps=Fraction(1, 10000), K=25)
    j = inst.to_json()
    assert j["gamma"] == ["3", "3/2", "0.25", "0.001", "1e-07"] or [Fraction(x) for x in j["gamma"]] == [
        3, Fraction(3, 2), Fraction(1, 4), Fraction(1, 1000), Fraction(1, 10**7)]
    assert inst.exact()["eps"] == Fraction(1, 10000)
    assert inst.exact()["lambda"][4] == Fraction(7, 10)  # a float is its shortest decimal text, as in a JSON file
    inst.write_json(tmp_path / "i.json")
    back = ac.Instance.from_json(tmp_path / "i.json")
    assert back.exact() == inst.exact()
    big = ac.Instance(gamma=[2**80, 1], lam=[1, 1], delta0=[1, 1], k=2, alpha="1/2", eps="1e-40")
    assert big.exact()["gamma"][0] == 2**80  # integers beyond 64 bits stay exact


def test_checks_carry_sides_and_decisions():
    r = ac.evaluate(ac.Instance.prop1(alpha="1/2", eps="1e-15", K=10), type="double", certified=True)
    g = r.check("G")
    assert g.verdict in ("PASS", "ROUNDING") and g.decision is not None
    assert isinstance(g.lhs, ac.Value) and g.lhs.bits == 53
    assert r.verdict["exit_status"] == 0 and r.exit_status == 0
    with pytest.raises(KeyError):
        r.check("no-such-check")


def test_trajectory_meets_the_stop():
    r = ac.evaluate(ac.Instance(
        gamma=["3", "1.5", "0.25"], lam=["1", "2", "0.5"], delta0=["1", "-2", "0.5"], k=2, alpha="1/2", eps="1e-4", K=5))
    tr = r.trajectory(50)
    gf, gd, an = tr["gf"], tr["gd"], tr["annealed_gf"]
    assert gf["t"].shape == (50,) and gd["step"].shape == (6,)
    eps = 1e-4
    assert abs(gf["train"][-1] / eps - 1) < 1e-12          # L̂(T) = ε (E4 at the library's T)
    assert abs(an["train"][-1] / eps - 1) < 1e-12          # and after GD, at T'
    assert abs(gf["test"][-1] - float(r.quantities["LD_gf"])) < 1e-12 * float(r.quantities["LD_gf"])
    assert abs(an["test"][-1] - float(r.quantities["LD_annealed"])) < 1e-12 * float(r.quantities["LD_annealed"])
    assert np.all(np.diff(gf["train"]) < 0)                # L̂ strictly decreasing along the flow


def test_lemma_does_not_apply_exit_3():
    r = ac.evaluate(ac.Instance(gamma=["2", "1"], lam=["1", "1"], delta0=["0", "0"], k=2, alpha="1/2", eps="1e-3"), type="double")
    assert r.exit_status == 3 and "does not apply" in r.verdict["summary"]


def test_errors_name_field_value_expected():
    with pytest.raises(ac.InputError) as e:
        ac.Instance(gamma=["1", "2"], lam=["1", "1"], delta0=["1", "1"], k=2)
    assert e.value.field.startswith("gamma") and "2" in e.value.value and e.value.expected
    assert isinstance(e.value, ValueError)
    with pytest.raises(ac.InputError) as e:
        ac.evaluate(ac.Instance.prop1(), type="mpfr-nonsense")
    assert e.value.field == "--type" and "mpfr-nonsense" in e.value.value
    with pytest.raises(ac.InputError) as e:
        ac.Instance.prop1(alpha="3/2")
    assert e.value.field == "alpha" or "alpha" in str(e.value)
    with pytest.raises(ac.InputError) as e:
        ac.Instance(gamma=[object()], lam=[1], delta0=[1], k=1)
    assert "gamma[0]" in e.value.field
    with pytest.raises(ac.InputError):
        ac.Instance(gamma="12", lam=[1], delta0=[1])
