import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateSchema } from '../../core/policies/policy-schema';
import { authorize, personPolicy } from '../authorization';
import type { AppContext } from '../http/context';
import { buildTranscript, type Transcript } from './build-transcript';
import { getProgress } from './get-progress';
import { personParams } from './routes';
import { transcriptPdf } from './transcript-pdf';

const CSV_COLUMNS = [
  ['designation', 'Certification'],
  ['cycleStart', 'Cycle start'],
  ['cycleEnd', 'Cycle end'],
  ['date', 'Date'],
  ['endDate', 'End date'],
  ['title', 'Activity'],
  ['provider', 'Provider'],
  ['type', 'Type'],
  ['location', 'Location'],
  ['approved', 'Approved by the body'],
  ['approvalCode', 'Approval code'],
  ['claimed', 'Hours claimed'],
  ['counted', 'Credit counted'],
  ['countsToward', 'Counts toward'],
  ['note', 'Why less than claimed'],
] as const;

export function transcriptRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const load = async (bodyId: string, personId: string, asOf: string | undefined): Promise<Transcript> => {
    const registry = await context.policies.current();
    const progress = await getProgress({ db: context.db, registry, bodyId, personId, asOf, now: context.now() });
    return buildTranscript(progress, registry.body(bodyId)?.name ?? bodyId);
  };
  const filename = (t: Transcript, ext: string) => `transcript-${t.person.number}-${t.asOf}.${ext}`;

  for (const format of ['csv', 'pdf'] as const) {
    typed.get(
      `/api/v1/bodies/:bodyId/people/:personId/transcript.${format}`,
      {
        schema: {
          tags: ['certificants'],
          summary: format === 'csv' ? 'The CE transcript as CSV' : 'The CE transcript as a PDF to hand to an auditor',
          params: personParams,
          querystring: z.object({ asOf: isoDateSchema.optional() }),
          produces: [format === 'csv' ? 'text/csv' : 'application/pdf'],
        },
      },
      async (request, reply) => {
        const { bodyId, personId } = request.params;
        authorize(personPolicy, 'read', request.actor, { bodyId, personId });
        const transcript = await load(bodyId, personId, request.query.asOf);
        reply.header('content-disposition', `attachment; filename="${filename(transcript, format)}"`);
        if (format === 'csv') {
          return reply.type('text/csv; charset=utf-8').send(
            stringify(transcript.lines, {
              header: true,
              columns: CSV_COLUMNS.map(([key, header]) => ({ key, header })),
              cast: { boolean: (value) => (value ? 'yes' : 'no') },
            }),
          );
        }
        const pdf = await transcriptPdf(transcript, context.now().toISOString().slice(0, 10));
        return reply.type('application/pdf').send(Buffer.from(pdf));
      },
    );
  }
}
