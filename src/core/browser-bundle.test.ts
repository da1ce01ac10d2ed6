import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { evaluate } from './compliance/evaluate';
import { builtinRegistry } from './policies/builtin/index';
import type { EvaluateInput, EvaluateResult } from './compliance/evaluate-types';

const input: EvaluateInput = {
  asOf: '2022-10-01',
  certifications: [{ program: 'namss/cpcs', awarded: '2019-06-15', renewedThrough: '2019-12-01' }],
  activities: [
    { id: 'a1', type: 'webinar', date: '2020-03-01', hours: 1.5, approved: true },
    { id: 'a2', type: 'conference', date: '2018-03-01', hours: 6 },
  ],
};

describe('the core in a browser', () => {
  it('bundles for the browser and gives the same result with no Node globals', async () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const bundle = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'recertCore',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    // A context with only what browsers have: no process, require, Buffer or module.
    const context: Record<string, unknown> = {};
    runInNewContext(`${code}\nglobalThis.recertCore = recertCore;`, context);
    const core = context.recertCore as {
      evaluate: (i: EvaluateInput, r: unknown) => EvaluateResult;
      builtinRegistry: () => unknown;
    };
    const inBrowser = core.evaluate(input, core.builtinRegistry());
    expect(JSON.parse(JSON.stringify(inBrowser))).toEqual(JSON.parse(JSON.stringify(evaluate(input, builtinRegistry()))));
    expect(inBrowser.certifications[0]!.earned.total).toBe(1.5);
  });
});
