// Coq certificates (certificate.hpp). The file's layout, in order: the instance as
// exact reals, the blocks S̄, P, Q as firstn/skipn of the coordinate list, the two
// stopping-time brackets (proved by coq-interval at their dyadic ends), then one
// theorem per conclusion, each an instance of a library theorem of coq/Lemma2.v or
// (for (G) and F2) coq-interval on the bracket.
#include "annealcheck/coq/certificate.hpp"

#include "annealcheck/interval/mpfi_ops.hpp"
#include "annealcheck/interval/stopping_bracket.hpp"
#include "annealcheck/io/input_error.hpp"
#include "annealcheck/limits.hpp"

#include <fmt/format.h>
#include <gmp.h>
#include <mpfr.h>

#include <algorithm>
#include <sstream>

namespace annealcheck::coq {
namespace {

using numeric::Rational;

void check_K(long K, const std::string& field) {
  if (K < 0 || K > limits::kMaxCertifiedK)
    throw InputError(field, std::to_string(K),
                     "0.." + std::to_string(limits::kMaxCertifiedK) + " for a Coq certificate (K is written as a unary nat)");
}
constexpr unsigned kDigits = 77;  // mpfi256: 257 bits, far above coq-interval's 80
using I = interval::Mpfi<kDigits>;
using Traits = numeric::number_traits<I>;

// Bits of the bracket ends written to the .v file, and the half-width of the
// bracket relative to max(|T|, 1): wide enough that L̂ − ε at the ends is ~2^-30
// relative, which coq-interval's 80-bit arithmetic decides with 2^50 to spare.
constexpr mpfr_prec_t kEndBits = 40;
constexpr long kHalfWidthLog2 = -30;
constexpr const char* kPrec = "80";

using Mpfr = interval::ScopedMpfr;

Rational to_rational(mpfr_srcptr x) {
  Rational q;
  mpfr_get_q(q.get(), x);
  return q;
}

I enc(const Rational& q) { return Traits::from_rational(q); }

struct Bracket {
  Rational lo, hi;
};

// A bracket [lo, hi] of the root of Σ w_i e^{−r_i t} = ε (E4) with dyadic ends of
// kEndBits bits, both signs proved by MPFI. Requires Σ w_i > ε.
Bracket stop_bracket(const std::vector<I>& w, const std::vector<I>& r, const I& eps, const std::string& what) {
  const interval::StoppingBracket<kDigits> sb(w, r, eps);
  Mpfr zero(64);
  mpfr_set_zero(zero.v, 1);
  const auto tight = sb.certify(zero.v);
  if (!tight) throw Unprovable("no certified bracket of the " + what + " stopping time");
  const mpfr_prec_t p = mpfr_get_prec(interval::left(*tight));
  Mpfr mid(p + 2), h(64), lo(kEndBits), hi(kEndBits);
  mpfr_add(mid.v, interval::left(*tight), interval::right(*tight), MPFR_RNDN);
  mpfr_mul_2si(mid.v, mid.v, -1, MPFR_RNDN);
  mpfr_abs(h.v, mid.v, MPFR_RNDU);
  if (mpfr_cmp_ui(h.v, 1) < 0) mpfr_set_ui(h.v, 1, MPFR_RNDN);
  mpfr_mul_2si(h.v, h.v, kHalfWidthLog2, MPFR_RNDU);
  mpfr_sub(lo.v, mid.v, h.v, MPFR_RNDD);
  mpfr_add(hi.v, mid.v, h.v, MPFR_RNDU);
  if (mpfr_sgn(lo.v) < 0) mpfr_set_zero(lo.v, 1);
  if (sb.sign_at(lo.v) != interval::Sign3::Positive || sb.sign_at(hi.v) != interval::Sign3::Negative)
    throw Unprovable("the " + what + " stopping-time bracket's end signs could not be proved");
  return {to_rational(lo.v), to_rational(hi.v)};
}

I span_of(const Bracket& b) {
  Mpfr lo(kEndBits + 2), hi(kEndBits + 2);
  mpfr_set_q(lo.v, b.lo.get(), MPFR_RNDN);  // exact: the ends have kEndBits bits
  mpfr_set_q(hi.v, b.hi.get(), MPFR_RNDN);
  return interval::span<kDigits>(lo.v, hi.v);
}

// Σ_i weight_i δ_i(0)² e^{−4γ_i t} over an interval of t: L̂ (weight γ) or L_D (weight λ).
I loss_on(const Instance& in, const I& t, bool population) {
  using std::exp;
  I s = numeric::from_int<I>(0);
  for (const Coordinate& c : in.coords)
    s += enc((population ? c.l : c.g) * c.d0sq) * exp(-(enc(Rational(4) * c.g) * t));
  return s;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s.append(sep);
    s.append(v[i]);
  }
  return s;
}

// `name : forall T, L^(T) = eps -> L_D(T) >= scale * min_{S̄} λ/γ`, by coq-interval on
// the stopping-time bracket at S̄'s coordinate j (the minimiser), then min <= ratio j.
std::string lower_bound_theorem(const std::string& name, const std::string& scale, std::size_t j) {
  return fmt::format(
      "Theorem {0} : forall T, lhat coords T = eps -> ld coords T >= {1} * min_over ratio Sbar.\n"
      "Proof.\n  intros T HT. pose proof (gf_stop_bracket T HT) as HB.\n"
      "  assert (Hm : min_over ratio Sbar <= ratio (nth {2} Sbar (0, 0, 0)))\n"
      "    by (apply min_over_le, nth_In; cbv [Sbar coords skipn length]; lia).\n"
      "  assert (Hpos : 0 <= {1}) by (unfold alpha, eps; lra).\n"
      "  pose proof (Rmult_le_compat_l _ _ _ Hpos Hm).\n"
      "  assert (ld coords T >= {1} * ratio (nth {2} Sbar (0, 0, 0))).\n"
      "  {{ unfold T_lo, T_hi in HB. expand. interval with (i_bisect T, i_prec {3}). }}\n"
      "  lra.\nQed.\n",
      name, scale, j, kPrec);
}

}  // namespace

