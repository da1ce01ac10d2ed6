import { parseArgs } from 'node:util';
import { parseDate } from '../../core/dates/calendar-date';
import { RecertError } from '../../core/errors';
import type { CliIo } from '../cli-io';

/**
 * `recert tick [--as-of DATE] [--body ID]...`: the scheduler's daily work for
 * a date, for testing and operations (catch-up after downtime, replaying a
 * past date). Idempotent: running it twice gives the same result.
 */
export async function tickCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'as-of': { type: 'string' },
      body: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
    },
    strict: true,
  });
  const asOf = values['as-of'];
  if (asOf !== undefined && parseDate(asOf) === null)
    throw new RecertError('invalid-input', 'bad --as-of', [{ path: '--as-of', message: 'must be a date as YYYY-MM-DD' }]);
  if (values.format !== 'text' && values.format !== 'json')
    throw new RecertError('invalid-input', 'bad --format', [{ path: '--format', message: 'must be json or text' }]);
  // Loaded on demand: the other commands need no database.
  const { runTick } = await import('../../server/main');
  const { results, emails } = await runTick({ asOf, bodyIds: values.body });
  for (const result of results) {
    io.stdout(
      values.format === 'json'
        ? `${JSON.stringify(result)}\n`
        : `${result.bodyId} ${result.asOf}: ${result.renewed} renewed automatically, ${result.people} people, ` +
            `${result.certifications} certifications re-evaluated, ` +
            `${result.notices} new notices\n`,
    );
  }
  io.stdout(
    values.format === 'json'
      ? `${JSON.stringify({ emails })}\n`
      : `notices e-mailed: ${emails.sent}, not e-mailed (turned off or no address): ${emails.skipped}\n`,
  );
  return 0;
}
