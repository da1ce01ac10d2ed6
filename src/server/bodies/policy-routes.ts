import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { authorize, bodyPolicy } from '../authorization';
import { bodyParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { publishPolicyVersion } from './publish-policy-version';

const programParams = bodyParams.extend({
  programId: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must look like body/program'),
});

/** A program's rules as data: the document in force (every member of the body), and new versions (admins). */
export function policyRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  typed.get(
    '/api/v1/bodies/:bodyId/programs/:programId/policy',
    {
      schema: {
        tags,
        summary: "The program's policy in force: every rule the product applies to it, as data",
        params: programParams,
        response: { 200: z.object({ version: z.number().int(), policy: z.record(z.string(), z.unknown()) }) },
      },
    },
    async (request) => {
      const { bodyId, programId } = request.params;
      authorize(bodyPolicy, 'read', request.actor, { bodyId });
      const policy = (await context.policies.current()).get(programId);
      if (!policy || policy.body !== bodyId) throw new RecertError('not-found', 'not found');
      return { version: policy.version, policy };
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/programs/:programId/policy-versions',
    {
      schema: {
        tags,
        summary: 'Put a new version of the policy in force (admins); results already judged keep their version',
        params: programParams,
        body: z.object({
          policy: z.record(z.string(), z.unknown()),
          reason: z.string().trim().min(3, 'say why the rules change (at least 3 characters)').max(2000),
        }),
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const { bodyId, programId } = request.params;
      const actor = authorize(bodyPolicy, 'edit-policies', request.actor, { bodyId });
      const { version } = await publishPolicyVersion({
        db: context.db,
        store: context.policies,
        bodyId,
        programId,
        document: request.body.policy,
        reason: request.body.reason,
        actorUserId: actor.userId,
      });
      return reply.status(201).send({ version });
    },
  );
}