std::string coq_real(const Rational& q) {
  const std::string s = q.str();
  const auto slash = s.find('/');
  if (slash == std::string::npos) return q.sign() < 0 ? fmt::format("({})", s) : s;
  return fmt::format("({} / {})", s.substr(0, slash), s.substr(slash + 1));
}

Instance from_spec(const model::InstanceSpec& spec) {
  Instance in;
  in.title = spec.source;
  for (std::size_t i = 0; i < spec.dim(); ++i) {
    const Rational& g = spec.gamma[i].value;
    if (g.sign() <= 0)
      throw InputError("gamma[" + std::to_string(i) + "]", spec.gamma[i].text,
                       "gamma_i > 0 for a certificate (with gamma_i = 0, min lambda/gamma is infinite)");
    const Rational& d = spec.delta0[i].value;
    in.coords.push_back({coq_real(g), coq_real(spec.lambda[i].value), coq_real(d), g, spec.lambda[i].value, d * d});
  }
  if (spec.eta && !(spec.eta->value * spec.gamma[0].value == Rational(1)))
    throw InputError("eta", spec.eta->text, "1/gamma_1 (the certificate's (A), (P3)-(P5) are for eta = 1/gamma_1)");
  check_K(spec.K, "K");
  in.k = spec.k;
  in.alpha = spec.alpha.value;
  in.eps = spec.eps.value;
  in.alpha_text = spec.alpha.text;
  in.eps_text = spec.eps.text;
  in.K = spec.K;
  return in;
}

