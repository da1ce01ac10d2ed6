import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationPolicy, authorize } from '../../authorization';
import { readUpload, sendDocument } from '../../files/uploads';
import type { AppContext } from '../../http/context';
import { addApplicationFile } from './add-application-file';
import { applicationFileSchema, applicationParams, fileParams, fileQuerySchema } from './application-schemas';
import { getApplicationFile, loadApplication } from './load-application';
import { presentFile } from './present-application';
import { removeApplicationFile } from './remove-application-file';
import { routeTools } from './route-tools';

/** Resumes, syllabi, agendas and other documents of an application (multipart is registered by providerApplicationRoutes). */
export function applicationFileRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['provider applications'];
  const base = '/api/v1/bodies/:bodyId/providers/:providerId/applications/:applicationId/files';
  const { inputs } = routeTools(context);

  typed.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Attach a document (?kind=resume|syllabus|agenda|other; multipart field "file": PDF, PNG or JPEG, at most 10 MB)',
        consumes: ['multipart/form-data'],
        params: applicationParams,
        querystring: fileQuerySchema,
        response: { 201: applicationFileSchema },
      },
    },
    async (request, reply) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      const { filename, bytes } = await readUpload(request, 'application');
      const row = await addApplicationFile({ ...(await inputs(actor)), ...request.params, ...request.query, filename, bytes });
      return reply.status(201).send(presentFile(row));
    },
  );

  typed.get(
    `${base}/:fileId`,
    {
      schema: {
        tags,
        summary: "Download one of an application's documents (the provider, staff)",
        params: fileParams,
        produces: ['application/pdf', 'image/png', 'image/jpeg'],
      },
    },
    async (request, reply) => {
      authorize(applicationPolicy, 'read', request.actor, request.params);
      // Through the provider's application: another provider's file id finds nothing.
      await loadApplication(context.db, request.params);
      const file = await getApplicationFile(context.db, request.params);
      return sendDocument(reply, file, await context.files.get(file.storageKey));
    },
  );

  typed.delete(
    `${base}/:fileId`,
    {
      schema: {
        tags,
        summary: 'Remove a document while the application can change (a submitted version keeps it)',
        params: fileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = authorize(applicationPolicy, 'edit', request.actor, request.params);
      await removeApplicationFile({ ...(await inputs(actor)), ...request.params });
      return reply.status(204).send(null);
    },
  );
}
