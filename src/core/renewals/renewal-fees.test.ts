import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { requireDate } from '../dates/calendar-date';
import { deadlinesFor } from '../compliance/deadlines';
import { builtinRegistry } from '../policies/builtin/index';
import { feeDate, quoteRenewal } from './renewal-fees';

const registry = builtinRegistry();
const namss = registry.require('namss/cpcs');
// With a recertification fee, so each line shows (NAMSS's amount is configurable: the seed gives none).
const priced = { ...namss, fees: { ...namss.fees, recertification: { member: 27500, nonMember: 37500 } } };
const deadlines = deadlinesFor(namss, requireDate('2025-12-01')).days;

describe('NAMSS renewal fees on each boundary date (cycle ending 2025-12-01)', () => {
  it.each([
    ['2025-07-31', false, false, 'not-open', null],
    ['2025-08-01', false, true, 'on-time', 37500],
    ['2025-12-01', false, true, 'on-time', 37500],
    ['2025-12-02', false, true, 'late', 37500 + 5000],
    ['2025-12-31', false, true, 'late', 37500 + 5000],
    ['2026-01-01', false, true, 'grace', 37500 + 10000],
    ['2026-06-01', false, true, 'grace', 37500 + 10000],
    ['2026-06-02', false, false, 'expired', null],
    // Extended to June 1: on time until then, never late; after it the grace period is over too.
    ['2026-01-15', true, true, 'on-time', 37500],
    ['2026-06-01', true, true, 'on-time', 37500],
    ['2026-06-02', true, false, 'expired', null],
  ] as const)('submitted %s (extended: %s)', (on, extended, accepted, phaseOrReason, total) => {
    const quote = quoteRenewal({ policy: priced, deadlines, member: false, on: requireDate(on), extended });
    expect(quote.accepted).toBe(accepted);
    if (quote.accepted) {
      expect(quote.phase).toBe(phaseOrReason);
      expect(quote.totalCents).toBe(total);
      expect(quote.currency).toBe('USD');
    } else {
      expect(quote.reason).toBe(phaseOrReason);
    }
  });

  it('charges members the member price and says which amounts are configurable', () => {
    const quote = quoteRenewal({ policy: namss, deadlines, member: true, on: requireDate('2025-12-10'), extended: false });
    expect(quote).toMatchObject({
      accepted: true,
      lines: [
        { code: 'recertification', cents: 0, label: 'Recertification fee (member)' },
        { code: 'late', cents: 5000, label: 'Late fee (after 2025-12-01)' },
      ],
    });
    expect(quote.accepted && quote.notes.join()).toContain('fees.recertification');
    const member = quoteRenewal({ policy: priced, deadlines, member: true, on: requireDate('2025-09-01'), extended: false });
    expect(member.accepted && member.totalCents).toBe(27500);
  });

  it('explains a refusal with the date that mattered', () => {
    const early = quoteRenewal({ policy: namss, deadlines, member: true, on: requireDate('2025-01-01'), extended: false });
    expect(early).toMatchObject({ accepted: false, explanation: 'the renewal application opens on 2025-08-01' });
    const late = quoteRenewal({ policy: namss, deadlines, member: true, on: requireDate('2027-01-01'), extended: false });
    expect(late).toMatchObject({
      explanation:
        'the certification could be renewed or reinstated until 2026-06-01; it has expired: to hold it again, apply as a new candidate and pass the exam',
    });
  });
});

describe('a check dated on or before the due date', () => {
  it('counts as on time whenever it arrives, where the policy says so', () => {
    const decided = feeDate({
      submittedOn: requireDate('2025-12-09'),
      checkWrittenOn: requireDate('2025-12-01'),
      checkDateCounts: true,
    });
    const quote = quoteRenewal({ policy: priced, deadlines, member: false, on: decided, extended: false });
    expect(quote.accepted && quote.phase).toBe('on-time');
  });

  it('does not where the policy does not, nor for a check written later', () => {
    expect(
      feeDate({ submittedOn: requireDate('2025-12-09'), checkWrittenOn: requireDate('2025-12-01'), checkDateCounts: false }),
    ).toBe(requireDate('2025-12-09'));
    expect(
      feeDate({ submittedOn: requireDate('2025-12-09'), checkWrittenOn: requireDate('2025-12-20'), checkDateCounts: true }),
    ).toBe(requireDate('2025-12-09'));
    expect(feeDate({ submittedOn: requireDate('2025-12-09'), checkDateCounts: true })).toBe(requireDate('2025-12-09'));
  });
});

describe('properties', () => {
  it('never charges less for submitting later, and accepts exactly from the opening to the end of grace', () => {
    const opens = deadlines.opens!;
    const graceUntil = deadlines.graceUntil!;
    fc.assert(
      fc.property(fc.integer({ min: opens - 30, max: graceUntil + 30 }), fc.boolean(), (on, member) => {
        const today = quoteRenewal({ policy: priced, deadlines, member, on, extended: false });
        const tomorrow = quoteRenewal({ policy: priced, deadlines, member, on: on + 1, extended: false });
        expect(today.accepted).toBe(on >= opens && on <= graceUntil);
        if (today.accepted && tomorrow.accepted) expect(tomorrow.totalCents).toBeGreaterThanOrEqual(today.totalCents);
      }),
    );
  });
});