Instance prop1_case21(const Rational& alpha, const Rational& eps, long K, const std::string& alpha_text,
                      const std::string& eps_text) {
  check_K(K, "--K");
  Instance in;
  in.title = "Proposition 1, case (2,1) (SPEC section 4): delta(0) = -beta* = -100/sqrt(alpha) (1, 1)";
  const Rational d0sq = Rational(10000) / alpha;  // (100/√α)², exactly
  for (const Rational& g : {Rational(2, 3), Rational(1, 3)})
    in.coords.push_back({coq_real(g), "(1 / 2)", "(- (100 / sqrt alpha))", g, Rational(1, 2), d0sq});
  in.k = 2;
  in.alpha = alpha;
  in.eps = eps;
  in.alpha_text = alpha_text;
  in.eps_text = eps_text;
  in.K = K;
  return in;
}

// What the certificate states, computed and first proved here with MPFI (everything
// coq-interval will be asked): the P/Q split, j* = argmin over S̄ of λ/γ, the two brackets.
struct Plan {
  std::size_t d = 0, p = 0, jstar = 0;
  Bracket gf, an;
};

Plan plan(const Instance& in, Goal goal) {
  Plan pl;
  const std::size_t d = pl.d = in.coords.size();
  if (d < 2 || in.k < 2 || in.k > d) throw Unprovable("a certificate needs d >= 2 and k in 2..d");
  const Rational& g1 = in.coords[0].g;
  // P := {i : γ_i = γ_1} (a prefix: γ sorted descending), Q the rest; j* := argmin_{S̄} λ/γ.
  std::size_t& p = pl.p;
  while (p < d && in.coords[p].g == g1) ++p;
  std::size_t& jstar = pl.jstar = in.k - 1;
  for (std::size_t j = in.k - 1; j < d; ++j)
    if (in.coords[j].l / in.coords[j].g < in.coords[jstar].l / in.coords[jstar].g) jstar = j;
  const Rational min_ratio = in.coords[jstar].l / in.coords[jstar].g;

  // Everything coq-interval will be asked, first proved here with MPFI.
  const I eps = enc(in.eps);
  std::vector<I> w, r, wK;
  Rational loss0(0), top0(0);
  for (std::size_t i = 0; i < d; ++i) {
    const Coordinate& c = in.coords[i];
    w.push_back(enc(c.g * c.d0sq));
    r.push_back(enc(Rational(4) * c.g));
    const Rational factor = Rational(1) - Rational(2) * c.g / g1;  // (E5) with η = 1/γ_1
    wK.push_back(enc(c.g * c.d0sq) * interval::pow_uint(enc(factor * factor), static_cast<unsigned long>(in.K)));
    loss0 = loss0 + c.g * c.d0sq;
    if (i < p) top0 = top0 + c.g * c.d0sq;
  }
  if (!(loss0 > in.eps)) throw Unprovable("L^(delta(0)) <= eps: gradient flow stops at T = 0, nothing to certify");
  if (!(top0 > in.eps))
    throw Unprovable("(C1') fails: sum_P gamma_1 delta_i(0)^2 <= eps, so GD may stop early and (A), (P5) are not the certificate's");
  const Bracket& gf = pl.gf = stop_bracket(w, r, eps, "gradient-flow");
  pl.an = stop_bracket(wK, r, eps, "annealed (after K GD steps)");
  const I ld_gf = loss_on(in, span_of(gf), true);
  const I g_margin = ld_gf - (numeric::from_int<I>(1) - enc(in.alpha)) * eps * enc(min_ratio);
  if (!interval::certainly_positive(g_margin))
    throw Unprovable("(G) could not be proved on the stopping-time bracket: L_D - (1 - alpha) eps min lambda/gamma = " +
                     Traits::str(g_margin, 8));
  const I f2_margin = ld_gf - eps * enc(min_ratio);
  if (goal == Goal::ClaimF2 && !interval::certainly_nonnegative(f2_margin))
    throw Unprovable(interval::certainly_negative(f2_margin)
                         ? "F2's claim (G without the factor 1 - alpha) is FALSE on this instance: L_D - eps min lambda/gamma = " +
                               Traits::str(f2_margin, 8) + " < 0 on the whole stopping-time bracket; its negation is certified by `replay REPORT --coq`"
                         : "F2's claim could not be decided on the bracket");
  if (goal == Goal::RefuteF2 && !interval::certainly_negative(f2_margin))
    throw Unprovable("F2's claim is not refuted on this instance: L_D - eps min lambda/gamma = " + Traits::str(f2_margin, 8));

  return pl;
}

