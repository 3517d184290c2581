"""annealcheck from Python: Lemma 2 and Proposition 1 of Nakkiran 2020, checked by computation.

The same library as the `annealcheck` command, in process (no subprocess, no JSON text):

    >>> import annealcheck
    >>> r = annealcheck.evaluate(annealcheck.Instance.prop1(alpha="1e-6", eps="1e-9", K=10))
    >>> r.verdict["exit_status"], r.quantities["LD_gf_over_eps"]

Inputs are read exactly, as the CLI reads a JSON file: ints and strings ("1e-30",
"2/3") are exact; fractions.Fraction and decimal.Decimal are exact; a float is read
as its shortest decimal text (0.1 is 1/10, as a JSON number 0.1 in a file is) --
pass Fraction(x) for a float's binary value. Quantities come back as
fractions.Fraction at mpq and as `Value` (an mpmath.mpf carrying the library's own
digits) at every other type. Equation labels (E1..E5, C1, C2, G, A, P1..P5) are
SPEC.md's. Full API: docs/python.md.
"""
from __future__ import annotations

import decimal
import functools
import json
import pathlib
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

import mpmath

from . import _annealcheck as _core

__version__ = _core.__version__
InputError = _core.InputError  # a ValueError with .field, .value and .expected, as the CLI's exit-2 message

__all__ = ["Instance", "evaluate", "Result", "Check", "Value", "check", "search", "audit", "prop1", "figure1_data",
           "properties", "InputError", "__version__"]

# eval's quantity names (engine/evaluate_typed.hpp, evaluate_mpq.cpp) -> Python keys.
_QUANTITY_KEYS = {
    "Lhat(delta(0))": "Lhat0", "L_D(delta(0))": "LD0", "eps": "eps", "alpha": "alpha", "rho": "rho",
    "eta (GD step)": "eta", "M = |Sbar| gamma_j* delta_j*(0)^2": "M", "j* (1-based)": "j_star",
    "M' = sum_Sbar gamma_j delta_j(0)^2": "M_prime", "P (top eigenspace, 1-based)": "P",
    "c = max_Q (1 - 2 eta gamma_i)^2": "c", "T (GF stopping time)": "T",
    "bound on |T - T_exact| (error_bounds.md 3)": "T_error", "Newton iterations for T": "newton_iterations",
    "Lhat(delta_GF(T))": "Lhat_gf", "L_D(delta_GF(T))": "LD_gf", "L_D(GF)/eps": "LD_gf_over_eps",
    "GD steps taken": "gd_steps", "Lhat(delta(K))": "Lhat_K", "T' (GF time after GD)": "T_prime",
    "Lhat(delta_fast)": "Lhat_annealed", "L_D(delta_fast)": "LD_annealed",
    "L_D(annealed)/eps": "LD_annealed_over_eps", "L_D(GF)/L_D(annealed)": "ratio",
    "bound (1-alpha) eps min_Sbar lambda/gamma": "bound_G", "bound, first line": "bound_A_first_line",
    "bound, explicit": "bound_A_explicit", "sum_Q lambda_i delta_i(K)^2": "tail_K",
}
_DELTA_K = re.compile(r"delta_(\d+)\(K\)$")


def _key(name: str) -> str:
    if name in _QUANTITY_KEYS:
        return _QUANTITY_KEYS[name]
    m = _DELTA_K.match(name)
    if m:
        return f"delta{m.group(1)}_K"
    return re.sub(r"[^0-9A-Za-z]+", "_", name).strip("_")


