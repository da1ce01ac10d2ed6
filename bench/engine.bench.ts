/**
 * `npm run bench:engine`: evaluates 1,000,000 deterministic synthetic
 * certificants with 40 activities each on one core and prints one JSON line.
 * Only the engine is timed, not building the inputs. Two passes over the same
 * people: evaluate() with every activity's credit line and explanation (what a
 * dashboard shows), then summarize() with the figures only (what the nightly
 * re-evaluation stores).
 */
import { evaluate, summarize } from '../src/core/compliance/evaluate';
import type { EvaluateInput } from '../src/core/compliance/evaluate-types';
import { builtinRegistry } from '../src/core/policies/builtin/index';
import { syntheticCertificant } from '../src/core/testing/synthetic';

const certificants = Number(process.env.BENCH_CERTIFICANTS ?? 1_000_000);
const activitiesEach = Number(process.env.BENCH_ACTIVITIES ?? 40);
// Small batches keep the live heap small, as a server evaluating a page of people at a time would.
const batchSize = 100;
const registry = builtinRegistry();

function pass(run: (input: EvaluateInput) => { certifications: { compliant: boolean }[] }) {
  let seconds = 0;
  let certifications = 0;
  let compliant = 0;
  for (let first = 0; first < certificants; first += batchSize) {
    const batch: EvaluateInput[] = [];
    for (let n = first; n < Math.min(certificants, first + batchSize); n++) batch.push(syntheticCertificant(n, activitiesEach));
    const started = process.hrtime.bigint();
    for (const input of batch) {
      for (const certification of run(input).certifications) {
        certifications++;
        if (certification.compliant) compliant++;
      }
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
  return { seconds, certifications, compliant };
}

const explained = pass((input) => evaluate(input, registry));
const summary = pass((input) => summarize(input, registry));
if (summary.compliant !== explained.compliant) throw new Error('summarize() and evaluate() disagree');

console.log(
  JSON.stringify({
    certificants,
    activities: certificants * activitiesEach,
    certifications: explained.certifications,
    compliant: explained.compliant,
    seconds: Number(explained.seconds.toFixed(3)),
    evaluationsPerSecond: Math.round(certificants / explained.seconds),
    summarySeconds: Number(summary.seconds.toFixed(3)),
    summaryEvaluationsPerSecond: Math.round(certificants / summary.seconds),
    node: process.version,
  }),
);
