import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.ts';
import { createGame, playGame } from '../../../src/negotiation/game.ts';
import {
  loadProtocolModule,
  protocolFor,
  protocolNames,
  registerProtocol,
} from '../../../src/negotiation/protocols/registry.ts';
import { parseScenario } from '../../../src/scenario/parse.ts';
import firstBest from '../fixtures/firstBest.ts';

const threeCountries = { countries: [{}, {}, {}] };

describe('the protocol registry', () => {
  it('holds the four built-in protocols, alternating by default', () => {
    expect(protocolNames().slice(0, 4)).toEqual(['alternating', 'ultimatum', 'nash', 'midpoint']);
    expect(protocolFor(parseScenario({})).name).toBe('alternating');
  });

  it('rejects an unknown name, naming protocol.name and the valid ones', () => {
    const scenario = parseScenario({ protocol: { name: 'tit-for-tat' } });
    expect(() => createGame(scenario)).toThrow(UserError);
    expect(() => createGame(scenario)).toThrow(
      /protocol\.name: unknown protocol 'tit-for-tat'; valid: alternating, ultimatum, nash, midpoint/,
    );
  });

  it('plays a registered protocol of the researcher and checks its country limit', () => {
    registerProtocol(firstBest, 'first-best-registered');
    const r = playGame(
      parseScenario({
        protocol: { name: 'first-best-registered' },
        countries: [
          { reversion: 0, constituents: { idealPoints: { kind: 'explicit', values: [0.4] } } },
          { reversion: 1, constituents: { idealPoints: { kind: 'explicit', values: [0.6] } } },
        ],
      }),
      'custom',
    );
    // W_A = [0, 0.8], W_B = [0.2, 1]: A's best believed-ratifiable point is his ideal 0.4
    expect(r.outcome).toBe('agreement');
    expect(r.agreement[0]).toBe(0.4);
    expect(() =>
      createGame(parseScenario({ ...threeCountries, protocol: { name: 'first-best-registered' } })),
    ).toThrow(
      "protocol.name: protocol 'first-best-registered' is defined for at most 2 countries, but the scenario has 3",
    );
  });

  it('loads protocol.module and registers it under protocol.name', async () => {
    const scenario = parseScenario({
      protocol: { name: 'first-best-module', module: 'tests/negotiation/fixtures/firstBest.ts' },
    });
    expect(() => createGame(scenario)).toThrow(/has not been loaded: call loadProtocolModule/);
    await loadProtocolModule(scenario);
    expect(createGame(scenario).play('module').rounds).toBe(1);
  });

  it('reports a module that cannot be imported', async () => {
    const scenario = parseScenario({ protocol: { name: 'x', module: 'no/such/file.ts' } });
    await expect(loadProtocolModule(scenario)).rejects.toThrow(
      /protocol\.module: cannot import 'no\/such\/file\.ts'/,
    );
  });
});