class Value(mpmath.mpf):
    """A floating-type result: an mpmath.mpf holding the type's value exactly (its
    precision is the type's). `.text` has every digit the library printed (what
    `annealcheck eval --format json` holds); str() shows `digits` significant digits
    (evaluate's `digits`, 20 by default, as eval's table does). Arithmetic gives plain
    mpmath.mpf."""

    __slots__ = ("text", "bits", "digits")

    def __new__(cls, text: str, bits: int, digits: int = 20):
        with mpmath.workprec(max(int(bits), 53)):
            self = super().__new__(cls, text)
        self.text, self.bits, self.digits = text, int(bits), int(digits)
        return self

    def __str__(self) -> str:
        if not mpmath.isfinite(self):
            return self.text
        # Correctly rounded to `digits` from the exact binary value (man * 2^exp): a
        # decimal division rounds once, as MPFR's own printing does.
        exact = Fraction(int(self.man)) * (Fraction(2) ** int(self.exp)) if self else Fraction(0)
        with decimal.localcontext() as ctx:
            ctx.prec, ctx.rounding = self.digits, decimal.ROUND_HALF_EVEN
            d = decimal.Decimal(exact.numerator) / decimal.Decimal(exact.denominator)
        return "{:g}".format(d.normalize())

    def __repr__(self) -> str:
        return f"Value('{self.text}', bits={self.bits})"


def _number(text: Optional[str], bits: int, digits: int = 20):
    """The library's text of a number at a type: Fraction at mpq (bits 0), else Value."""
    if text is None:
        return None
    if bits == 0:
        return Fraction(text)
    if not re.match(r"^[-+]?(\d|inf|nan)", text, re.I):
        return text  # "{1,2}", "3 (stopped early)": not a number
    try:
        return Value(text, bits, digits)
    except (ValueError, TypeError):
        return text


def _input_error(field: str, value: str, expected: str) -> Exception:
    """An InputError like the library's: field, value, expected, and the CLI's message."""
    e = InputError(f"field '{field}': got {value}; expected {expected}")
    e.field, e.value, e.expected = field, value, expected
    return e


def _exact_text(x: Any) -> Any:
    """A Fraction as its exact text "p/q"; anything else as it is (ints, strings, floats,
    Decimals and numpy values are read by the library, python_json.cpp)."""
    return str(x) if isinstance(x, Fraction) else x


def _vector(v: Any) -> List[Any]:
    if isinstance(v, (str, bytes)):
        raise _input_error("instance", repr(v), "a sequence of numbers")
    return [_exact_text(x) for x in list(v)]


@dataclass(frozen=True)
class Instance:
    """A Lemma 2 instance (SPEC §3): gamma descending, lambda > 0, delta0, split k
    (S = {1..k-1}), alpha in (0,1), eps > 0, K GD steps; rho and eta optional.
    Validated exactly by the library on construction (InputError names the field)."""

    gamma: Sequence[Any] = ()
    lam: Sequence[Any] = ()
    delta0: Sequence[Any] = ()
    k: int = 2
    alpha: Any = None
    eps: Any = None
    K: int = 10
    rho: Any = None
    eta: Any = None
    checkpoints: Optional[int] = None
    _prop1: Optional[tuple] = field(default=None, repr=False)

    def __post_init__(self):
        if self._prop1 is None:
            object.__setattr__(self, "_exact", _core.normalized_instance(self._json()))

    @staticmethod
    def prop1(alpha: Any = "1e-6", eps: Any = "1e-9", K: int = 10) -> "Instance":
        """Proposition 1's (2,1) case (SPEC §4): gamma = (2/3, 1/3), lambda = (1/2, 1/2),
        delta0 = -100 alpha^(-1/2) (1, 1) (irrational, so built in each number type)."""
        inst = Instance(gamma=("2/3", "1/3"), lam=("1/2", "1/2"), delta0=(), k=2, alpha=alpha, eps=eps, K=K,
                        rho=1, eta="3/2", _prop1=(str(_exact_text(alpha)), str(_exact_text(eps)), int(K)))
        _core.validate_prop1(*inst._prop1)  # alpha in (0,1), eps > 0, K in range: InputError otherwise
        return inst

    def _json(self) -> Dict[str, Any]:
        j: Dict[str, Any] = {"gamma": _vector(self.gamma), "lambda": _vector(self.lam), "delta0": _vector(self.delta0),
                             "k": self.k, "K": self.K}
        for name in ("alpha", "eps", "rho", "eta"):
            v = getattr(self, name)
            if v is not None:
                j[name] = _exact_text(v)
        if self.checkpoints is not None:
            j["checkpoints"] = self.checkpoints
        return j

    def to_json(self) -> Dict[str, Any]:
        """The instance as the library reads it (every value as its exact text): what
        an instance file for `annealcheck eval` holds."""
        if self._prop1 is not None:
            raise _input_error("instance", "Proposition 1's (2,1) case", "an instance read from numbers: its delta0 is irrational and has no file")
        return dict(self._exact)

    def exact(self) -> Dict[str, Any]:
        """gamma, lambda, delta0, alpha, eps, rho, eta as Fractions (the exact input)."""
        j = self.to_json()
        out = {name: [Fraction(x) for x in j[name]] for name in ("gamma", "lambda", "delta0")}
        for name in ("alpha", "eps", "rho", "eta"):
            if name in j:
                out[name] = Fraction(j[name])
        out["k"], out["K"] = j["k"], j["K"]
        return out

    @staticmethod
    def from_json(path: str | pathlib.Path) -> "Instance":
        j = json.loads(pathlib.Path(path).read_text())
        if not isinstance(j, dict):
            raise _input_error("instance", f"{path}: {type(j).__name__}", "a JSON object")
        return Instance(gamma=j.get("gamma", ()), lam=j.get("lambda", ()), delta0=j.get("delta0", ()), k=j.get("k", 2),
                        alpha=j.get("alpha"), eps=j.get("eps"), K=j.get("K", 10), rho=j.get("rho"), eta=j.get("eta"),
                        checkpoints=j.get("checkpoints"))

    def write_json(self, path: str | pathlib.Path) -> None:
        pathlib.Path(path).write_text(json.dumps(self.to_json(), indent=2) + "\n")


