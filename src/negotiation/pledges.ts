/**
 * Side payments pledged to a tentative agreement (docs/MODEL.md section 4, "Side payments"
 * in the design notes): who pays whom, in which order, and the pledges before the vote.
 * @module
 */

import { type PaymentPlan, planSidePayments } from './sidePayments.ts';
import type { GameState } from './state.ts';

/**
 * Whether negotiator `i` targets country `k` with side payments (a budget, and a target of
 * `own`, `foreign` or `any` that includes `k`).
 *
 * @param s the game state
 * @param i the payer
 * @param k the country
 * @returns true when he may pay `k`'s constituents
 * @example
 * pays(state, 0, 1); // false without a budget
 */
export function pays(s: GameState, i: number, k: number): boolean {
  const { budget, target } = s.parties;
  if (!(budget[i]! > 0)) return false;
  return target[i] === 'any' || (target[i] === 'own') === (i === k);
}

/**
 * Country number `step` in negotiator `i`'s pledge order: his own first, then the others by
 * index.
 *
 * @param i the payer
 * @param step 0, 1, ..., N - 1
 * @returns the country
 * @example
 * pledgeOrder(1, 0); // 1, then pledgeOrder(1, 1) = 0, pledgeOrder(1, 2) = 2
 */
export function pledgeOrder(i: number, step: number): number {
  return step === 0 ? i : step <= i ? step - 1 : step;
}

/**
 * Negotiator `i`'s plan of payments into country `k` for `x` (`planSidePayments` over his
 * particles of `k`), into `payments.scratch[k]`.
 *
 * @param s the game state
 * @param i the payer
 * @param k the country
 * @param x the agreement
 * @param lambda underselling of the margins (his own country, in bargaining: his `lambda`)
 * @param existing payments `k`'s constituents already receive
 * @param budget what he can still spend
 * @returns the plan
 * @example
 * planPledge(state, 0, 0, x, 1, state.payments.none[0], 0.1).cost;
 */
export function planPledge(
  s: GameState,
  i: number,
  k: number,
  x: Float64Array,
  lambda: number,
  existing: Float64Array,
  budget: number,
): PaymentPlan {
  const b = i * s.N + k;
  const { particles, active } = s.beliefs;
  const threshold = s.scenario.protocol.threshold;
  const scratch = s.payments.scratch[k]!;
  return planSidePayments(
    particles[b]!,
    active[b]!,
    x,
    lambda,
    existing,
    budget,
    threshold,
    scratch,
  );
}

/**
 * Before the vote on `x`, each negotiator with a budget (in index order) pledges, country
 * by country in his pledge order, the payments `planSidePayments` plans, adding them to
 * `payments.paid` and his spending to `payments.spent`.
 *
 * @param s the game state, its payments reset for this agreement
 * @param x the tentative agreement
 * @example
 * pledgeSidePayments(state, record.agreement); // state.payments.spent[i]
 */
export function pledgeSidePayments(s: GameState, x: Float64Array) {
  const { N, parties, payments } = s;
  for (let i = 0; i < N; i++) {
    if (!(parties.budget[i]! > 0)) continue;
    let remaining = parties.budget[i]!;
    for (let step = 0; step < N; step++) {
      const k = pledgeOrder(i, step);
      if (!pays(s, i, k)) continue;
      const plan = planPledge(s, i, k, x, 1, payments.paid[k]!, remaining);
      if (plan.cost <= 0) continue;
      const pay = payments.paid[k]!;
      const planned = payments.scratch[k]!.payments;
      for (let j = 0; j < pay.length; j++) pay[j]! += planned[j]!;
      remaining -= plan.cost;
      payments.spent[i]! += plan.cost;
      s.trace?.push({
        type: 'payment',
        payer: i,
        country: k,
        amount: plan.cost,
        recipients: plan.recipients,
      });
    }
  }
}
