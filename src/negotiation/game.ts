/**
 * One two-level game (docs/MODEL.md sections 3 to 6 and 9) as a short loop over its steps,
 * each a function over the game state (`state.ts`): Level II drawn (`levelII.ts`), negotiators
 * placed (`gains.ts`), consult their Level II (`consultation.ts`) and form their beliefs
 * (`beliefs.ts`); then per session the table opens (`table.ts`, `candidates.ts`), talks may be
 * aborted when nobody believes in an agreement (`consultation.ts`), the protocol bargains (`protocols/`), side payments are
 * pledged (`pledges.ts`), every country votes (`ratification.ts`) and, after a failure,
 * negotiators learn and Level I may reopen; a ratified agreement then faces the horizon
 * (`horizon.ts`). The design decisions behind each step are in docs/MODEL.md, "How the game
 * is played".
 * @module
 */

import { shown } from '../errors.ts';
import { copyProfile } from '../model/profile.ts';
import type { Scenario } from '../scenario/schema.ts';
import { detectBluffs } from './announcement.ts';
import { drawBeliefs, learn } from './beliefs.ts';
import { consult, talksOpen } from './consultation.ts';
import { measureGains, placeNegotiators } from './gains.ts';
import { keepOrRenege } from './horizon.ts';
import { drawLevelII } from './levelII.ts';
import { pledgeSidePayments } from './pledges.ts';
import { ProtocolError } from './protocols/protocol.ts';
import { ratify } from './ratification.ts';
import { createRecord, type GameRecord } from './record.ts';
import { createGameState, type GameState } from './state.ts';
import { openSession, Table } from './table.ts';
import type { TraceSink } from './trace.ts';

/** A scenario made ready to play many games: every array allocated once and reused. */
export interface Game {
  readonly scenario: Scenario;
  /**
   * Plays one game with run seed `seed`; with a trace sink, writes every event to it. The
   * record is fresh; the game's arrays are reused by the next call.
   */
  play(seed: string, trace?: TraceSink): GameRecord;
}

/** The protocol's session; a throw of something other than an Error is named as such. */
function bargain(s: GameState, table: Table): number {
  try {
    return s.protocol.bargain(table);
  } catch (error) {
    if (error instanceof Error) throw error;
    throw new ProtocolError(
      s.scenario.protocol.name,
      `bargain threw ${shown(error)}, not an Error`,
    );
  }
}

/**
 * A scenario's game, its state allocated once ({@link createGame}). `play` holds the game's
 * loop itself, not a call of it, so that the JIT compiles one hot function, not two.
 */
class PreparedGame implements Game {
  constructor(
    readonly scenario: Scenario,
    private readonly s: GameState,
    private readonly table: Table,
  ) {}

  /** Plays one game on the state (see the module comment for the steps). */
  play(seed: string, trace: TraceSink | null = null): GameRecord {
    const { s, table } = this;
    const { N, D, levelII, payments } = s;
    const record = createRecord(seed, N, D);
    s.seed = seed;
    s.trace = trace;
    s.table.round = 0;
    drawLevelII(levelII, s.scenario, s.streams.start(seed));
    record.winSetSize.set(levelII.winSetSize);
    record.overlapSize = levelII.overlapSize;
    trace?.push({ type: 'levelII', profiles: levelII.truth.map((p) => copyProfile(p)) });
    placeNegotiators(s);
    s.table.round = consult(s);
    drawBeliefs(s);
    let ratified = false;
    for (let session = 0; ; session++) {
      // without a budget nobody ever pays: the payments stay 0
      if (s.paying) {
        for (let k = 0; k < N; k++) payments.paid[k]!.fill(0);
        payments.spent.fill(0);
      }
      openSession(s, record, session);
      if (session === 0 && s.scenario.protocol.abort === true && !talksOpen(s)) {
        record.outcome = 'aborted';
        break;
      }
      table.beginSession();
      const c = table.agreement(bargain(s, table));
      if (c < 0) {
        if (session === 0) record.outcome = 'no_agreement';
        break;
      }
      const x = record.agreement;
      for (let d = 0; d < D; d++) x[d] = s.table.candidates[c * D + d]!;
      trace?.push({ type: 'tentative', round: s.table.round - 1, x: [...x] });
      pledgeSidePayments(s, x);
      record.sidePayments.set(payments.spent);
      const defector = ratify(s, x, 0, null);
      if (defector < 0) {
        ratified = true;
        break;
      }
      record.outcome = 'involuntary_defection';
      record.defector = defector;
      if (session >= s.scenario.reopen) break;
      detectBluffs(s, c);
      learn(s, x);
      record.reopenings++;
    }
    if (ratified) {
      record.outcome = 'agreement';
      record.defector = -1;
      measureGains(s, record);
      keepOrRenege(s, record);
    }
    record.rounds = s.table.round;
    trace?.push({
      type: 'outcome',
      outcome: record.outcome,
      defector: record.defector,
      rounds: record.rounds,
    });
    s.trace = null;
    return record;
  }
}

/**
 * Prepares a scenario for many games: resolves its protocol and allocates the game state
 * once (candidates, believed probabilities, particles, payments), reused by each `play`.
 *
 * @param scenario a validated scenario (its protocol registered; see `loadProtocolModule`)
 * @returns a {@link Game}
 * @throws UserError when `protocol.name` is unknown or not defined for this many countries
 * @example
 * const game = createGame(parseScenario({}));
 * game.play('7').outcome; // 'agreement', 'no_agreement', ...
 */
export function createGame(scenario: Scenario): Game {
  const state = createGameState(scenario);
  return new PreparedGame(scenario, state, new Table(state));
}

/**
 * Plays one two-level game: a pure function of the scenario and the run seed (same inputs,
 * same record, bit for bit). For many games of one scenario use {@link createGame}.
 *
 * @param scenario a validated scenario
 * @param seed the run seed
 * @param trace where to write the game's events, if anywhere
 * @returns the game's record
 * @example
 * playGame(parseScenario({}), 'd5892758ca675e20').seed; // 'd5892758ca675e20'
 */
export function playGame(scenario: Scenario, seed: string, trace?: TraceSink): GameRecord {
  return createGame(scenario).play(seed, trace);
}
