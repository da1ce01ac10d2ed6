import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { authorize, bodyPolicy, credentialPolicy } from '../authorization';
import { todayOf } from '../certificants/get-progress';
import { loadPerson } from '../certificants/load-person-record';
import { bodyParams, personParams } from '../certificants/routes';
import { credentials } from '../db/schema/credentials';
import type { AppContext } from '../http/context';
import { credentialKeyOf } from './credential-key';
import { issuerIdOf, publicBaseOf, VC_MEDIA_TYPE, type CredentialRow } from './credential-document';
import { certificatePdf } from './certificate-pdf';
import { credentialListSchema, credentialViewSchema, presentCredential } from './present-credential';
import { reissueCredential } from './reissue-credential';
import { bodySigningKey, signedCredential } from './sign-credential';
import { publishedKeys, rotateSigningKey } from './signing-keys';
import { signedStatusList, STATUS_LIST_MAX_AGE_SECONDS, type StatusPurpose } from './status-list';
import { MAX_JWT_LENGTH, uploadedJwt, verificationSchema, verifyCredentialJwt } from './verify-credential';
import { readUpload, registerUploads } from '../files/uploads';

const credentialParams = z.object({ credentialId: z.uuid('must be a credential id') });
const jwkSchema = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});
const VERIFICATIONS_PER_MINUTE = 60;