// The file's header and the instance's exact definitions.
void write_definitions(std::ostringstream& o, const Instance& in, const Plan& pl) {
  const std::size_t d = pl.d, p = pl.p;
  const Bracket &gf = pl.gf, &an = pl.an;
  std::vector<std::string> rows;
  for (const Coordinate& c : in.coords) rows.push_back(fmt::format("({}, {}, {})", c.gamma, c.lambda, c.delta0));
  o << "(* Coq certificate of Lemma 2's conclusions (SPEC section 3), written by `annealcheck certify`.\n"
    << "   " << in.title << "\n"
    << "   alpha = " << in.alpha_text << ", eps = " << in.eps_text << ", K = " << in.K << ", k = " << in.k << ", d = " << d << ".\n"
    << "   Check with: coqc -R coq Annealcheck THIS.v   (coq/Lemma2.v compiled first; docs/coq.md).\n"
    << "   Every number below is exact; the theorems hold for EVERY T with L^(T) = eps. *)\n"
    << "From Coq Require Import Reals List Lra Lia.\nFrom Interval Require Import Tactic.\nFrom Annealcheck Require Import Lemma2.\n"
    << "Import ListNotations.\nOpen Scope R_scope.\n\n"
    << "Definition alpha : R := " << coq_real(in.alpha) << ".\n"
    << "Definition eps : R := " << coq_real(in.eps) << ".\n"
    << "Definition K : nat := " << in.K << "%nat.\n"
    << "(* (gamma_i, lambda_i, delta_i(0)), gamma sorted descending *)\n"
    << "Definition coords : list coord := [\n  " << join(rows, ";\n  ") << "].\n"
    << "Definition Sbar := skipn " << in.k - 1 << " coords.  (* the small eigenvalues k..d *)\n"
    << "Definition g1 : R := gam (hd (0, 0, 0) coords).\n"
    << "Definition eta : R := 1 / g1.  (* the step of (A) *)\n"
    << "Definition P := firstn " << p << " coords.  (* gamma_i = gamma_1 *)\n"
    << "Definition Q := skipn " << p << " coords.\n"
    << "Definition T_lo : R := " << coq_real(gf.lo) << ".\nDefinition T_hi : R := " << coq_real(gf.hi) << ".\n"
    << "Definition TA_lo : R := " << coq_real(an.lo) << ".\nDefinition TA_hi : R := " << coq_real(an.hi) << ".\n\n";
}

