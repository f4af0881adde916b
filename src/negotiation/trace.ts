import type { Profile } from '../model/profile.ts';
import type { Outcome } from './record.ts';

/**
 * One event of a traced game, in the order it happened. Countries and negotiators are
 * indices in scenario order; points are arrays of `D` coordinates; `round` counts Level I
 * rounds from 0 over the whole game.
 */
export type TraceEvent =
  /** Copies of every country's true Level II as drawn, before any offer (for diagrams). */
  | { type: 'levelII'; profiles: Profile[] }
  /**
   * A Level I session opens (0 first, then one per reopening): the number of candidates, the
   * size of the first proposer's believed overlap and (1-D) his believed win-set of each
   * country as intervals between candidates.
   */
  | {
      type: 'session';
      session: number;
      candidates: number;
      believedOverlap: number;
      believedWinSets: [number, number][][];
    }
  /**
   * A negotiator polled `poll` of his own constituents before Level I: per dimension, the
   * factor `sigma' / sigma` by which his error about his own Level II shrank.
   */
  | { type: 'consultation'; negotiator: number; poll: number; scale: number[] }
  /**
   * At the opening of a session a negotiator announced his believed win-set (with his
   * underselling): its credibility `kappa` and the share of candidates it calls ratifiable.
   */
  | { type: 'announcement'; negotiator: number; credibility: number; ratifiableShare: number }
  /**
   * A failed ratification showed a negotiator's announcement to be a bluff (his country
   * ratified what he had called unratifiable): his credibility from now on.
   */
  | { type: 'bluff'; negotiator: number; credibility: number }
  /** The proposer's aspirations of every negotiator at the start of a round (`alternating`). */
  | { type: 'aspirations'; round: number; values: number[] }
  /** An offer, with the proposer's believed probability that each country ratifies it. */
  | { type: 'offer'; round: number; proposer: number; x: number[]; believed: number[] }
  /** The proposer had nothing he could offer this round. */
  | { type: 'pass'; round: number; proposer: number }
  /** A receiving country's Level II moved after an offer: its median before and after. */
  | {
      type: 'reverberation';
      round: number;
      country: number;
      medianBefore: number[];
      medianAfter: number[];
    }
  /**
   * A responder's answer: his believed probability that his own country ratifies, his
   * normalised utility and aspiration (0 when the protocol has none).
   */
  | {
      type: 'response';
      round: number;
      responder: number;
      accepted: boolean;
      believed: number;
      utility: number;
      aspiration: number;
    }
  /** Level I reached a tentative agreement. */
  | { type: 'tentative'; round: number; x: number[] }
  /** A negotiator paid `recipients` no-voters of `country` a total of `amount`. */
  | { type: 'payment'; payer: number; country: number; amount: number; recipients: number }
  /**
   * A Level II vote on the agreement: `period` 0 is ratification, `h >= 1` the vote of period
   * `h` of the horizon (margins raised by the reputation bonus `rho`). `executive: true` when
   * the country's autonomous executive decided instead of the vote (`autonomy.ts`).
   */
  | {
      type: 'vote';
      period: number;
      country: number;
      yesShares: number[];
      passed: boolean;
      executive?: boolean;
    }
  /** After a failed ratification: how many of a negotiator's particles of `country` survived. */
  | { type: 'learning'; negotiator: number; country: number; kept: number; redrawn: boolean }
  /** The drift of a country's Level II in period `h` (the common shift of its constituents). */
  | { type: 'drift'; period: number; country: number; shift: number[] }
  | { type: 'outcome'; outcome: Outcome; defector: number; rounds: number };

/**
 * Where a traced game writes its events: anything with `push`, e.g. an array
 * (`const events: TraceEvent[] = []; game.play(seed, events)`). Untraced games build no event.
 */
export interface TraceSink {
  push(event: TraceEvent): unknown;
}
