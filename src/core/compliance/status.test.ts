/**
 * A cycle's status on every NAMSS boundary date (seed 003), with and without
 * the person's own steps (an extension, a pending renewal) and staff holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requireDate } from '../dates/calendar-date';
import { builtinRegistry } from '../policies/builtin/index';
import { deadlinesFor, STATUSES, statusOn, type CycleState } from './deadlines';
import { evaluate } from './evaluate';

const registry = builtinRegistry();
const cpcs = registry.require('namss/cpcs');
// The cycle 2022-12-02 to 2025-12-01: due 2025-12-01, late until 2025-12-31, grace to 2026-06-01.
const deadlines = deadlinesFor(cpcs, requireDate('2025-12-01')).days;
const at = (date: string, state: { extendedTo?: string; renewalSubmittedOn?: string; hold?: CycleState['hold'] } = {}) =>
  statusOn(deadlines, requireDate(date), {
    extendedTo: state.extendedTo ? requireDate(state.extendedTo) : null,
    renewalSubmittedOn: state.renewalSubmittedOn ? requireDate(state.renewalSubmittedOn) : null,
    hold: state.hold ?? null,
  });

describe('the calendar alone', () => {
  it.each([
    ['2025-07-31', 'active'],
    ['2025-08-01', 'renewal-open'],
    ['2025-12-01', 'renewal-open'],
    ['2025-12-02', 'late'],
    ['2025-12-31', 'late'],
    ['2026-01-01', 'lapsed'],
    ['2026-06-01', 'lapsed'],
    ['2026-06-02', 'expired'],
  ])('%s: %s', (date, status) => expect(at(date)).toBe(status));
});

describe('an extension to June 1', () => {
  const extendedTo = '2026-06-01';
  it.each([
    ['2025-11-30', 'renewal-open'],
    ['2025-12-02', 'extended'],
    ['2026-01-01', 'extended'],
    ['2026-06-01', 'extended'],
    // Grace ends on June 1 too: an extension not met is not reinstated.
    ['2026-06-02', 'expired'],
  ])('%s: %s', (date, status) => expect(at(date, { extendedTo })).toBe(status));
});

describe('a renewal awaiting the decision', () => {
  it.each([
    // Submitted on the due date, decided weeks later: nobody lapses waiting for staff.
    ['2025-12-01', '2026-01-15', 'in-review'],
    ['2025-12-20', '2026-01-15', 'in-review'],
    // Reinstatement submitted in grace.
    ['2026-03-01', '2026-07-01', 'in-review'],
    // Not before it was submitted.
    ['2025-12-20', '2025-12-10', 'late'],
    // Submitted after everything had ended (cannot be accepted): the calendar decides.
    ['2026-06-05', '2026-06-10', 'expired'],
  ])('submitted %s, on %s: %s', (renewalSubmittedOn, date, status) => expect(at(date, { renewalSubmittedOn })).toBe(status));
});

describe('staff holds override everything', () => {
  it.each(['suspended', 'withdrawn'] as const)('%s', (hold) => {
    expect(at('2025-09-01', { hold })).toBe(hold);
    expect(at('2025-12-15', { hold, renewalSubmittedOn: '2025-11-01', extendedTo: '2026-06-01' })).toBe(hold);
  });
});

describe('statusOn is total', () => {
  it('gives one of the statuses for any date and state', () => {
    const day = fc.integer({ min: requireDate('2024-01-01'), max: requireDate('2027-12-31') });
    fc.assert(
      fc.property(
        day,
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        fc.constantFrom(null, 'suspended', 'withdrawn'),
        (asOf, extendedTo, renewalSubmittedOn, hold) => {
          const status = statusOn(deadlines, asOf, { extendedTo, renewalSubmittedOn, hold: hold as CycleState['hold'] });
          expect(STATUSES).toContain(status);
          // A granted extension replaces the late period: until the new due date the person is extended, never late.
          if (renewalSubmittedOn === null && hold === null && extendedTo !== null && extendedTo >= deadlines.due) {
            expect(status).not.toBe('late');
            if (asOf > deadlines.due && asOf <= extendedTo) expect(status).toBe('extended');
          }
        },
      ),
    );
  });
});

describe('the engine passes the state through', () => {
  it('reads extendedTo, renewalSubmittedOn and hold from the certification', () => {
    const status = (certification: Record<string, unknown>) =>
      evaluate(
        {
          asOf: '2025-12-15',
          certifications: [{ program: 'namss/cpcs', awarded: '2019-06-01', renewedThrough: '2022-12-01', ...certification }],
          activities: [],
        },
        registry,
      ).certifications[0]!.status;
    expect(status({})).toBe('late');
    expect(status({ extendedTo: '2026-06-01' })).toBe('extended');
    expect(status({ renewalSubmittedOn: '2025-11-20' })).toBe('in-review');
    expect(status({ hold: 'suspended' })).toBe('suspended');
  });
});
