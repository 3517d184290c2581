(* Annealcheck.Lemma2 — the general facts a generated certificate instantiates
   (docs: docs/coq.md; labels are /work/shared/SPEC.md's).

   An instance is a finite list of coordinates (gamma_i, lambda_i, delta_i(0)) of reals.
   Proved here once, for every such list:
   - L̂ and L_D along gradient flow (E1, E2, E4) as finite sums of exponentials;
     L̂ is non-increasing in t when every gamma_i >= 0 ([lhat_antitone]), strictly
     decreasing when moreover some gamma_i delta_i(0)^2 > 0 with gamma_i > 0
     ([lhat_strict]), and continuous ([lhat_continuous]); so L̂(T) = eps puts T inside any
     bracket [lo, hi] with L̂(lo) > eps > L̂(hi) ([stop_in_bracket]), and such a T exists
     ([stop_exists]).
   - gradient descent (E5) as iteration of one step and its closed form ([gd_closed_form]);
     the split of the coordinates into P ++ Q (or S ++ S̄) commutes with the dynamics and
     the losses are sums over the blocks ([gd_app], [lhat_app], [ld_app]);
   - (P3), (P4), (P5), (A.1) and (A) for eta with 1 - 2 eta gamma_i = -1 on P.
   No axiom beyond those of Coq.Reals. *)
From Coq Require Import Reals List Lra.
Import ListNotations.
Open Scope R_scope.

Definition coord : Type := (R * R * R)%type.
Definition gam (c : coord) : R := fst (fst c).
Definition lam (c : coord) : R := snd (fst c).
Definition del (c : coord) : R := snd c.

(* (E1)+(E4): train loss at time t of gradient flow started at delta(0). *)
Fixpoint lhat (cs : list coord) (t : R) : R :=
  match cs with
  | [] => 0
  | c :: r => gam c * del c ^ 2 * exp (- (4 * gam c * t)) + lhat r t
  end.

(* (E2)+(E4): population loss at time t of gradient flow. *)
Fixpoint ld (cs : list coord) (t : R) : R :=
  match cs with
  | [] => 0
  | c :: r => lam c * del c ^ 2 * exp (- (4 * gam c * t)) + ld r t
  end.

Lemma lhat_app P Q t : lhat (P ++ Q) t = lhat P t + lhat Q t.
Proof. induction P as [|c P IH]; simpl; [ring | rewrite IH; ring]. Qed.

Lemma ld_app P Q t : ld (P ++ Q) t = ld P t + ld Q t.
Proof. induction P as [|c P IH]; simpl; [ring | rewrite IH; ring]. Qed.

Definition nonneg_gam (cs : list coord) := Forall (fun c => 0 <= gam c) cs.
Definition nonneg_lam (cs : list coord) := Forall (fun c => 0 <= lam c) cs.

Lemma exp_antitone g a b : 0 <= g -> a <= b -> exp (- (4 * g * b)) <= exp (- (4 * g * a)).
Proof.
  intros Hg Hab. destruct (Rle_lt_or_eq_dec _ _ (Rmult_le_compat_l (4 * g) _ _ ltac:(lra) Hab)) as [H|H].
  - left. apply exp_increasing. lra.
  - rewrite H. lra.
Qed.

Lemma lhat_nonneg cs t : nonneg_gam cs -> 0 <= lhat cs t.
Proof.
  induction 1 as [|c r Hc _ IH]; simpl; [lra|].
  assert (0 <= gam c * del c ^ 2 * exp (- (4 * gam c * t))).
  { apply Rmult_le_pos; [apply Rmult_le_pos; [exact Hc | apply pow2_ge_0] | left; apply exp_pos]. }
  lra.
Qed.

Lemma ld_nonneg cs t : nonneg_lam cs -> 0 <= ld cs t.
Proof.
  induction 1 as [|c r Hc _ IH]; simpl; [lra|].
  assert (0 <= lam c * del c ^ 2 * exp (- (4 * gam c * t))).
  { apply Rmult_le_pos; [apply Rmult_le_pos; [exact Hc | apply pow2_ge_0] | left; apply exp_pos]. }
  lra.
Qed.

(* L̂ along gradient flow is non-increasing (every term is). *)
Lemma lhat_antitone cs a b : nonneg_gam cs -> a <= b -> lhat cs b <= lhat cs a.
Proof.
  intros H Hab. induction H as [|c r Hc _ IH]; simpl; [lra|].
  assert (gam c * del c ^ 2 * exp (- (4 * gam c * b)) <= gam c * del c ^ 2 * exp (- (4 * gam c * a))).
  { apply Rmult_le_compat_l; [apply Rmult_le_pos; [exact Hc | apply pow2_ge_0] | apply exp_antitone; assumption]. }
  lra.
Qed.

(* L_D along gradient flow is non-increasing too when every lambda_i >= 0. *)
Lemma ld_antitone cs a b : nonneg_gam cs -> nonneg_lam cs -> a <= b -> ld cs b <= ld cs a.
Proof.
  intros Hg Hl Hab. induction Hg as [|c r Hc Hr IH]; simpl; [lra|]. inversion Hl as [|x y Hlc Hlr]; subst.
  assert (lam c * del c ^ 2 * exp (- (4 * gam c * b)) <= lam c * del c ^ 2 * exp (- (4 * gam c * a))).
  { apply Rmult_le_compat_l; [apply Rmult_le_pos; [exact Hlc | apply pow2_ge_0] | apply exp_antitone; assumption]. }
  specialize (IH Hlr). lra.
Qed.

(* ... and strictly decreasing once one term has a positive rate and weight. *)
Lemma lhat_strict cs a b : nonneg_gam cs -> Exists (fun c => 0 < gam c /\ 0 < gam c * del c ^ 2) cs ->
  a < b -> lhat cs b < lhat cs a.
Proof.
  intros H Hex Hab. induction Hex as [c r [Hg Hw]|c r _ IH]; inversion H as [|c' r' Hc Hr]; subst; simpl.
  - assert (gam c * del c ^ 2 * exp (- (4 * gam c * b)) < gam c * del c ^ 2 * exp (- (4 * gam c * a))).
    { apply Rmult_lt_compat_l; [exact Hw | apply exp_increasing]. apply Ropp_lt_contravar.
      apply Rmult_lt_compat_l; lra. }
    pose proof (lhat_antitone r a b Hr ltac:(lra)). lra.
  - assert (gam c * del c ^ 2 * exp (- (4 * gam c * b)) <= gam c * del c ^ 2 * exp (- (4 * gam c * a))).
    { apply Rmult_le_compat_l; [apply Rmult_le_pos; [exact Hc | apply pow2_ge_0] | apply exp_antitone; lra]. }
    specialize (IH Hr). lra.
Qed.

Lemma lhat_continuous cs : continuity (lhat cs).
Proof.
  induction cs as [|c r IH]; simpl.
  - apply continuity_const. intros x y. reflexivity.
  - apply continuity_plus; [|exact IH].
    apply continuity_mult; [apply continuity_const; intros x y; reflexivity|].
    apply (continuity_comp (fun t => - (4 * gam c * t)) exp).
    + apply continuity_opp. apply continuity_mult; [apply continuity_const; intros x y; reflexivity | apply derivable_continuous, derivable_id].
    + apply derivable_continuous, derivable_exp.
Qed.

(* Every T with L̂(T) = eps lies strictly inside a bracket proved at its ends. *)
Lemma stop_in_bracket cs lo hi eps T : nonneg_gam cs -> lhat cs lo > eps -> lhat cs hi < eps ->
  lhat cs T = eps -> lo < T < hi.
Proof.
  intros H Hlo Hhi HT. split.
  - destruct (Rlt_or_le lo T) as [|Hle]; [assumption|].
    pose proof (lhat_antitone cs T lo H Hle). lra.
  - destruct (Rlt_or_le T hi) as [|Hle]; [assumption|].
    pose proof (lhat_antitone cs hi T H Hle). lra.
Qed.

(* ... and such a T exists (intermediate values), so no conclusion below is vacuous. *)
Lemma stop_exists cs lo hi eps : lhat cs lo > eps -> lhat cs hi < eps -> lo < hi ->
  exists T, lo <= T <= hi /\ lhat cs T = eps.
Proof.
  intros Hlo Hhi Hlh.
  destruct (IVT (fun t => eps - lhat cs t) lo hi) as [z [Hz Hf]].
  - apply continuity_minus; [apply continuity_const; intros x y; reflexivity | apply lhat_continuous].
  - exact Hlh.
  - lra.
  - lra.
  - exists z. split; [exact Hz | lra].
Qed.

(* (E5): one step of gradient descent with step eta, its iteration, its closed form. *)
Definition gd_step (eta : R) (c : coord) : coord := (gam c, lam c, (1 - 2 * eta * gam c) * del c).
Fixpoint gd (eta : R) (n : nat) (cs : list coord) : list coord :=
  match n with O => cs | S n => map (gd_step eta) (gd eta n cs) end.
Definition gd_closed (eta : R) (n : nat) (c : coord) : coord :=
  (gam c, lam c, (1 - 2 * eta * gam c) ^ n * del c).

Lemma gd_closed_form eta n cs : gd eta n cs = map (gd_closed eta n) cs.
Proof.
  induction n as [|n IH]; simpl.
  - induction cs as [|c r IHr]; [reflexivity|]. simpl map. rewrite <- IHr.
    destruct c as [[g l] d]. unfold gd_closed, gam, lam, del; simpl. rewrite Rmult_1_l. reflexivity.
  - rewrite IH, map_map. apply map_ext. intros c. unfold gd_step, gd_closed, gam, lam, del; simpl.
    apply f_equal2; [reflexivity | ring].
Qed.

Lemma gd_app eta n P Q : gd eta n (P ++ Q) = gd eta n P ++ gd eta n Q.
Proof. rewrite !gd_closed_form. apply map_app. Qed.

(* The blocks P (top eigenvalue: 1 - 2 eta gamma = -1) and Q (the rest). *)
Definition top_block (eta : R) (P : list coord) := Forall (fun c => 1 - 2 * eta * gam c = -1) P.

(* (P3): on P one GD step negates every coordinate, so |delta_i| never changes. *)
Theorem P3 eta P t : top_block eta P ->
  gd eta (S t) P = map (fun c => (gam c, lam c, - del c)) (gd eta t P).
Proof.
  intros H. simpl. rewrite gd_closed_form, !map_map. apply map_ext_in. intros c Hin.
  unfold top_block in H. rewrite Forall_forall in H. specialize (H c Hin).
  unfold gd_step, gd_closed, gam, lam, del in *; simpl in *. rewrite H. f_equal. ring.
Qed.

(* max over a block of a quantity; 0 for an empty block (every use is of positive values). *)
Fixpoint max_of (f : coord -> R) (cs : list coord) : R :=
  match cs with [] => 0 | c :: r => Rmax (f c) (max_of f r) end.
Fixpoint min_of (f : coord -> R) (c0 : coord) (cs : list coord) : R :=
  match cs with [] => f c0 | c :: r => Rmin (f c0) (min_of f c r) end.

Lemma max_of_ge f cs c : In c cs -> f c <= max_of f cs.
Proof.
  induction cs as [|c' r IH]; simpl; [tauto|]. intros [<-|Hin].
  - apply Rmax_l.
  - eapply Rle_trans; [apply IH, Hin | apply Rmax_r].
Qed.

Lemma max_of_nonneg f cs : 0 <= max_of f cs.
Proof. induction cs as [|c r IH]; simpl; [lra|]. eapply Rle_trans; [exact IH | apply Rmax_r]. Qed.

Lemma min_of_le f c0 cs c : In c (c0 :: cs) -> min_of f c0 cs <= f c.
Proof.
  revert c0. induction cs as [|c' r IH]; intros c0; simpl.
  - intros [<-|[]]. lra.
  - intros [<-|Hin].
    + apply Rmin_l.
    + eapply Rle_trans; [apply Rmin_r | apply IH, Hin].
Qed.

Lemma min_of_ge f c0 cs m : Forall (fun c => m <= f c) (c0 :: cs) -> m <= min_of f c0 cs.
Proof.
  revert c0. induction cs as [|c' r IH]; intros c0 H; inversion H as [|x y Hc Hr]; subst; simpl; [exact Hc|].
  apply Rmin_glb; [exact Hc | apply IH, Hr].
Qed.

(* c := max over Q of (1 - 2 eta gamma_i)^2, the contraction factor of (A) and (P4). *)
Definition contraction (eta : R) (Q : list coord) := max_of (fun c => (1 - 2 * eta * gam c) ^ 2) Q.

(* (P4): on Q, delta_i(t)^2 <= c^t delta_i(0)^2 at every step t, for every coordinate i. *)
Theorem P4 eta Q t i c0 : (i < length Q)%nat ->
  del (nth i (gd eta t Q) c0) ^ 2 <= contraction eta Q ^ t * del (nth i Q c0) ^ 2.
Proof.
  intros Hi. rewrite gd_closed_form, (nth_indep _ c0 (gd_closed eta t c0)) by (rewrite map_length; exact Hi).
  rewrite map_nth. pose proof (nth_In Q c0 Hi) as Hin. set (c := nth i Q c0) in *.
  change (del (gd_closed eta t c)) with ((1 - 2 * eta * gam c) ^ t * del c).
  rewrite Rpow_mult_distr, <- pow_mult, Nat.mul_comm, pow_mult.
  apply Rmult_le_compat_r; [apply pow2_ge_0|]. apply pow_incr. split; [apply pow2_ge_0|].
  apply (max_of_ge (fun c => (1 - 2 * eta * gam c) ^ 2)). exact Hin.
Qed.

(* (P5): along GD the train loss stays >= the top block's initial train loss. *)
Theorem P5 eta P Q t : top_block eta P -> nonneg_gam Q ->
  lhat P 0 <= lhat (gd eta t (P ++ Q)) 0.
Proof.
  intros HP HQ. rewrite gd_app, lhat_app.
  assert (HQt : nonneg_gam (gd eta t Q)).
  { rewrite gd_closed_form. unfold nonneg_gam in *. rewrite Forall_map. exact HQ. }
  pose proof (lhat_nonneg _ 0 HQt).
  assert (lhat (gd eta t P) 0 = lhat P 0).
  { rewrite gd_closed_form. induction HP as [|c r Hc _ IH]; simpl; [reflexivity|].
    unfold gd_closed, gam, lam, del in *; simpl in *. rewrite Hc, IH.
    assert (Hm : (-1) ^ t * (-1) ^ t = 1) by (rewrite <- Rpow_mult_distr; replace (-1 * -1) with 1 by ring; apply pow1).
    replace ((-1) ^ t * snd c * ((-1) ^ t * snd c * 1)) with (snd c * (snd c * 1)); [reflexivity|].
    transitivity ((-1) ^ t * (-1) ^ t * (snd c * (snd c * 1))); [rewrite Hm; ring | ring]. }
  lra.
Qed.

Definition ratio_to (g1 : R) (c : coord) := lam c / g1.

(* (A.1): after K GD steps, at every T >= 0 where gradient flow reaches train loss eps,
   L_D <= eps * max_{i in P} lambda_i/gamma_1 + sum_{i in Q} lambda_i delta_i(K)^2. *)
Theorem A1 eta g1 P Q K T eps : 0 < g1 -> Forall (fun c => gam c = g1) P -> nonneg_gam Q -> nonneg_lam Q ->
  0 <= T -> lhat (gd eta K (P ++ Q)) T = eps ->
  ld (gd eta K (P ++ Q)) T <= eps * max_of (ratio_to g1) P + ld (gd eta K Q) 0.
Proof.
  intros Hg1 HP HQg HQl HT Heps. rewrite <- Heps. rewrite gd_app, ld_app, lhat_app.
  set (m := max_of (ratio_to g1) P).
  assert (Hm : 0 <= m) by apply max_of_nonneg.
  assert (HPb : ld (gd eta K P) T <= m * lhat (gd eta K P) T).
  { assert (Hrat : forall c, In c (gd eta K P) -> lam c <= m * gam c).
    { intros c Hc. rewrite gd_closed_form in Hc. apply in_map_iff in Hc as [c0 [<- Hc0]].
      unfold gd_closed, gam, lam; simpl. fold (gam c0) (lam c0).
      rewrite Forall_forall in HP. rewrite (HP c0 Hc0).
      pose proof (max_of_ge (ratio_to g1) P c0 Hc0) as Hle. fold m in Hle. unfold ratio_to in Hle.
      apply (Rmult_le_compat_r g1) in Hle; [|lra]. unfold Rdiv in Hle. rewrite Rmult_assoc, Rinv_l in Hle; lra. }
    induction (gd eta K P) as [|c r IH]; simpl; [lra|].
    assert (lam c * del c ^ 2 * exp (- (4 * gam c * T)) <= m * (gam c * del c ^ 2 * exp (- (4 * gam c * T)))).
    { replace (m * (gam c * del c ^ 2 * exp (- (4 * gam c * T)))) with ((m * gam c) * (del c ^ 2 * exp (- (4 * gam c * T)))) by ring.
      replace (lam c * del c ^ 2 * exp (- (4 * gam c * T))) with (lam c * (del c ^ 2 * exp (- (4 * gam c * T)))) by ring.
      apply Rmult_le_compat_r; [apply Rmult_le_pos; [apply pow2_ge_0 | left; apply exp_pos]|].
      apply Hrat. left. reflexivity. }
    specialize (IH (fun c' H' => Hrat c' (or_intror H'))). lra. }
  assert (HQpos : nonneg_gam (gd eta K Q)).
  { rewrite gd_closed_form. unfold nonneg_gam in *. rewrite Forall_map. exact HQg. }
  assert (HQb : ld (gd eta K Q) T <= ld (gd eta K Q) 0).
  { apply ld_antitone; [exact HQpos | | exact HT].
    rewrite gd_closed_form. unfold nonneg_lam in *. rewrite Forall_map. exact HQl. }
  pose proof (lhat_nonneg _ T HQpos).
  assert (m * lhat (gd eta K Q) T >= 0) by (apply Rle_ge, Rmult_le_pos; assumption).
  lra.
Qed.

(* sum_{i in Q} lambda_i delta_i(K)^2 <= c^K sum_{i in Q} lambda_i delta_i(0)^2, from (P4). *)
Lemma tail_contracts eta Q K : nonneg_lam Q -> ld (gd eta K Q) 0 <= contraction eta Q ^ K * ld Q 0.
Proof.
  intros Hl. rewrite gd_closed_form. unfold contraction.
  assert (Hin : forall c, In c Q -> (1 - 2 * eta * gam c) ^ 2 <= max_of (fun c => (1 - 2 * eta * gam c) ^ 2) Q)
    by (intros c Hc; apply (max_of_ge (fun c => (1 - 2 * eta * gam c) ^ 2)), Hc).
  revert Hin. generalize (max_of (fun c => (1 - 2 * eta * gam c) ^ 2) Q) as cc. intros cc Hin.
  induction Hl as [|c r Hc _ IH]; simpl; [lra|].
  replace (- (4 * gam (gd_closed eta K c) * 0)) with 0 by ring. replace (- (4 * gam c * 0)) with 0 by ring.
  rewrite exp_0. replace (- (4 * gam c * 0)) with 0 in IH by ring.
  specialize (IH (fun c' H' => Hin c' (or_intror H'))).
  assert (lam c * ((1 - 2 * eta * gam c) ^ K * del c) ^ 2 <= cc ^ K * (lam c * del c ^ 2)).
  { rewrite Rpow_mult_distr, <- pow_mult, Nat.mul_comm, pow_mult.
    replace (cc ^ K * (lam c * del c ^ 2)) with (lam c * (cc ^ K * del c ^ 2)) by ring.
    apply Rmult_le_compat_l; [exact Hc|]. apply Rmult_le_compat_r; [apply pow2_ge_0|].
    apply pow_incr. split; [apply pow2_ge_0 | apply Hin; left; reflexivity]. }
  change (lam (gd_closed eta K c)) with (lam c). simpl in H. lra.
Qed.

(* (A): the explicit form, (A.1) with the tail bounded by (P4). *)
Theorem A eta g1 P Q K T eps : 0 < g1 -> Forall (fun c => gam c = g1) P -> nonneg_gam Q -> nonneg_lam Q ->
  0 <= T -> lhat (gd eta K (P ++ Q)) T = eps ->
  ld (gd eta K (P ++ Q)) T <= eps * max_of (ratio_to g1) P + contraction eta Q ^ K * ld Q 0.
Proof.
  intros Hg1 HP HQg HQl HT Heps. pose proof (A1 eta g1 P Q K T eps Hg1 HP HQg HQl HT Heps) as HA1.
  pose proof (tail_contracts eta Q K HQl). lra.
Qed.

(* min over a block given as a list (0 for an empty one; (G) uses it on S̄, never empty). *)
Definition min_over (f : coord -> R) (cs : list coord) : R :=
  match cs with [] => 0 | c :: r => min_of f c r end.

Lemma min_over_le f cs c : In c cs -> min_over f cs <= f c.
Proof. destruct cs as [|c0 r]; [intros []|]. apply min_of_le. Qed.

Lemma min_over_ge f cs m : cs <> [] -> Forall (fun c => m <= f c) cs -> m <= min_over f cs.
Proof. destruct cs as [|c0 r]; [congruence|]. intros _. apply min_of_ge. Qed.

Definition ratio (c : coord) := lam c / gam c.