class Check:
    """One inequality of `eval`: label (SPEC), statement, verdict of the type (PASS,
    FAIL, ROUNDING, UNREPR, n/a), lhs, rhs, margin, bound (the rigorous error bound
    of the margin), where, and `decision` on the exact input when one was made."""

    def __init__(self, record: Dict[str, Any], bits: int, decision: Optional[Dict[str, Any]], digits: int = 20):
        self.record = record
        self.label = record["label"]
        self.statement = record.get("statement", "")
        self.verdict = record.get("verdict")
        self.premise = record.get("premise", False)
        self.where = record.get("where", "")
        for side in ("lhs", "rhs", "margin", "bound"):
            setattr(self, side, _number(record.get(side), bits, digits))
        self.decision = decision

    def __repr__(self) -> str:
        d = f", decision={self.decision.get('decision')!r}" if self.decision else ""
        return f"Check({self.label!r}, verdict={self.verdict!r}, margin={self.margin}{d})"


class Result:
    """What `annealcheck eval --format json` prints, as Python values: `record` (the
    whole JSON record), `quantities` (dict of Fraction/Value), `checks` (list of
    Check), `verdict` (the decision about the exact input: summary, exit_status...),
    `table` (eval's text), `exit_status` (eval's), and `trajectory(n)`."""

    def __init__(self, run: Any, instance: Instance, digits: int = 20):
        self._run, self._digits = run, digits
        self.record = run.record()
        self.instance = instance
        self.type = self.record["type"]
        self.bits = int(self.record["bits"])
        self.exit_status = run.exit_status
        self.verdict = self.record.get("verdict")

    @functools.cached_property
    def table(self) -> str:
        """`annealcheck eval`'s text (rendered on first use)."""
        return self._run.table()

    @functools.cached_property
    def quantities(self) -> Dict[str, Any]:
        return {_key(q["name"]): _number(q["value"], self.bits, self._digits) for q in self.record["quantities"]}

    @functools.cached_property
    def checks(self) -> List[Check]:
        exact = {c["label"]: c for c in (self.record.get("certified") or {}).get("checks", [])}
        return [Check(c, self.bits, exact.get(c["label"]), self._digits) for c in self.record["checks"]]

    def check(self, label: str) -> Check:
        for c in self.checks:
            if c.label == label:
                return c
        raise KeyError(f"no check {label!r}; checks: {', '.join(c.label for c in self.checks)}")

    def __repr__(self) -> str:
        summary = self.verdict["summary"] if self.verdict else "point verdicts only (fast)"
        return f"Result(type={self.type!r}, {summary})"

    def trajectory(self, n: int = 200) -> Dict[str, Dict[str, Any]]:
        """Both runs of the exact input as numpy arrays, for plots: "gf" (t, train,
        test) gradient flow from delta0 to the stop T (E4); "gd" (step, train, test)
        the K GD steps delta(t+1) = (1 - 2 eta gamma) delta(t) (E5); "annealed_gf"
        (t, train, test) the flow after GD to T'. Computed with mpmath at the type's
        precision (at least 53 bits) from the closed forms, returned as float64."""
        import numpy as np

        bits = max(self.bits, 53) if self.bits else 256
        with mpmath.workprec(bits + 16):
            gamma, lam, d0, eta, K = _dynamics_inputs(self.instance)
            T, Tp = mpmath.mpf(str(self.quantities["T"])), mpmath.mpf(str(self.quantities["T_prime"]))

            def losses(delta):
                train = mpmath.fsum(g * x * x for g, x in zip(gamma, delta))  # E1
                test = mpmath.fsum(l * x * x for l, x in zip(lam, delta))    # E2
                return float(train), float(test)

            def flow(start, horizon):
                ts = [horizon * i / (n - 1) for i in range(n)] if n > 1 else [horizon]
                rows = [losses([x * mpmath.exp(-2 * g * t) for g, x in zip(gamma, start)]) for t in ts]  # E4
                return {"t": np.array([float(t) for t in ts]), "train": np.array([r[0] for r in rows]),
                        "test": np.array([r[1] for r in rows])}

            steps, delta = [], list(d0)
            for step in range(K + 1):
                steps.append(losses(delta))
                if step < K:
                    delta = [(1 - 2 * eta * g) * x for g, x in zip(gamma, delta)]  # E5
            return {"gf": flow(d0, T),
                    "gd": {"step": np.arange(K + 1), "train": np.array([s[0] for s in steps]),
                           "test": np.array([s[1] for s in steps])},
                    "annealed_gf": flow(delta, Tp)}


