import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityPolicy, authorize } from '../authorization';
import { personParams } from '../certificants/routes';
import { readUpload, registerUploads, sendDocument } from '../files/uploads';
import type { AppContext } from '../http/context';
import { addEvidence, getEvidence, listEvidence, removeEvidence, type EvidenceRow } from './evidence';

const evidenceSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

function presentEvidence(row: EvidenceRow): z.output<typeof evidenceSchema> {
  return {
    id: row.id,
    activityId: row.activityId,
    filename: row.filename,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.createdAt.toISOString(),
  };
}

const activityParams = personParams.extend({ activityId: z.uuid('must be an activity id') });
const evidenceParams = personParams.extend({ evidenceId: z.uuid('must be an evidence id') });

export async function evidenceRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  await registerUploads(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];

  typed.post(
    '/api/v1/bodies/:bodyId/people/:personId/activities/:activityId/evidence',
    {
      schema: {
        tags,
        summary: 'Attach evidence (multipart field "file": PDF, PNG or JPEG, at most 10 MB, checked from its content)',
        consumes: ['multipart/form-data'],
        params: activityParams,
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const { bodyId, personId, activityId } = request.params;
      const actor = authorize(activityPolicy, 'write', request.actor, { bodyId, personId });
      const { filename, bytes } = await readUpload(request, 'evidence');
      const row = await addEvidence({
        db: context.db,
        storage: context.files,
        bodyId,
        personId,
        activityId,
        filename,
        bytes,
        actorUserId: actor.userId,
      });
      return reply.status(201).send(presentEvidence(row));
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/activities/:activityId/evidence',
    {
      schema: {
        tags,
        summary: "An activity's evidence files",
        params: activityParams,
        response: { 200: z.object({ evidence: z.array(evidenceSchema) }) },
      },
    },
    async (request) => {
      const { bodyId, personId, activityId } = request.params;
      authorize(activityPolicy, 'read', request.actor, { bodyId, personId });
      return { evidence: (await listEvidence(context.db, bodyId, personId, activityId)).map(presentEvidence) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Download one evidence file',
        params: evidenceParams,
        produces: ['application/pdf', 'image/png', 'image/jpeg'],
      },
    },
    async (request, reply) => {
      const { bodyId, personId, evidenceId } = request.params;
      authorize(activityPolicy, 'read', request.actor, { bodyId, personId });
      const row = await getEvidence(context.db, bodyId, personId, evidenceId);
      const bytes = await context.files.get(row.storageKey);
      return sendDocument(reply, row, bytes);
    },
  );

  typed.delete(
    '/api/v1/bodies/:bodyId/people/:personId/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Remove an evidence file (until a submitted renewal uses its activity)',
        params: evidenceParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { bodyId, personId, evidenceId } = request.params;
      const actor = authorize(activityPolicy, 'write', request.actor, { bodyId, personId });
      await removeEvidence({ db: context.db, storage: context.files, bodyId, personId, evidenceId, actorUserId: actor.userId });
      return reply.status(204).send(null);
    },
  );
}
