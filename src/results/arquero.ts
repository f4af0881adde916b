/**
 * arquero, required on first use instead of imported: its 166 modules (about 0.5 s under tsx,
 * whose loader sees each of them) would otherwise load with the library, whose users may only play
 * games. Synchronous (`require` of an ES module, Node >= 20.19), so that the CSV codec and the
 * synchronous analysis functions keep their signatures. Under plain Node (dist/) it is the
 * instance that `import 'arquero'` gives; under tsx it is tsx's CommonJS compilation of the same
 * files, a second instance whose tables work with the first one's helpers (`desc`, `escape`, `op`,
 * `not`, joins).
 * @module
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The arquero module; Node caches it after the first call. */
export function arquero(): typeof import('arquero') {
  return require('arquero') as typeof import('arquero');
}