def _dynamics_inputs(inst: Instance):
    """gamma, lambda, delta0, eta (mpmath, at the working precision) and K of the exact input."""
    to = lambda q: mpmath.mpf(Fraction(q).numerator) / Fraction(q).denominator
    gamma, lam = [to(g) for g in inst.gamma], [to(x) for x in inst.lam]
    if inst._prop1 is not None:  # SPEC §4: delta0 = -100 alpha^(-1/2) (1, 1), irrational; eta = 3/2 is a field
        d = -100 / mpmath.sqrt(to(inst._prop1[0]))
        return gamma, lam, [d, d], to(inst.eta), inst._prop1[2]
    e = inst.exact()
    eta = to(e["eta"]) if "eta" in e else 1 / gamma[0]
    return gamma, lam, [to(x) for x in e["delta0"]], eta, e["K"]


def evaluate(instance: Instance, type: str = "mpfr256", certified: bool = False, fast: bool = False,
             checkpoints: Optional[int] = None, digits: int = 20, certified_bits: int = 128,
             certified_cap: int = 4096) -> Result:
    """`annealcheck eval`: every quantity and inequality of Lemma 2 at `type`, each
    check decided on the exact input unless the point value and its error bound
    decide it (certified=True decides every check on it; fast=True: point verdicts
    only). Releases the GIL while it runs."""
    if instance._prop1 is not None:
        a, e, K = instance._prop1
        rec = _core.evaluate_prop1(a, e, K, type, certified, fast, checkpoints, digits, certified_bits, certified_cap)
    else:
        rec = _core.evaluate_instance(instance._json(), type, certified, fast, checkpoints, digits, certified_bits, certified_cap)
    return Result(rec, instance, digits)


