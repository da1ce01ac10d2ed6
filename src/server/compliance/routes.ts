import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateAt } from '../../core/dates/today';
import { isoDateSchema } from '../../core/policies/policy-schema';
import { authorize, bodyPolicy } from '../authorization';
import { bodyParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { complianceOverview, overviewRows } from './compliance-overview';
import { reevaluateBody } from './reevaluate';

const programOverviewSchema = z.object({
  programId: z.string(),
  certifications: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  compliant: z.number().int(),
  onPace: z.number().int(),
  behindPace: z.number().int(),
  dueWithin90Days: z.number().int(),
});

export function complianceRoutes(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];
  const today = async (bodyId: string) =>
    dateAt((await context.policies.current()).body(bodyId)?.timeZone ?? 'UTC', context.now());

  typed.get(
    '/api/v1/bodies/:bodyId/overview',
    {
      schema: {
        tags,
        summary: 'Compliance per program: counts by status, on track or behind pace, due in the next 90 days (staff)',
        params: bodyParams,
        response: { 200: z.object({ today: z.string(), programs: z.array(programOverviewSchema) }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'read-overview', request.actor, { bodyId });
      const date = await today(bodyId);
      return { today: date, programs: await complianceOverview(context.db, bodyId, date) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/overview.csv',
    {
      schema: {
        tags,
        summary: 'Every certification with its figures, as CSV (staff)',
        params: bodyParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'read-overview', request.actor, { bodyId });
      const rows = await overviewRows(context.db, bodyId);
      const csv = stringify(rows, {
        header: true,
        columns: [
          { key: 'number', header: 'Certificant number' },
          { key: 'legalName', header: 'Legal name' },
          { key: 'programId', header: 'Program' },
          { key: 'cycleStart', header: 'Cycle start' },
          { key: 'cycleEnd', header: 'Cycle end' },
          { key: 'status', header: 'Status' },
          { key: 'compliant', header: 'Requirements met' },
          { key: 'onPace', header: 'On pace' },
          { key: 'due', header: 'Due' },
          { key: 'required', header: 'Required' },
          { key: 'earned', header: 'Earned' },
          { key: 'missing', header: 'Missing' },
          { key: 'evaluatedOn', header: 'Evaluated on' },
          { key: 'policyVersion', header: 'Policy version' },
        ],
        cast: { boolean: (value) => (value ? 'yes' : 'no') },
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${bodyId}-compliance-${await today(bodyId)}.csv"`)
        .send(csv);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/reevaluate',
    {
      schema: {
        tags,
        summary: 'Re-evaluate everyone in the body now (admins; the nightly job does the same)',
        params: bodyParams,
        body: z.strictObject({ asOf: isoDateSchema.optional() }).default({}),
        response: { 200: z.object({ asOf: z.string(), people: z.number().int(), certifications: z.number().int() }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(bodyPolicy, 'reevaluate', request.actor, { bodyId });
      const asOf = request.body.asOf ?? (await today(bodyId));
      const counts = await reevaluateBody({ db: context.db, registry: await context.policies.current(), bodyId, asOf });
      return { asOf, ...counts };
    },
  );
}
