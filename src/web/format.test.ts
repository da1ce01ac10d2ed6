import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime } from './format';

describe('formatBytes', () => {
  it('says bytes, KB and MB in plain words', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(35_328)).toBe('34.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
  });
});

describe('formatDateTime', () => {
  it('gives date and time, and leaves what is not an instant as it is', () => {
    expect(formatDateTime('2026-11-23T12:00:00.000Z')).toMatch(/^Nov 2[234], 2026, \d{1,2}:\d{2}\s[AP]M$/);
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
