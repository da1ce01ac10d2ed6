import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSeed, decideAudit, drawValue } from './audit-draw';
import { sha256Hex } from './sha256';

const base = {
  bodyId: 'namss',
  certificationId: '7d0c3c1e-0000-4000-8000-000000000001',
  cycleStart: '2019-12-02',
  earlierSeed: null,
  salt: 'q7Hk2LmPz9Xa',
};

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%j gives the published digest', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it('equals node:crypto for any text, including multi-block and non-ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
    );
  });
});

describe('decideAudit', () => {
  it.each([
    [
      { reinstatement: true, extendedAndAlwaysAudited: false, share: 0 },
      { rule: 'reinstatement', selected: true },
    ],
    [
      { reinstatement: false, extendedAndAlwaysAudited: true, share: 0 },
      { rule: 'extension', selected: true },
    ],
    [
      { reinstatement: true, extendedAndAlwaysAudited: true, share: 0 },
      { rule: 'reinstatement', selected: true },
    ],
    [
      { reinstatement: false, extendedAndAlwaysAudited: false, share: 0 },
      { rule: 'random', selected: false },
    ],
    [
      { reinstatement: false, extendedAndAlwaysAudited: false, share: 1 },
      { rule: 'random', selected: true },
    ],
  ])('%j → %j', (flags, expected) => {
    expect(decideAudit({ ...base, ...flags })).toMatchObject(expected);
  });

  it('records the seed, the value and the share, and the value is the seed hashed', () => {
    const decision = decideAudit({ ...base, share: 0.1, reinstatement: false, extendedAndAlwaysAudited: false });
    const seed = auditSeed(base.bodyId, base.certificationId, base.cycleStart, base.salt);
    expect(decision.seed).toBe('namss:7d0c3c1e-0000-4000-8000-000000000001:2019-12-02:q7Hk2LmPz9Xa');
    const recomputed = parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 12), 16) / 2 ** 48;
    expect(decision.value).toBe(recomputed);
    expect(decision.share).toBe(0.1);
    expect(decision.selected).toBe(recomputed < 0.1);
  });

  it("cannot be known before the salt is made, and keeps the cycle's earlier seed", () => {
    const values = new Set(
      ['a', 'b', 'c', 'd'].map(
        (salt) => decideAudit({ ...base, salt, share: 0.5, reinstatement: false, extendedAndAlwaysAudited: false }).value,
      ),
    );
    expect(values.size).toBe(4);
    const first = decideAudit({ ...base, share: 0.5, reinstatement: false, extendedAndAlwaysAudited: false });
    const again = decideAudit({
      ...base,
      salt: 'other',
      earlierSeed: first.seed!,
      share: 0.5,
      reinstatement: false,
      extendedAndAlwaysAudited: false,
    });
    expect(again).toEqual(first);
  });

  it('draws the same for the same seed, whenever it is run', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.double({ min: 0, max: 1, noNaN: true }), (certificationId, share) => {
        const options = { ...base, certificationId, share, reinstatement: false, extendedAndAlwaysAudited: false };
        expect(decideAudit(options)).toEqual(decideAudit(options));
      }),
    );
  });

  it('selects about the policy share of many applications', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1_000_000 }), (percent, salt) => {
        const share = percent / 100;
        const n = 4000;
        let selected = 0;
        for (let i = 0; i < n; i++) if (drawValue(`namss:${salt}-${i}:2019-12-02`) < share) selected++;
        // Binomial: 4000 draws, so 5 standard deviations is at most 4 percentage points.
        expect(Math.abs(selected / n - share)).toBeLessThan(0.04);
      }),
      { numRuns: 15 },
    );
  });

  it('gives values in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const value = drawValue(seed);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
      }),
    );
  });
});
