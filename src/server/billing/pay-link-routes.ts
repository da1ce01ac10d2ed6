import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../core/errors';
import { bodyParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import { employerCardPaymentInputSchema, payLinkViewSchema } from './billing-schemas';
import { loadLedgerByPayToken, type InvoiceLedger } from './invoice-ledger';
import { personNameOf } from './list-invoices';
import { payByCard } from './pay-by-card';
import type { PaymentProvider } from './payment-provider';
import { presentPayLink } from './present-invoice';

/**
 * Requests per address and minute on the pay link: plenty for a person paying,
 * useless for guessing tokens (18 random bytes would take longer than the universe anyway).
 */
const PAY_LINK_REQUESTS_PER_MINUTE = 30;

const payLinkParams = bodyParams.extend({
  token: z.string().min(1).max(64, 'is not a pay link token'),
});

/**
 * The pay link a certificant gives their employer: no sign-in, the token is
 * the permission. It shows the invoice and takes a card payment, nothing else.
 */
export function payLinkRoutes(app: FastifyInstance, context: AppContext, provider: PaymentProvider): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  const config = { rateLimit: { max: PAY_LINK_REQUESTS_PER_MINUTE, timeWindow: '1 minute' } };

  const bodyOf = async (bodyId: string) => {
    const body = (await context.policies.current()).body(bodyId);
    if (!body) throw new RecertError('not-found', 'not found');
    return body;
  };
  const view = async (ledger: InvoiceLedger, body: { id: string; name: string }) =>
    presentPayLink(ledger, await personNameOf(context.db, ledger.invoice.bodyId, ledger.invoice.personId), body);

  typed.get(
    '/api/v1/bodies/:bodyId/pay/:token',
    {
      schema: {
        tags,
        summary: 'Public, with the pay link: an invoice and what is owed on it',
        params: payLinkParams,
        response: { 200: payLinkViewSchema },
      },
      config,
    },
    async (request) => {
      const body = await bodyOf(request.params.bodyId);
      return view(await loadLedgerByPayToken(context.db, body.id, request.params.token), body);
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/pay/:token/card',
    {
      schema: {
        tags,
        summary: "Public, with the pay link: an employer pays a person's invoice by card",
        params: payLinkParams,
        body: employerCardPaymentInputSchema,
        response: { 200: payLinkViewSchema, 201: payLinkViewSchema },
      },
      config,
    },
    async (request, reply) => {
      const body = await bodyOf(request.params.bodyId);
      const ledger = await loadLedgerByPayToken(context.db, body.id, request.params.token);
      const { organisation, ...input } = request.body;
      const result = await payByCard({
        db: context.db,
        registry: await context.policies.current(),
        provider,
        bodyId: body.id,
        invoiceId: ledger.invoice.id,
        input,
        payer: { kind: 'employer', name: organisation },
        actorUserId: request.actor?.userId ?? null,
        now: context.now(),
      });
      return reply.status(result.repeated ? 200 : 201).send(await view(result.ledger, body));
    },
  );
}
