import type { ScenarioInput } from '../scenario/schema.ts';

type CountryInput = NonNullable<ScenarioInput['countries']>[number];

/**
 * A country of a validation scenario with nothing uncertain, whatever the scenario defaults
 * are: its negotiator's beliefs exact (`sigma_own = sigma_foreign = 0`, estimate mode), no
 * voter noise (`tau = 0`). The closed forms assume exactly this.
 *
 * @param country the country's other settings
 * @returns the country with exact beliefs and a deterministic vote
 */
export function exactCountry(country: CountryInput): CountryInput {
  const negotiator = country.negotiator ?? {};
  return {
    ...country,
    tau: 0,
    negotiator: {
      ...negotiator,
      beliefs: { ...negotiator.beliefs, mode: 'estimate', sigmaOwn: 0, sigmaForeign: 0 },
    },
  };
}
