/**
 * How common scenario fields are written in figures: their meaning and MODEL.md's symbol.
 * Fields not listed are written as their name split into words.
 */
const FIELD_LABELS: Record<string, string> = {
  quota: 'quota θ',
  sigmaForeign: 'foreign uncertainty σ',
  sigmaOwn: 'own uncertainty σ',
  tau: 'voter noise τ',
  isolationistShare: 'isolationist share',
  eta: 'reverberation η',
  beta: 'backlash β',
  underselling: 'underselling λ',
  goodWill: 'good will g',
  reputation: 'reputation ρ',
  concession: 'concession rate c',
  budget: 'side-payment budget B',
  discipline: 'party discipline d',
  particles: 'belief particles K',
  reversion: 'reversion q',
  deadline: 'deadline T',
  reopen: 'reopenings',
  reservation: 'personal veto φ',
  ideal: 'negotiator’s ideal point',
};

/**
 * A readable axis or legend title for a parameter path: its last field in words (with the
 * model's symbol where MODEL.md has one), owned by the country when the path starts with
 * `countries.<name>`.
 *
 * @example
 * parameterLabel('countries.B.ratification.quota'); // => "B's quota θ"
 * parameterLabel('protocol.candidates'); // => 'candidates'
 */
export function parameterLabel(path: string): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
  const field = parts.filter((p) => !/^\d+$/.test(p)).at(-1) ?? path;
  const words = FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const country = parts[0] === 'countries' && parts.length > 2 ? parts[1] : undefined;
  return country === undefined ? words : `${country}'s ${words}`;
}
