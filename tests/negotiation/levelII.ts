import seedrandom from 'seedrandom';
import { drawProfile, type Profile } from '../../src/model/profile.ts';
import { fromUniform } from '../../src/model/random.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/** Country A's profile with explicit ideal points (spatial) or reservations (divide). */
export function explicitProfile(
  values: number[],
  form: 'spatial' | 'divide' = 'spatial',
  reversion = 0,
): Profile {
  const constituents =
    form === 'spatial'
      ? { idealPoints: { kind: 'explicit' as const, values } }
      : { reservations: { kind: 'explicit' as const, values } };
  const scenario = parseScenario({ form, countries: [{ reversion, constituents }, {}] });
  return drawProfile(scenario, 0, fromUniform(seedrandom.alea('fixture')));
}
