import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RecertError } from '../core/errors';
import type { CliIo } from './cli-io';
import { main } from './main';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/recert.mjs', import.meta.url));
const CONTRACT = fileURLToPath(new URL('./testdata/namss-contract.json', import.meta.url));

/** Runs a command line in-process with files served from `files`. */
async function cli(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readText: async (path) => {
      if (path in files) return files[path]!;
      throw new RecertError('invalid-input', `cannot read ${path}`, [{ path, message: 'no such file' }]);
    },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const valid = {
  asOf: '2022-10-01',
  certifications: [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
  activities: [{ id: 'a1', type: 'webinar', date: '2020-03-01', hours: 12, approved: true }],
};

describe('recert evaluate', () => {
  it('prints the contract JSON', async () => {
    const { code, stdout, stderr } = await cli(['evaluate', '--input', 'in.json'], { 'in.json': JSON.stringify(valid) });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.asOf).toBe('2022-10-01');
    expect(result.certifications[0]).toMatchObject({
      program: 'namss/cpcs',
      cycle: { start: '2019-12-02', end: '2022-12-01' },
      required: { total: 30, minimums: { approved: 15 } },
      earned: { total: 12, minimums: { approved: 12 } },
      compliant: false,
      status: 'renewal-open',
      deadlines: { opens: '2022-08-01', due: '2022-12-01', lateUntil: '2022-12-31', graceUntil: '2023-06-01' },
      credits: [{ activity: 'a1', credits: 12 }],
      missing: ['18 more credits', '3 more approved credits'],
    });
  });

  it('lets --as-of override the file', async () => {
    const { stdout } = await cli(['evaluate', '-i', 'in.json', '--as-of', '2023-01-01'], { 'in.json': JSON.stringify(valid) });
    const result = JSON.parse(stdout);
    expect(result.asOf).toBe('2023-01-01');
    expect(result.certifications[0].status).toBe('lapsed');
  });

  it('defaults the date to today in the body time zone', async () => {
    const { asOf: _asOf, ...withoutDate } = valid;
    const { code, stdout } = await cli(['evaluate', '-i', 'in.json'], { 'in.json': JSON.stringify(withoutDate) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prints a table a person reads', async () => {
    const { code, stdout } = await cli(['evaluate', '-i', 'in.json', '--format', 'text'], { 'in.json': JSON.stringify(valid) });
    expect(code).toBe(0);
    expect(stdout).toContain('CPCS (namss/cpcs, policy v1)');
    expect(stdout).toContain('Cycle 2019-12-02 to 2022-12-01 · status renewal-open · due 2022-12-01, in 61 days');
    expect(stdout).toMatch(/Total credits\s+30\s+12\s+18/);
    expect(stdout).toContain('Missing: 18 more credits; 3 more approved credits');
  });

  it.each([
    ['not JSON', '{"asOf":', /\(input\): not valid JSON/],
    [
      'unknown program',
      JSON.stringify({ ...valid, certifications: [{ program: 'acme/x', awarded: '2020-01-01' }] }),
      /certifications\[0\]\.program: unknown program "acme\/x"/,
    ],
    [
      'impossible date',
      JSON.stringify({ ...valid, certifications: [{ program: 'namss/cpcs', awarded: '2021-02-30' }] }),
      /certifications\[0\]\.awarded: "2021-02-30" is not a calendar date/,
    ],
    [
      'negative hours',
      JSON.stringify({ ...valid, activities: [{ id: 'x1', type: 'webinar', date: '2020-01-01', hours: -2 }] }),
      /activities\[0\] \(id "x1"\)\.hours: must not be negative/,
    ],
    [
      'non-numeric hours',
      JSON.stringify({ ...valid, activities: [{ id: 'x1', type: 'webinar', date: '2020-01-01', hours: 'two' }] }),
      /activities\[0\] \(id "x1"\)\.hours: must be a number/,
    ],
    [
      'unknown activity type',
      JSON.stringify({
        ...valid,
        certifications: [{ program: 'techserve/cpsr-1', awarded: '2020-01-01' }],
        activities: [{ id: 'x1', type: 'podcast', date: '2020-02-01', hours: 1 }],
      }),
      /activities\[0\] \(id "x1"\)\.type: "podcast" is not an activity type of techserve\/cpsr-1/,
    ],
    [
      'duplicate activity ids',
      JSON.stringify({ ...valid, activities: [valid.activities[0], valid.activities[0]] }),
      /activities\[1\] \(id "a1"\)\.id: duplicate activity id "a1"/,
    ],
  ])('refuses %s with exit code 2 and one message naming the field', async (_name, text, message) => {
    const { code, stdout, stderr } = await cli(['evaluate', '--input', 'in.json'], { 'in.json': text });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each([
    [['evaluate'], /needs --input/],
    [['evaluate', '-i', 'in.json', '--as-of', '2023-02-29'], /--as-of: "2023-02-29" is not a calendar date/],
    [['evaluate', '-i', 'in.json', '--format', 'xml'], /--format must be json or text/],
    [['evaluate', '-i', 'in.json', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['evaluate', '-i', 'missing.json'], /cannot read missing.json/],
  ])('refuses the usage %j with exit code 2', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv, { 'in.json': JSON.stringify(valid) });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('recert policies', () => {
  it('lists the built-in programs', async () => {
    const { code, stdout } = await cli(['policies', 'list']);
    expect(code).toBe(0);
    for (const id of [
      'techserve/cpsr-1',
      'techserve/cpsr-2',
      'techserve/cpsae-1',
      'techserve/cpsae-2',
      'namss/cpcs',
      'namss/cpmsm',
      'ser/cerp',
    ]) {
      expect(stdout).toContain(id);
    }
  });

  it('shows one program as data', async () => {
    const { stdout } = await cli(['policies', 'show', 'namss/cpmsm']);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'namss/cpmsm', credit: { total: 30 } });
  });

  it('checks a policy file and lists every problem with its path', async () => {
    const broken = { id: 'namss/cpcs', version: 2, body: 'namss', name: 'x', designation: 'X', credit: { total: -1 } };
    const { code, stderr } = await cli(['policies', 'check', 'p.json'], { 'p.json': JSON.stringify(broken) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/policies\[\d+\] \(namss\/cpcs\)\.credit\.total: must not be negative/);
    expect(stderr).toMatch(/policies\[\d+\] \(namss\/cpcs\)\.cycle: /);
  });

  it('evaluates against a program a body configured in a file', async () => {
    const { stdout: shown } = await cli(['policies', 'show', 'ser/cerp']);
    const configured = { ...JSON.parse(shown), version: 2, credit: { ...JSON.parse(shown).credit, total: 20 } };
    const input = { asOf: '2024-01-01', certifications: [{ program: 'ser/cerp', awarded: '2022-05-01' }], activities: [] };
    const { code, stdout } = await cli(['evaluate', '-i', 'in.json', '--policies', 'p.json'], {
      'in.json': JSON.stringify(input),
      'p.json': JSON.stringify(configured),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).certifications[0]).toMatchObject({ policyVersion: 2, required: { total: 20 } });
  });
});

describe('the recert command', () => {
  it('runs as a process: JSON on stdout, exit 0', async () => {
    const { stdout } = await run(BIN, ['evaluate', '--input', CONTRACT]);
    expect(JSON.parse(stdout).certifications[0].cycle).toEqual({ start: '2019-12-02', end: '2022-12-01', index: 1 });
  });

  it('exits 2 with one message and no stack trace on bad input', async () => {
    const failure = await run(BIN, ['evaluate', '--input', CONTRACT, '--as-of', '2022-02-30']).catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('recert tick', () => {
  it('refuses a bad date before touching a database', async () => {
    const { code, stdout, stderr } = await cli(['tick', '--as-of', '2026-13-01']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--as-of: must be a date as YYYY-MM-DD');
  });

  it('runs the daily work for a date on the embedded database, and names an unknown body', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'recert-tick-'));
    // The embedded database in a fresh folder, whatever the environment says.
    const { DATABASE_URL: _server, ...inherited } = process.env;
    const env = { ...inherited, RECERT_DATA_DIR: dataDir };
    try {
      const tick = () =>
        run(process.execPath, [BIN, 'tick', '--as-of', '2026-01-01', '--body', 'ser', '--format', 'json'], { env });
      const first = await tick();
      const [body, mail] = first.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      expect(body).toMatchObject({ bodyId: 'ser', asOf: '2026-01-01', skipped: false, renewed: 0, notices: 0 });
      expect(mail).toEqual({ emails: { sent: 0, skipped: 0 } });
      const unknown = await run(process.execPath, [BIN, 'tick', '--body', 'nobody'], { env }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect(unknown).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--body[0]: is not a body of this installation'),
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
