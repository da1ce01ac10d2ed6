import { parseArgs } from 'node:util';
import { RecertError } from '../core/errors';
import { describeIssues } from '../core/validation';
import { processIo, usageError, type CliIo } from './cli-io';
import { evaluateCommand } from './commands/evaluate';
import { policiesCommand } from './commands/policies';
import { tickCommand } from './commands/tick';

export const HELP = `recert: certification and continuing-education management

Usage:
  recert evaluate --input FILE [--as-of YYYY-MM-DD] [--format json|text] [--policies FILE]
      Where a person stands on a date: per certification, the cycle, what is
      required and earned, each activity's credit and why, what is missing,
      the deadlines and the status. FILE may be - for standard input.
  recert policies list [--format json|text]
  recert policies show PROGRAM
      The built-in programs and their rules, as data.
  recert policies check FILE
      Validate a policy document (or a JSON array of them) against the
      built-in ones; every problem is listed with its field path.
  recert start [--no-demo]
      Apply migrations, load the demo data once (unless --no-demo) and serve
      the application. DATABASE_URL selects a PostgreSQL server; otherwise the
      embedded database in RECERT_DATA_DIR (default ./data) is used.
  recert migrate
      Apply the database migrations and install the built-in bodies.
  recert tick [--as-of YYYY-MM-DD] [--body ID]... [--format json|text]
      Run the daily work for a date (default: today in each body's time
      zone): everyone's standing re-evaluated. The server does this by itself
      every day; running it again, late, or for a past date gives the same
      result.
  recert help

Exit codes: 0 done, 2 bad input or usage (one message on stderr, nothing on
stdout), 1 an unexpected failure.
`;

export type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  evaluate: evaluateCommand,
  policies: policiesCommand,
  tick: tickCommand,
  help: async (_args, io) => {
    io.stdout(HELP);
    return 0;
  },
  start: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { demo: { type: 'boolean', default: true }, 'no-demo': { type: 'boolean' } },
      strict: true,
    });
    // Loaded on demand: evaluate and the other commands need no server.
    const { startServer } = await import('../server/main');
    await startServer({ demo: values.demo && !values['no-demo'], print: (line) => io.stdout(`${line}\n`) });
    return new Promise<number>(() => {});
  },
  migrate: async (_args, io) => {
    const { migrateDatabase } = await import('../server/main');
    io.stdout(`migrations applied (${await migrateDatabase()})\n`);
    return 0;
  },
};

/** Runs one command line; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(HELP);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw usageError(`unknown command "${name}"; see recert help`);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof RecertError) {
      const details = error.issues.length > 0 ? `\n${describeIssues(error.issues)}` : '';
      io.stderr(`recert: ${error.message}${details}\n`);
      return 2;
    }
    // parseArgs reports unknown or malformed options with a code of its own.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`recert: ${(error as Error).message}; see recert help\n`);
      return 2;
    }
    io.stderr(`recert: unexpected failure: ${(error as Error).message}\n`);
    if (process.env.RECERT_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
