import { parseArgs } from 'node:util';
import { evaluate } from '../../core/compliance/evaluate';
import { parseEvaluateJson } from '../../core/compliance/evaluate-input';
import { parseDate } from '../../core/dates/calendar-date';
import { todayIn } from '../../core/dates/today';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import { usageError, type CliIo } from '../cli-io';
import { formatEvaluationText } from '../format-evaluation-text';
import { loadRegistry } from './load-registry';

export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      input: { type: 'string', short: 'i' },
      'as-of': { type: 'string' },
      format: { type: 'string', default: 'json' },
      policies: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.input) throw usageError('evaluate needs --input FILE (or --input - for standard input)');
  if (values.format !== 'json' && values.format !== 'text') throw usageError('--format must be json or text');
  const asOfOption = values['as-of'];
  if (asOfOption !== undefined && parseDate(asOfOption) === null) {
    throw usageError(`--as-of: "${asOfOption}" is not a calendar date as YYYY-MM-DD`);
  }
  const registry = await loadRegistry(values.policies, io);
  const draft = parseEvaluateJson(await io.readText(values.input), registry);
  const asOf = asOfOption ?? draft.asOf ?? todayForBody(registry, draft.certifications[0]?.program);
  const result = evaluate({ ...draft, asOf }, registry);
  io.stdout(values.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatEvaluationText(result));
  return 0;
}

/** "Today" is a calendar date in the body's time zone, not the machine's. */
function todayForBody(registry: PolicyRegistry, program: string | undefined): string {
  const policy = program ? registry.get(program) : undefined;
  const timeZone = (policy && registry.body(policy.body)?.timeZone) ?? 'UTC';
  return todayIn(timeZone);
}
