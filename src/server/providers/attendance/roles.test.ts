import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { attendee, seedAttendanceCast, type AttendanceCast } from './attendance-cast';

type Who = 'anonymous' | 'alice' | 'pat' | 'quinn' | 'tara' | 'rita' | 'ada' | 'patKey' | 'quinnKey' | 'taraKey' | 'revokedKey';
const EVERYONE: Who[] = [
  'anonymous',
  'alice',
  'pat',
  'quinn',
  'tara',
  'rita',
  'ada',
  'patKey',
  'quinnKey',
  'taraKey',
  'revokedKey',
];

let t: TestApp;
let cast: AttendanceCast;
let headers: Record<Who, Record<string, string>>;
let attendanceId: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await seedAttendanceCast(t);
  const revokedKey = cast.keys.pat;
  // Pat replaces the key: the first one is revoked from then on.
  const rotated = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/providers/${cast.pat.provider.id}/api-key`,
    headers: cast.as.pat,
  });
  const { anonymous, alice, pat, quinn, tara, rita, ada } = cast.as;
  headers = {
    anonymous,
    alice,
    pat,
    quinn,
    tara,
    rita,
    ada,
    patKey: { authorization: `Bearer ${rotated.json<{ key: string }>().key}` },
    quinnKey: cast.keys.quinn,
    taraKey: cast.keys.tara,
    revokedKey,
  };
  const first = await t.app.inject({
    method: 'POST',
    url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance`,
    headers: headers.patKey,
    payload: { rows: [attendee({ name: 'Una Unmatched', email: 'una@elsewhere.example' })] },
  });
  expect(first.statusCode).toBe(200);
  const list = await t.app.inject({
    method: 'GET',
    url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance`,
    headers: headers.pat,
  });
  attendanceId = list.json<{ attendance: { id: string }[] }>().attendance[0]!.id;
}, 120_000);
afterAll(() => t.close());

/** What each caller gets: a provider of another body or offering learns nothing (404); staff may look but not report (403). */
const denied = { anonymous: 401, alice: 404, quinn: 404, tara: 404, quinnKey: 401, taraKey: 401, revokedKey: 401 };
const providerOrStaff = { ...denied, pat: 200, rita: 200, ada: 200, patKey: 401 };
const reporting = { ...denied, pat: 200, rita: 403, ada: 403, patKey: 200, quinnKey: 404, taraKey: 404 };
const staffOnly = { ...denied, alice: 403, pat: 403, quinn: 403, rita: 200, patKey: 401 };

const matrix: {
  name: string;
  request: () => { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; contentType?: string };
  expected: Record<Who, number>;
}[] = [
  {
    name: 'report attendance as JSON',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance`,
      payload: { rows: [attendee({ name: 'Alice Adams', number: cast.alice.person.number })] },
    }),
    expected: reporting,
  },
  {
    name: 'report attendance as CSV',
    request: () => ({
      method: 'POST',
      url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance/csv`,
      payload: 'name,email,completed_on,hours\nBob Brown,bob@example.org,2022-06-02,6\n',
      contentType: 'text/csv',
    }),
    expected: reporting,
  },
  {
    name: "read an offering's attendance",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance` }),
    expected: providerOrStaff,
  },
  {
    name: "download one attendee's confirmation",
    request: () => ({
      method: 'GET',
      url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/attendance/${attendanceId}/confirmation`,
    }),
    expected: providerOrStaff,
  },
  {
    name: "download all of an offering's confirmations",
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/offerings/${cast.offering.id}/confirmations` }),
    expected: providerOrStaff,
  },
  {
    name: 'check a confirmation (anyone)',
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/confirmations/NO-SUCH-CODE' }),
    expected: Object.fromEntries(EVERYONE.map((who) => [who, 200])) as Record<Who, number>,
  },
  {
    name: 'offerings past their window for confirmations',
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/attendance/overdue' }),
    expected: { ...staffOnly, ada: 200 },
  },
  {
    name: "every offering's attendance counts",
    request: () => ({ method: 'GET', url: '/api/v1/bodies/namss/attendance/counts' }),
    expected: { ...staffOnly, ada: 200 },
  },
  {
    name: 'purge old attendance records',
    request: () => ({ method: 'POST', url: '/api/v1/bodies/namss/attendance/purge', payload: { completedBefore: '2016-01-01' } }),
    expected: { ...staffOnly, rita: 403, ada: 200 },
  },
  {
    name: 'see whether the provider has an API key',
    request: () => ({ method: 'GET', url: `/api/v1/bodies/namss/providers/${cast.pat.provider.id}/api-key` }),
    expected: providerOrStaff,
  },
  {
    name: "revoke the provider's API key",
    request: () => ({ method: 'DELETE', url: `/api/v1/bodies/namss/providers/${cast.pat.provider.id}/api-key` }),
    expected: { ...denied, pat: 204, rita: 403, ada: 403, patKey: 401 },
  },
  {
    name: "create the provider's API key",
    request: () => ({ method: 'POST', url: `/api/v1/bodies/namss/providers/${cast.pat.provider.id}/api-key` }),
    expected: { ...denied, pat: 201, rita: 403, ada: 403, patKey: 401 },
  },
];

describe('every attendance route for every caller', () => {
  for (const { name, request, expected } of matrix) {
    it(name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of EVERYONE) {
        const { method, url, payload, contentType } = request();
        const response = await t.app.inject({
          method,
          url,
          payload: payload as string | object | undefined,
          headers: { ...headers[who], ...(contentType ? { 'content-type': contentType } : {}) },
        });
        got[who] = response.statusCode;
      }
      expect(got).toEqual(expected);
    });
  }
});