def _progress(progress: Any) -> Optional[Callable[[int, int], None]]:
    if progress is not True:
        return progress or None
    try:
        from tqdm import tqdm  # type: ignore
    except ImportError:
        return None
    bar: Dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(total=total, unit="case")
        bar["bar"].update(1)
        if done >= total:
            bar["bar"].close()
    return update


def check(property: Optional[str] = None, *, claim: Optional[str] = None, given: str = "", type: str = "double",
          cases: Optional[int] = None, seed: Optional[int] = None, max_dim: Optional[int] = None,
          certified: bool = False, fast: bool = False, progress: Any = None) -> Dict[str, Any]:
    """`annealcheck check ID --format json` (or a claim "EXPR REL EXPR" given C1,C2):
    the run record as a dict. `progress`: a callable progress(done, total), called
    once per generated case (with the GIL), or True for a tqdm bar when tqdm is
    installed. Releases the GIL while the cases run."""
    return _core.check(property or "", claim, given, type, cases, seed, max_dim, certified, fast, _progress(progress))


def search(property: Optional[str] = None, *, claim: Optional[str] = None, given: str = "", type: str = "double",
           budget: int = 2000, seed: Optional[int] = None, fix: Optional[Mapping[str, Any]] = None,
           certified: bool = False) -> Dict[str, Any]:
    """`annealcheck search ID --format json`: drive the property's relative margin down;
    `fix` pins alpha, eps, K (exact values) or d. A counterexample is reported only
    when certified refuted on the exact case (record["counterexample"])."""
    fixed = {str(k): str(_exact_text(v)) for k, v in (fix or {}).items()}
    return _core.search(property or "", claim, given, type, budget, seed, fixed, certified)


def audit(instance: Instance, types: Sequence[str] | str = (), reference: str = "", min_digits: float = 10) -> Dict[str, Any]:
    """`annealcheck audit INSTANCE --format json`: the same instance across a ladder of
    number types against the rigorous MPFI reference."""
    t = types if isinstance(types, str) else ",".join(types)
    if instance._prop1 is not None:
        a, e, K = instance._prop1
        return _core.audit_prop1(a, e, K, t, reference, float(min_digits))
    return _core.audit_instance(instance._json(), t, reference, float(min_digits))


def prop1(alpha: Any = "1e-12", eps: Any = "1e-20", K: int = 10, type: str = "mpfr256", seed: int = 1,
          rotated: bool = False, flow: str = "exact", figure: str = "") -> Dict[str, Any]:
    """`annealcheck prop1 --format json`: Proposition 1 end to end (SPEC §4); `figure`:
    a path prefix for Figure 1 (PREFIX.png/.svg via gnuplot)."""
    return _core.prop1(str(_exact_text(alpha)), str(_exact_text(eps)), int(K), type, int(seed), rotated, flow, figure)


def properties() -> List[str]:
    """The catalog's property ids (`annealcheck list`)."""
    return list(_core.properties())


def figure1_data(path: str | pathlib.Path) -> List[Dict[str, Any]]:
    """The data file `prop1(figure=PREFIX)` writes (PREFIX.dat, prop1/figure.hpp), in its
    order: one dict per block, {"name", "label", "beta1", "beta2", "r1", "r2", "train",
    "test"} (numpy arrays; r = beta - beta*). Names: gf_path, annealed_gd, annealed_flow,
    stopping_ellipse, train_contour, zoom_train_contour, test_contour (several of each
    contour) and markers (beta_0, beta*, GF end, annealed end)."""
    import numpy as np

    blocks: List[Dict[str, Any]] = []
    columns = ("beta1", "beta2", "r1", "r2", "train", "test")
    rows: List[List[float]] = []

    def close():
        if blocks:
            a = np.array(rows, dtype=float).reshape(-1, 6)
            blocks[-1].update({c: a[:, i] for i, c in enumerate(columns)})

    for line in pathlib.Path(path).read_text().splitlines():
        if line.startswith("# block "):
            close()
            name, _, label = line.split(": ", 1)[1].partition(" ")
            blocks.append({"name": name, "label": label})
            rows = []
        elif line.strip() and not line.startswith("#"):
            rows.append([float(x) for x in line.split()])
    close()
    return blocks
