import { fieldOccurrences } from '../engine/paths.ts';

/**
 * Common scenario fields in words, with MODEL.md's symbol where it has one. Fields not
 * listed are written as their name split into words.
 */
const FIELD_LABELS: Record<string, readonly [words: string, symbol?: string]> = {
  quota: ['quota', 'θ'],
  sigmaForeign: ['foreign uncertainty', 'σ'],
  sigmaOwn: ['own uncertainty', 'σ'],
  tau: ['voter noise', 'τ'],
  isolationistShare: ['isolationist share'],
  eta: ['reverberation', 'η'],
  beta: ['backlash', 'β'],
  underselling: ['underselling', 'λ'],
  goodWill: ['good will', 'g'],
  reputation: ['reputation', 'ρ'],
  concession: ['concession rate', 'c'],
  budget: ['side-payment budget', 'B'],
  discipline: ['party discipline', 'd'],
  particles: ['belief particles', 'K'],
  reversion: ['reversion', 'q'],
  deadline: ['deadline', 'T'],
  reopen: ['reopenings'],
  reservation: ['personal veto', 'φ'],
  candidates: ['candidates', 'G'],
  threshold: ['belief threshold', 'π'],
  D: ['dimensions', 'D'],
  ideal: ['negotiator’s ideal point'],
};

/**
 * A readable axis or legend title for a parameter path, owned by the country when the path
 * starts with `countries.<name>`. A field the scenario has once (`sigmaForeign`) is written
 * in words with its MODEL.md symbol; otherwise (a field found in several places, such as
 * `quota`, `mean` or `beta`, or a path through a list, such as `chambers[1]`) the label is
 * the path that was varied, after the country, with the field's symbol when it has the
 * listed meaning.
 *
 * @example
 * parameterLabel('countries.A.negotiator.beliefs.sigmaForeign'); // => "A's foreign uncertainty σ"
 * parameterLabel('countries.B.ratification.chambers[1].quota'); // => "B's ratification.chambers[1].quota θ"
 * parameterLabel('countries.B.constituents.reservations.beta'); // => "B's constituents.reservations.beta"
 * parameterLabel('protocol.candidates'); // => 'candidates G'
 */
export function parameterLabel(path: string): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
  const country =
    parts[0] !== 'countries' || parts.length <= 2
      ? undefined
      : /^\d+$/.test(parts[1]!)
        ? `countries[${parts[1]}]`
        : parts[1];
  const rest = country === undefined ? parts : parts.slice(2);
  const field = rest.at(-1) ?? path;
  const listed = FIELD_LABELS[field];
  const listIndex = rest.some((p) => /^\d+$/.test(p));
  let label: string;
  if (!listIndex && fieldOccurrences(field) <= 1) {
    const words = listed?.[0] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    label = listed?.[1] ? `${words} ${listed[1]}` : words;
  } else {
    const written = rest.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i > 0 ? `.${p}` : p)).join('');
    // `beta` is backlash under reverberation only (a shape parameter under reservations)
    const meant = listed?.[1] && (field !== 'beta' || rest.includes('reverberation'));
    label = meant ? `${written} ${listed![1]}` : written;
  }
  return country === undefined ? label : `${country}'s ${label}`;
}
