/**
 * What negotiators and constituents gain (docs/MODEL.md section 3 and 6): the negotiators'
 * ideal points, every candidate's gain to each negotiator, and the record's gains at a
 * ratified agreement.
 * @module
 */

import { medianConstituent } from '../model/profile.ts';
import { addConsultationStake } from './consultation.ts';
import { addMotives } from './motives.ts';
import type { GameRecord } from './record.ts';
import type { GameState } from './state.ts';

function coordinate(v: number | number[], d: number): number {
  return typeof v === 'number' ? v : v[d]!;
}

/**
 * Places every chief negotiator (spatial form): his ideal point `v^N_i` (the scenario's, or
 * by default his country's median constituent as drawn) and his loss at no agreement
 * `|q_i - v^N_i|^2`.
 *
 * @param s the game state, its Level II drawn
 * @example
 * placeNegotiators(state); // state.negotiatorIdeal = the medians by default
 */
export function placeNegotiators(s: GameState) {
  const { N, D, scenario, levelII } = s;
  if (scenario.form !== 'spatial') return;
  for (let k = 0; k < N; k++) {
    const ideal = scenario.countries[k]!.negotiator.ideal;
    const q = levelII.truth[k]!.reversion;
    let loss = 0;
    for (let d = 0; d < D; d++) {
      const v = ideal === undefined ? levelII.median[k * D + d]! : coordinate(ideal, d);
      s.negotiatorIdeal[k * D + d] = v;
      loss += (q[d]! - v) ** 2;
    }
    s.noAgreementLoss[k] = loss;
  }
}

/**
 * Fills `table.gain[i][c]`: negotiator `i`'s utility at candidate `c` minus at no agreement,
 * `|q_i - v^N_i|^2 - |x_c - v^N_i|^2` (divide form: his country's share of `x_c`), plus his
 * motives beyond policy when he has them (`motives.ts`) and the standing his consultation
 * puts at stake (`consultation.ts`).
 *
 * @param s the game state, its candidates built
 * @example
 * measureCandidateGains(state); // state.table.gain[0][c] for every candidate c
 */
export function measureCandidateGains(s: GameState) {
  const { N, D, table, scenario } = s;
  const { count, candidates } = table;
  for (let i = 0; i < N; i++) {
    const out = table.gain[i]!;
    if (scenario.form === 'divide') {
      for (let c = 0; c < count; c++) out[c] = i === 0 ? candidates[c]! : 1 - candidates[c]!;
      continue;
    }
    const base = s.noAgreementLoss[i]!;
    if (D === 1) {
      // the sum below with one term: 0 + y is y (every square is >= +0)
      const v = s.negotiatorIdeal[i]!;
      for (let c = 0; c < count; c++) out[c] = base - (candidates[c]! - v) ** 2;
      continue;
    }
    const ideal = s.negotiatorIdeal;
    for (let c = 0; c < count; c++) {
      let loss = 0;
      for (let d = 0; d < D; d++) loss += (candidates[c * D + d]! - ideal[i * D + d]!) ** 2;
      out[c] = base - loss;
    }
  }
  for (let i = 0; i < N; i++) {
    addMotives(s, i);
    addConsultationStake(s, i);
  }
}

/**
 * Writes the gains of the median constituents and of the negotiators at the ratified
 * agreement into the record (see `GameRecord.medianGain`, `negotiatorGain`): the median is
 * re-measured where reverberation moved Level II, else the one as drawn.
 *
 * @param s the game state
 * @param record the game's record, its agreement set
 * @example
 * measureGains(state, record); // record.medianGain, record.negotiatorGain
 */
export function measureGains(s: GameState, record: GameRecord) {
  const { N, D, parties, levelII } = s;
  const x = record.agreement;
  const median = s.scratch.median;
  for (let k = 0; k < N; k++) {
    const p = levelII.truth[k]!;
    if (parties.eta[k]! > 0) medianConstituent(p, median, s.scratch.medianScratch);
    else for (let d = 0; d < D; d++) median[d] = levelII.median[k * D + d]!;
    if (p.form === 'divide') {
      const share = p.side === 0 ? x[0]! : 1 - x[0]!;
      record.medianGain[k] = share - median[0]!;
      record.negotiatorGain[k] = share;
      continue;
    }
    let medianGain = 0;
    let negotiatorLoss = 0;
    for (let d = 0; d < D; d++) {
      const m = median[d]!;
      const salience = levelII.salience[k * D + d]!;
      medianGain += salience * ((p.reversion[d]! - m) ** 2 - (x[d]! - m) ** 2);
      negotiatorLoss += (x[d]! - s.negotiatorIdeal[k * D + d]!) ** 2;
    }
    record.medianGain[k] = medianGain;
    record.negotiatorGain[k] = s.noAgreementLoss[k]! - negotiatorLoss;
  }
}