/** Issued credentials, their keys and status lists, and verification: public except the holder's list and key rotation. */
export async function credentialIssueRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerUploads(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['credentials'];
  const base = () => publicBaseOf(context.config);
  const services = async () => ({ db: context.db, config: context.config, registry: await context.policies.current() });
  const byId = async (id: string): Promise<CredentialRow> => {
    const [row] = await context.db.select().from(credentials).where(eq(credentials.id, id));
    if (!row) throw new RecertError('not-found', 'no credential has this id');
    return row;
  };
  const localStatusList = async (url: string) => {
    const match = new RegExp(
      `^${base().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/v1/bodies/([a-z0-9-]+)/credential-status/(\\d{1,6})/(revocation|suspension)$`,
    ).exec(url);
    if (!match) return null;
    return signedStatusList({
      db: context.db,
      base: base(),
      bodyId: match[1]!,
      list: Number(match[2]),
      purpose: match[3] as StatusPurpose,
      signingKey: async () => bodySigningKey(await services(), match[1]!),
    });
  };
  const verify = (jwt: string) => verifyCredentialJwt(jwt, { db: context.db, base: base(), now: context.now(), localStatusList });
  const cachePublicly = (reply: FastifyReply) => reply.header('cache-control', `public, max-age=${STATUS_LIST_MAX_AGE_SECONDS}`);

  app.addContentTypeParser(VC_MEDIA_TYPE, { parseAs: 'string', bodyLimit: MAX_JWT_LENGTH * 2 }, (_request, body, done) =>
    done(null, body),
  );

  typed.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags,
        summary: "Public: every body's credential signing keys, current and retired (JWKS)",
        response: { 200: z.object({ keys: z.array(jwkSchema) }) },
      },
    },
    async (_request, reply) => {
      cachePublicly(reply);
      return {
        keys: (await publishedKeys(context.db)).map(({ kty, crv, x, kid, alg, use }) => ({ kty, crv, x, kid, alg, use })),
      };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/issuer',
    {
      schema: {
        tags,
        summary: 'Public: the body as a credential issuer (Open Badges Profile), with its keys',
        params: bodyParams,
        response: {
          200: z.object({
            id: z.string(),
            type: z.array(z.string()),
            name: z.string(),
            url: z.string(),
            keys: z.array(jwkSchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      const body = (await context.policies.current()).body(bodyId);
      if (!body) throw new RecertError('not-found', 'not found');
      cachePublicly(reply);
      return {
        id: issuerIdOf(base(), bodyId),
        type: ['Profile'],
        name: body.name,
        url: `${base()}/standing/${bodyId}`,
        keys: (await publishedKeys(context.db, bodyId)).map(({ kty, crv, x, kid, alg, use }) => ({ kty, crv, x, kid, alg, use })),
      };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/credential-status/:list/:purpose',
    {
      schema: {
        tags,
        summary: 'Public: a signed Bitstring Status List credential (VC-JWT) of the body, revocation or suspension',
        params: bodyParams.extend({
          list: z.coerce.number().int().min(0).max(999_999),
          purpose: z.enum(['revocation', 'suspension']),
        }),
        produces: [VC_MEDIA_TYPE],
      },
    },
    async (request, reply) => {
      const { bodyId, list, purpose } = request.params;
      const registry = await context.policies.current();
      if (!registry.body(bodyId)) throw new RecertError('not-found', 'not found');
      const jwt = await signedStatusList({
        db: context.db,
        base: base(),
        bodyId,
        list,
        purpose,
        signingKey: async () => bodySigningKey(await services(), bodyId),
      });
      if (!jwt) throw new RecertError('not-found', 'no such status list');
      cachePublicly(reply);
      return reply.type(VC_MEDIA_TYPE).send(jwt);
    },
  );

  typed.get(
    '/api/v1/credentials/:credentialId',
    {
      schema: {
        tags,
        summary: 'Public: the credential as a signed VC-JWT (Open Badges 3.0)',
        params: credentialParams,
        produces: [VC_MEDIA_TYPE],
      },
    },
    async (request, reply) => {
      const row = await byId(request.params.credentialId);
      const { jwt } = await signedCredential(await services(), row);
      reply.header('content-disposition', `inline; filename="credential-${row.id}.jwt"`);
      return reply.type(VC_MEDIA_TYPE).send(jwt);
    },
  );

  typed.get(
    '/api/v1/credentials/:credentialId/verification',
    {
      schema: {
        tags,
        summary: 'Public: what a verifier checked of the credential now (signature, issuer key, dates, each status bit)',
        params: credentialParams,
        response: { 200: verificationSchema },
      },
      config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE * 5, timeWindow: '1 minute' } },
    },
    async (request) => {
      const row = await byId(request.params.credentialId);
      return verify((await signedCredential(await services(), row)).jwt);
    },
  );

  typed.post(
    '/api/v1/credentials/verify',
    {
      schema: {
        tags,
        summary:
          'Public: verify a VC-JWT, of this installation or another issuer whose keys it can fetch: pasted as {"jwt": ...} ' +
          'or the raw text, or uploaded as multipart field "file" (text, at most 128 KB)',
        body: z.union([z.object({ jwt: z.string().max(MAX_JWT_LENGTH * 2) }), z.string().max(MAX_JWT_LENGTH * 2)]).nullish(),
        consumes: ['application/json', VC_MEDIA_TYPE, 'text/plain', 'multipart/form-data'],
        response: { 200: verificationSchema },
      },
      config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (request) => {
      if (request.isMultipart()) return verify(uploadedJwt((await readUpload(request, 'credential', MAX_JWT_LENGTH * 2)).bytes));
      if (request.body === undefined || request.body === null)
        throw new RecertError('invalid-input', 'no credential', [{ path: 'body', message: 'give the VC-JWT' }]);
      return verify(typeof request.body === 'string' ? request.body : request.body.jwt);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/credentials',
    {
      schema: {
        tags,
        summary: "A person's credentials, newest first, with their links (the person, staff)",
        params: personParams,
        response: { 200: credentialListSchema },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(credentialPolicy, 'read', request.actor, { bodyId, personId });
      const registry = await context.policies.current();
      const today = todayOf(registry, bodyId, context.now());
      await loadPerson(context.db, bodyId, personId);
      const rows = await context.db
        .select()
        .from(credentials)
        .where(and(eq(credentials.bodyId, bodyId), eq(credentials.personId, personId)))
        // Issued in the same instant (a restore that supersedes), the current one first.
        .orderBy(desc(credentials.issuedAt), sql`${credentials.supersededBy} is not null`, asc(credentials.programId));
      return { credentials: rows.map((row) => presentCredential(row, registry, base(), today)) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/credentials/:credentialId/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'The printable certificate of a credential, with its verification link and QR code (the person, staff)',
        params: personParams.extend(credentialParams.shape),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { bodyId, personId, credentialId } = request.params;
      authorize(credentialPolicy, 'read', request.actor, { bodyId, personId });
      const [row] = await context.db
        .select()
        .from(credentials)
        .where(and(eq(credentials.bodyId, bodyId), eq(credentials.personId, personId), eq(credentials.id, credentialId)));
      if (!row) throw new RecertError('not-found', 'not found');
      const registry = await context.policies.current();
      const view = presentCredential(row, registry, base(), todayOf(registry, bodyId, context.now()));
      reply.header('content-disposition', `attachment; filename="certificate-${view.designation}-${view.certificateNumber}.pdf"`);
      return reply.type('application/pdf').send(Buffer.from(await certificatePdf(view)));
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/credentials/:credentialId/reissue',
    {
      schema: {
        tags,
        summary: "Re-issue a current credential under the name the person's profile prints now (the person, admins)",
        params: personParams.extend(credentialParams.shape),
        body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(1000) }),
        response: { 201: credentialViewSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId, credentialId } = request.params;
      const actor = authorize(credentialPolicy, 'reissue', request.actor, { bodyId, personId });
      const id = await reissueCredential({
        db: context.db,
        bodyId,
        personId,
        credentialId,
        reason: request.body.reason,
        actorUserId: actor.userId,
        now: context.now(),
      });
      const registry = await context.policies.current();
      const [row] = await context.db
        .select()
        .from(credentials)
        .where(and(eq(credentials.bodyId, bodyId), eq(credentials.id, id)));
      return reply.status(201).send(presentCredential(row!, registry, base(), todayOf(registry, bodyId, context.now())));
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/credential-keys/rotate',
    {
      schema: {
        tags,
        summary: "Rotate the body's signing key: a new key signs from now on, the old one stays published (admins)",
        params: bodyParams,
        body: z.object({ reason: z.string().trim().min(1, 'give a reason').max(1000) }),
        response: { 201: z.object({ kid: z.string(), retired: z.string().nullable() }) },
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      const actor = authorize(bodyPolicy, 'edit-policies', request.actor, { bodyId });
      const key = await credentialKeyOf(context.config);
      const rotated = await context.db.transaction((tx) =>
        rotateSigningKey({
          tx,
          key,
          bodyId,
          issuerId: issuerIdOf(base(), bodyId),
          actorUserId: actor.userId,
          reason: request.body.reason,
          now: context.now(),
        }),
      );
      return reply.status(201).send(rotated);
    },
  );
}