// The brackets of both stops, (G), (A.1), (A) and (P3)-(P5), proved for every T with L^(T) = eps.
void write_theorems(std::ostringstream& o, const Instance& in, const Plan& pl) {
  const std::size_t jstar = pl.jstar;
  // Everything `expand` unfolds before coq-interval or lra sees a goal.
  static const std::vector<std::string> names = {"coords", "alpha", "eps", "K", "g1", "eta", "T_lo", "T_hi", "TA_lo", "TA_hi",
                                          "Sbar", "P", "Q", "lhat", "ld", "gam", "lam", "del", "fst", "snd", "hd",
                                          "map", "gd_closed", "ratio", "ratio_to", "nth", "firstn", "skipn"};;
  o << "Ltac expand := cbv [" << join(names, " ") << "].\n"
    << "Ltac each := repeat (apply Forall_cons; [expand; lra|]); apply Forall_nil.\n\n"
    << "Lemma split_PQ : coords = P ++ Q. Proof. reflexivity. Qed.\n"
    << "Lemma gam_nonneg : nonneg_gam coords. Proof. unfold nonneg_gam. each. Qed.\n"
    << "Lemma Q_gam : nonneg_gam Q. Proof. unfold nonneg_gam. each. Qed.\n"
    << "Lemma Q_lam : nonneg_lam Q. Proof. unfold nonneg_lam. each. Qed.\n"
    << "Lemma g1_pos : 0 < g1. Proof. expand. lra. Qed.\n"
    << "Lemma top_eq : Forall (fun c => gam c = g1) P. Proof. each. Qed.\n"
    << "Lemma top : top_block eta P.\nProof. unfold top_block. repeat (apply Forall_cons; [expand; field|]); apply Forall_nil. Qed.\n\n"
    << "(* The gradient-flow stop (E4): every T with L^(T) = eps lies in (T_lo, T_hi), and one exists. *)\n"
    << "Lemma gf_lo : lhat coords T_lo > eps. Proof. expand. interval with (i_prec " << kPrec << "). Qed.\n"
    << "Lemma gf_hi : lhat coords T_hi < eps. Proof. expand. interval with (i_prec " << kPrec << "). Qed.\n"
    << "Theorem gf_stop_bracket : forall T, lhat coords T = eps -> T_lo < T < T_hi.\n"
    << "Proof. intros T. apply stop_in_bracket; [exact gam_nonneg | exact gf_lo | exact gf_hi]. Qed.\n"
    << "Theorem gf_stop_exists : exists T, lhat coords T = eps.\n"
    << "Proof. destruct (stop_exists coords T_lo T_hi eps gf_lo gf_hi) as [T [_ H]]; [unfold T_lo, T_hi; lra | now exists T]. Qed.\n\n"
    << "(* (G) at the gradient-flow stop. *)\n"
    << lower_bound_theorem("G_cert", "(1 - alpha) * eps", jstar - (in.k - 1)) << "\n"
    << "(* The annealed stop: gradient flow from delta(K) (E5) until L^ = eps. *)\n"
    << "Lemma an_lo : lhat (gd eta K coords) TA_lo > eps.\nProof. rewrite gd_closed_form. expand. interval with (i_prec " << kPrec << "). Qed.\n"
    << "Lemma an_hi : lhat (gd eta K coords) TA_hi < eps.\nProof. rewrite gd_closed_form. expand. interval with (i_prec " << kPrec << "). Qed.\n"
    << "Theorem an_stop_bracket : forall T, lhat (gd eta K coords) T = eps -> TA_lo < T < TA_hi.\n"
    << "Proof.\n  intros T. apply stop_in_bracket; [|exact an_lo | exact an_hi].\n"
    << "  rewrite gd_closed_form. unfold nonneg_gam. rewrite Forall_map. exact gam_nonneg.\nQed.\n"
    << "Theorem an_stop_exists : exists T, lhat (gd eta K coords) T = eps.\n"
    << "Proof. destruct (stop_exists _ TA_lo TA_hi eps an_lo an_hi) as [T [_ H]]; [unfold TA_lo, TA_hi; lra | now exists T]. Qed.\n\n"
    << "(* (A.1) and (A) at the annealed stop. *)\n"
    << "Theorem A1_cert : forall T, lhat (gd eta K coords) T = eps ->\n"
    << "  ld (gd eta K coords) T <= eps * max_of (ratio_to g1) P + ld (gd eta K Q) 0.\n"
    << "Proof.\n  intros T HT. pose proof (an_stop_bracket T HT) as HB. rewrite split_PQ in *.\n"
    << "  apply (A1 eta g1 P Q K T eps g1_pos top_eq Q_gam Q_lam); [unfold TA_lo in HB; lra | exact HT].\nQed.\n"
    << "Theorem A_cert : forall T, lhat (gd eta K coords) T = eps ->\n"
    << "  ld (gd eta K coords) T <= eps * max_of (ratio_to g1) P + contraction eta Q ^ K * ld Q 0.\n"
    << "Proof.\n  intros T HT. pose proof (an_stop_bracket T HT) as HB. rewrite split_PQ in *.\n"
    << "  apply (A eta g1 P Q K T eps g1_pos top_eq Q_gam Q_lam); [unfold TA_lo in HB; lra | exact HT].\nQed.\n\n"
    << "(* (P3)-(P5) at every GD step t (in particular t = 0..K). *)\n"
    << "Theorem P3_cert : forall t, gd eta (S t) P = map (fun c => (gam c, lam c, - del c)) (gd eta t P).\n"
    << "Proof. intros t. exact (P3 eta P t top). Qed.\n"
    << "Theorem P4_cert : forall t i c0, (i < length Q)%nat ->\n"
    << "  del (nth i (gd eta t Q) c0) ^ 2 <= contraction eta Q ^ t * del (nth i Q c0) ^ 2.\n"
    << "Proof. intros t i c0. apply P4. Qed.\n"
    << "Lemma top_loss : lhat P 0 > eps. Proof. expand. interval with (i_prec " << kPrec << "). Qed.\n"
    << "Theorem P5_cert : forall t, eps < lhat P 0 <= lhat (gd eta t coords) 0.\n"
    << "Proof. intros t. split; [exact top_loss|]. rewrite split_PQ. exact (P5 eta P Q t top Q_gam). Qed.\n";
}

