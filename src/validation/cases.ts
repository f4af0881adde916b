import { constrainedNash } from './constrainedNash.ts';
import { divideOverlap } from './divideOverlap.ts';
import { kOfNQuota } from './kOfNQuota.ts';
import { medianVoter } from './medianVoter.ts';
import { noUncertainty } from './noUncertainty.ts';
import { romerRosenthal } from './romerRosenthal.ts';
import type { ValidationCase } from './validationCase.ts';

/** Every closed form `twolevel validate` checks, in the order it prints them. */
export const VALIDATION_CASES: readonly ValidationCase[] = [
  medianVoter,
  kOfNQuota,
  romerRosenthal,
  divideOverlap,
  constrainedNash,
  noUncertainty,
];
