import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { evaluate } from '../../core/compliance/evaluate';
import { builtinBodies, builtinPolicies } from '../../core/policies/builtin/index';
import { createPolicyRegistry } from '../../core/policies/policy-registry';
import { progressSchema } from '../certificants/present-person';
import { createTestApp, type TestApp } from '../testing/test-app';
import { registerProblemHandlers } from './problem';
import { zodFastSerializerCompiler } from './zod-fast-serializer';

const registry = createPolicyRegistry(builtinPolicies, builtinBodies);
const held = [
  {
    program: 'techserve/cpsr-1',
    awarded: '2021-01-01',
    renewedThrough: null,
    extendedTo: null,
    renewalSubmittedOn: null,
    hold: null,
  },
  {
    program: 'techserve/cpsae-1',
    awarded: '2021-06-01',
    renewedThrough: null,
    extendedTo: null,
    renewalSubmittedOn: null,
    hold: null,
  },
];
const result = evaluate(
  {
    asOf: '2022-06-01',
    certifications: held,
    activities: [
      { id: 'a1', type: 'webinar', date: '2021-07-01', hours: 5, categories: ['legal'] },
      { id: 'a2', type: 'external', date: '2020-03-01', hours: 2.5, approved: true },
      { id: 'a3', type: 'no-such-type', date: '2021-08-01', endDate: '2021-08-02', hours: 1 },
    ],
  },
  registry,
);
const progress = {
  person: {
    id: '7d3c1b4e-2f6a-4c1d-9e8f-0a1b2c3d4e5f',
    bodyId: 'techserve',
    number: 'T-1',
    legalName: 'Ada "Quoted" Lovelace\n',
    city: null,
    region: 'IL',
    member: true,
    contactEmails: ['ada@example.org'],
    mergedInto: null,
  },
  held,
  ...result,
};

// Two apps that differ only in the progress route's serializer: the default one (fastify-type-provider-zod) and ours.
async function appWith(fast: boolean, answer: () => unknown) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/progress',
    {
      schema: { response: { 200: progressSchema } },
      ...(fast ? { serializerCompiler: zodFastSerializerCompiler } : {}),
    },
    async () => answer() as z.output<typeof progressSchema>,
  );
  await app.ready();
  return app;
}

async function both(answer: () => unknown) {
  const [zodOnly, fast] = await Promise.all([appWith(false, answer), appWith(true, answer)]);
  const responses = await Promise.all([zodOnly, fast].map((app) => app.inject({ method: 'GET', url: '/progress' })));
  await Promise.all([zodOnly.close(), fast.close()]);
  return responses as [(typeof responses)[0], (typeof responses)[0]];
}

describe('the progress serializer', () => {
  it('writes the same JSON as zod and JSON.stringify', async () => {
    const [zodOnly, fast] = await both(() => progress);
    expect(fast.statusCode).toBe(200);
    expect(fast.json()).toEqual(zodOnly.json());
    expect(fast.json()).toEqual(JSON.parse(JSON.stringify(progress)));
    expect(fast.json().certifications[0].credits).toHaveLength(3);
  });

  it('leaves out what the schema does not name, as before', async () => {
    const [zodOnly, fast] = await both(() => ({
      ...progress,
      person: { ...progress.person, birthDate: '1990-01-01' },
      secret: 1,
    }));
    expect(fast.json()).toEqual(zodOnly.json());
    expect(fast.json().person).not.toHaveProperty('birthDate');
    expect(fast.json()).not.toHaveProperty('secret');
  });

  it.each([
    ['a wrong enum value', () => ({ ...progress, certifications: [{ ...progress.certifications[0]!, status: 'fine' }] })],
    ['a missing field', () => ({ ...progress, person: { ...progress.person, legalName: undefined } })],
    ['a wrong type', () => ({ ...progress, asOf: 20220601 })],
    ['a malformed id', () => ({ ...progress, person: { ...progress.person, id: 'not-a-uuid' } })],
  ])('refuses an answer with %s exactly as before: a 500 problem', async (_name, answer) => {
    const [zodOnly, fast] = await both(answer);
    expect(zodOnly.statusCode).toBe(500);
    expect(fast.statusCode).toBe(500);
    expect(fast.headers['content-type']).toBe(zodOnly.headers['content-type']);
    expect(fast.json()).toEqual(zodOnly.json());
  });
});

describe('the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('still describes the progress answer from its zod schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const answer = document.paths['/api/v1/bodies/{bodyId}/people/{personId}/progress'].get.responses['200'];
    const schema = answer.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(['person', 'asOf', 'held', 'certifications']);
    expect(schema.properties.certifications.items.properties.credits.items.properties.reason.enum).toContain('capped');
    expect(schema.properties.person.properties.id.format).toBe('uuid');
  });
});
