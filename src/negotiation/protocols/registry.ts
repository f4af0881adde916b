import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../errors.ts';
import { importDefault, ModuleLoadError } from '../../importModule.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { alternating } from './alternating.ts';
import { midpoint } from './midpoint.ts';
import { nash } from './nash.ts';
import type { Protocol } from './protocol.ts';
import { ultimatum } from './ultimatum.ts';

const protocols = new Map<string, Protocol>(
  [alternating, ultimatum, nash, midpoint].map((p) => [p.name, p]),
);

/**
 * Registers a Level I protocol under `name` (default: its own `name`), so scenarios can select
 * it with `protocol.name`. A later registration under the same name replaces the earlier one.
 *
 * @param protocol the protocol
 * @param name the name scenarios use
 * @example
 * registerProtocol(firstBest); // { "protocol": { "name": "first-best" } } now plays it
 */
export function registerProtocol(protocol: Protocol, name = protocol.name): void {
  if (typeof protocol?.bargain !== 'function') {
    throw new UserError(
      `protocol '${name}': expected an object with a bargain(table) function (see Protocol in src/negotiation/protocols/protocol.ts)`,
    );
  }
  protocols.set(name, protocol);
}

/** The names of the registered protocols, built-ins first. */
export function protocolNames(): string[] {
  return [...protocols.keys()];
}

/**
 * Imports `scenario.protocol.module` (a path, relative to `baseDir`) and registers its default
 * export under `scenario.protocol.name`; does nothing when the scenario names no module. Call
 * it (and await it) before {@link protocolFor} or `createGame` in every process that plays
 * the scenario.
 *
 * @param scenario a validated scenario
 * @param baseDir the folder relative module paths start from
 * @example
 * await loadProtocolModule(scenario, dirname(scenarioFile));
 */
export async function loadProtocolModule(scenario: Scenario, baseDir = process.cwd()) {
  const { module, name } = scenario.protocol;
  if (module === undefined) return;
  const path = isAbsolute(module) ? module : resolve(baseDir, module);
  let loaded: { default?: Protocol };
  try {
    loaded = { default: (await importDefault(path, 'protocol module')) as Protocol | undefined };
  } catch (error) {
    if (!(error instanceof ModuleLoadError)) throw error;
    throw new UserError(
      `protocol.module: cannot import '${module}' (${error.reason}); expected a module whose default export is a Protocol`,
    );
  }
  if (typeof loaded.default?.bargain !== 'function') {
    throw new UserError(
      `protocol.module: '${module}' has no default export with a bargain(table) function; expected a Protocol (src/negotiation/protocols/protocol.ts)`,
    );
  }
  registerProtocol(loaded.default, name);
}

/**
 * The protocol `scenario.protocol.name` selects, checked against the number of countries.
 *
 * @param scenario a validated scenario
 * @returns the registered protocol
 * @throws UserError when the name is not registered, or the protocol is defined for fewer
 * countries than the scenario has
 * @example
 * protocolFor(parseScenario({})).name; // 'alternating'
 */
export function protocolFor(scenario: Scenario): Protocol {
  const { name, module } = scenario.protocol;
  const protocol = protocols.get(name);
  if (protocol === undefined) {
    const hint =
      module === undefined
        ? 'or set protocol.module to a module whose default export implements Protocol'
        : `protocol.module '${module}' has not been loaded: call loadProtocolModule(scenario) first`;
    throw new UserError(
      `protocol.name: unknown protocol '${name}'; valid: ${protocolNames().join(', ')} (${hint})`,
    );
  }
  const N = scenario.countries.length;
  if (protocol.maxCountries !== undefined && N > protocol.maxCountries) {
    throw new UserError(
      `protocol.name: protocol '${name}' is defined for at most ${protocol.maxCountries} countries, but the scenario has ${N}; choose another protocol or fewer countries`,
    );
  }
  return protocol;
}
