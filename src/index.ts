/**
 * The public library API of twolevel, by layer (data flows model <- negotiation <- engine ->
 * analysis -> charts). The `twolevel` command only composes these.
 * @module
 */

export { cochranArmitage } from './analysis/cochranArmitage.ts';
export { evaluateHypotheses } from './analysis/evaluateHypotheses.ts';
export { holm } from './analysis/holm.ts';
export { logisticRegression } from './analysis/logisticRegression.ts';
export { mcnemar } from './analysis/mcnemar.ts';
export { meanInterval } from './analysis/meanInterval.ts';
export {
  logisticScoreTest,
  multipleLogisticRegression,
} from './analysis/multipleLogisticRegression.ts';
export { readResults, readRuns } from './analysis/readResults.ts';
export { regressionDesign } from './analysis/regressionDesign.ts';
export { summarize } from './analysis/summarize.ts';
export { weightedLeastSquares } from './analysis/weightedLeastSquares.ts';
export { welchT } from './analysis/welchT.ts';
export { wilsonInterval } from './analysis/wilsonInterval.ts';
// Figures: Vega-Lite spec builders and rendering to SVG, PNG and PDF.
export { gainsChart } from './charts/gainsChart.ts';
export { heatmapChart } from './charts/heatmapChart.ts';
export { outcomeSharesChart } from './charts/outcomeSharesChart.ts';
export { rateChart } from './charts/rateChart.ts';
export { renderFigure, toSVG } from './charts/render.ts';
export { winSetDiagram } from './charts/winSetDiagram.ts';
// Monte Carlo engine: experiments, designs, seeds, sweeps, shards.
export { designCells } from './engine/designs/index.ts';
export {
  defineExperiment,
  type Experiment,
  type ExperimentInput,
  parseExperiment,
} from './engine/experiment.ts';
export { loadExperiment } from './engine/load.ts';
export { mergeShards } from './engine/merge.ts';
export { cellScenario, planExperiment } from './engine/plan.ts';
export { runExperiment } from './engine/run.ts';
export { cellKey, designSeed, runSeed } from './engine/seeds.ts';
// Errors a user can cause: printed without a stack trace by the CLI.
export { UserError } from './errors.ts';
// Level II (MODEL.md sections 1-2): constituents, margins, votes, win-sets.
export {
  createIntervals,
  type Intervals,
  intersectIntervals,
  intervalsContain,
  intervalsSize,
  nearestPoint,
} from './model/intervals.ts';
export { margin } from './model/margin.ts';
export { copyProfile, drawProfile, medianConstituent, type Profile } from './model/profile.ts';
export { sobolPoints } from './model/sobol.ts';
export { chamberYesShares, ratifies, type VoteOptions } from './model/vote.ts';
export { winSet } from './model/winSet.ts';
export { overlapSize, winSetContains, winSetSize } from './model/winSetSize.ts';
// Level I (MODEL.md sections 3-6): one game from a scenario and a seed.
export { createGame, type Game, playGame } from './negotiation/game.ts';
export type { NegotiatingTable, Protocol } from './negotiation/protocols/protocol.ts';
export {
  loadProtocolModule,
  protocolNames,
  registerProtocol,
} from './negotiation/protocols/registry.ts';
export { type GameRecord, OUTCOMES, type Outcome } from './negotiation/record.ts';
export { subSeed } from './negotiation/streams.ts';
export type { TraceEvent, TraceSink } from './negotiation/trace.ts';
// Analysis: summaries, hypothesis tests, intervals.
export { analyseResults } from './report/analyseResults.ts';
// Scenarios: the validated description of one two-level game.
export {
  loadScenario,
  parseScenario,
  ScenarioError,
  scenarioJsonSchema,
} from './scenario/parse.ts';
export type { Country, Scenario, ScenarioInput } from './scenario/schema.ts';
