import type { Profile, ProfileChamber } from '../../src/model/profile.ts';

/** What a hand-built test profile may set; everything else takes the model's defaults. */
export interface ProfileSpec {
  form?: 'spatial' | 'divide';
  side?: 0 | 1;
  /** One-dimensional ideal points (spatial) or `M * D` row-major with `D`. */
  ideal?: number[];
  D?: number;
  reservation?: number[];
  reversion?: number | number[];
  kappa?: number | number[];
  weight?: number[];
  /** One salience for every constituent and dimension, or `M * D` row-major. */
  salience?: number | number[];
  goodWill?: number;
  tau?: number;
  chambers?: { members: number[]; quota: number }[];
  quota?: number;
  party?: number[];
  discipline?: number;
}

/** A profile built by hand from explicit values (tests only). */
export function makeProfile(spec: ProfileSpec): Profile {
  const form = spec.form ?? 'spatial';
  const D = spec.D ?? 1;
  const M = form === 'divide' ? spec.reservation!.length : spec.ideal!.length / D;
  const perConstituent = (v: number | number[] | undefined, fallback: number) =>
    Float64Array.from({ length: M }, (_, j) => (Array.isArray(v) ? v[j]! : (v ?? fallback)));
  const chambers: ProfileChamber[] = (
    spec.chambers ?? [{ members: Array.from({ length: M }, (_, j) => j), quota: spec.quota ?? 0.5 }]
  ).map((c) => ({ members: Int32Array.from(c.members), quota: c.quota }));
  const party = Int32Array.from(spec.party ?? new Array<number>(M).fill(-1));
  const q = spec.reversion ?? (form === 'divide' ? (spec.side ?? 0) : 0);
  return {
    form,
    side: spec.side ?? 0,
    M,
    D,
    ideal: Float64Array.from(spec.ideal ?? new Array<number>(M * D).fill(0)),
    reservation: Float64Array.from(spec.reservation ?? new Array<number>(M).fill(0)),
    kappa: perConstituent(spec.kappa, 0),
    weight: perConstituent(spec.weight, 1),
    salience: Float64Array.from({ length: M * D }, (_, t) =>
      Array.isArray(spec.salience) ? spec.salience[t]! : (spec.salience ?? 1),
    ),
    reversion: Float64Array.from({ length: D }, (_, d) => (Array.isArray(q) ? q[d]! : q)),
    goodWill: spec.goodWill ?? 0,
    tau: spec.tau ?? 0,
    chambers,
    party,
    parties: Math.max(0, ...party) + (party.some((k) => k >= 0) ? 1 : 0),
    discipline: spec.discipline ?? 0,
  };
}
