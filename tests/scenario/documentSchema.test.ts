import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { command as schemaCommand } from '../../src/cli/schema.ts';
import { experimentJsonSchema, parseExperiment } from '../../src/engine/experiment.ts';
import { describeDefaults, undescribedFields } from '../../src/scenario/documentSchema.ts';
import { parseScenario, scenarioJsonSchema } from '../../src/scenario/parse.ts';
import { runCli } from '../cli/runCli.ts';

type Node = {
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
};

describe('documented formats', () => {
  it('describes every field of the scenario and of the experiment', () => {
    expect(undescribedFields(scenarioJsonSchema())).toEqual([]);
    expect(undescribedFields(experimentJsonSchema())).toEqual([]);
  });

  it('finds a field without description, inside lists and alternatives', () => {
    const schema = {
      properties: {
        a: { description: 'a' },
        list: {
          description: 'list',
          items: { anyOf: [{ properties: { kind: {}, b: {} } }, { type: 'number' }] },
        },
      },
    };
    expect(undescribedFields(schema)).toEqual(['list[].b']);
  });

  it('appends plain defaults to descriptions, not object defaults', () => {
    const out = describeDefaults({
      properties: {
        q: { description: 'quota theta', default: 0.5 },
        box: {
          description: 'the box',
          default: {},
          properties: { D: { description: 'D', default: 1 } },
        },
      },
    });
    expect(out.properties.q.description).toBe('quota theta; default 0.5');
    expect(out.properties.box.description).toBe('the box');
    expect(out.properties.box.properties.D.description).toBe('D; default 1');
  });

  it('prints the scenario schema with symbols and defaults, and the experiment schema with the scenario inside', async () => {
    const scenario = JSON.parse(await runCli(schemaCommand, [])) as Node;
    const country = scenario.properties!.countries!.items!;
    expect(country.properties!.tau!.description).toBe(
      "voter noise tau: P(yes) = 1 / (1 + exp(-Delta'/tau)), a logit quantal response (McKelvey and Palfrey 1995); 0 is a deterministic vote, the default, because negotiators' beliefs ignore the noise: with any tau > 0 an offer at the very end of a win-set fails about half the time; default 0",
    );
    expect(country.properties!.ratification!.properties!.quota!.description).toMatch(
      /^quota theta of the single chamber .*; default 0.5$/,
    );
    const experiment = JSON.parse(await runCli(schemaCommand, ['--experiment'])) as Node;
    const parameter = experiment.properties!.parameters!.items!;
    expect(Object.keys(parameter.properties!)).toEqual([
      'path',
      'values',
      'alternatives',
      'range',
      'integer',
      'scale',
      'base',
    ]);
    const inline = experiment.properties!.scenario!.anyOf![1]!;
    expect(inline.properties!.protocol!.properties!.deadline!.description).toBe(
      'deadline T in rounds; default 50',
    );
    const designs = experiment.properties!.design!.oneOf ?? experiment.properties!.design!.anyOf!;
    expect(designs.map((d) => d.description!.split(':')[0])).toEqual([
      'grid',
      'random',
      'lhs',
      'sobol',
      'saltelli',
      'morris',
      'oat',
    ]);
  });

  it('keeps docs/schema/*.schema.json equal to what twolevel schema prints (for editors in the repository)', async () => {
    const docs = (name: string) =>
      readFileSync(new URL(`../../docs/schema/${name}.schema.json`, import.meta.url), 'utf8');
    expect(docs('scenario')).toBe(`${await runCli(schemaCommand, [])}\n`);
    expect(docs('experiment')).toBe(`${await runCli(schemaCommand, ['--experiment'])}\n`);
  });

  it('accepts "$schema" and "$comment" at the top of a scenario and an experiment, and drops them', () => {
    const annotated = { $schema: './scenario.schema.json', $comment: 'two countries' };
    expect(parseScenario(annotated)).toEqual(parseScenario({}));
    const experiment = parseExperiment({
      ...annotated,
      name: 'x',
      replications: 1,
      scenario: { ...annotated },
    });
    expect(experiment).not.toHaveProperty('$schema');
    expect(experiment).not.toHaveProperty('$comment');
    expect(() => parseScenario({ $comments: 'typo' })).toThrow(
      "$comments: unknown key (did you mean '$comment'?)",
    );
  });
});
