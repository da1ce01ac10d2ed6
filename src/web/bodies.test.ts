import { describe, expect, it } from 'vitest';
import { bodyInfo, KNOWN_BODIES, todayIn } from './bodies';
import { addDays } from './providers/dates';

describe('the bodies known to the web app', () => {
  it('are the built-in ones with their provider program, and any other by its id', () => {
    expect(KNOWN_BODIES.map((body) => body.id)).toEqual(['namss', 'techserve', 'ser']);
    expect(bodyInfo('ser')).toMatchObject({ name: 'Society for Ecological Restoration', appealDays: 30, decisionDays: 42 });
    expect(bodyInfo('acme')).toMatchObject({ id: 'acme', name: 'acme' });
  });

  it("tell today's date in the body's time zone", () => {
    const lateEvening = new Date('2026-11-24T03:30:00Z');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-11-23');
    expect(todayIn('Europe/Paris', lateEvening)).toBe('2026-11-24');
  });

  it('count days forward across months and years', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('not a date', 3)).toBe('not a date');
  });
});