// F2 (G without 1 - alpha): its negation proved, or the claim stated (and then rejected by coqc).
void write_f2(std::ostringstream& o, const Instance& in, const Plan& pl, Goal goal) {
  const std::size_t jstar = pl.jstar;
  if (goal != Goal::Conclusions) {
    const std::string j = std::to_string(jstar - (in.k - 1));
    const bool refute = goal == Goal::RefuteF2;
    o << "\n(* F2 (SPEC section 3 notes; falsify.f2-g-without-one-minus-alpha): (G) WITHOUT the factor (1 - alpha). *)\n";
    if (refute)
      o << "Theorem F2_negation : forall T, lhat coords T = eps -> ld coords T < eps * min_over ratio Sbar.\n"
        << "Proof.\n  intros T HT. pose proof (gf_stop_bracket T HT) as HB.\n"
        << "  assert (Hm : ratio (nth " << j << " Sbar (0, 0, 0)) <= min_over ratio Sbar).\n"
        << "  { apply min_over_ge; [cbv [Sbar coords skipn]; discriminate | cbv [Sbar]; each]. }\n"
        << "  assert (Hpos : 0 <= eps) by (unfold eps; lra).\n  pose proof (Rmult_le_compat_l _ _ _ Hpos Hm).\n"
        << "  assert (ld coords T < eps * ratio (nth " << j << " Sbar (0, 0, 0))).\n"
        << "  { unfold T_lo, T_hi in HB. expand. interval with (i_bisect T, i_prec " << kPrec << "). }\n"
        << "  lra.\nQed.\n"
        << "Theorem F2_refuted : exists T, lhat coords T = eps /\\ ld coords T < eps * min_over ratio Sbar.\n"
        << "Proof. destruct gf_stop_exists as [T HT]. exists T. split; [exact HT | apply F2_negation, HT]. Qed.\n";
    else
      o << lower_bound_theorem("F2_claim", "eps", jstar - (in.k - 1));
  }
}

std::string certificate(const Instance& in, Goal goal) {
  const Plan pl = plan(in, goal);
  std::ostringstream o;
  write_definitions(o, in, pl);
  write_theorems(o, in, pl);
  write_f2(o, in, pl, goal);
  return o.str();
}

}  // namespace annealcheck::coq
