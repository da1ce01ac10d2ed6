import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, invoiceListPolicy, invoicePolicy } from '../authorization';
import { RecertError } from '../../core/errors';
import type { Actor } from '../accounts/actor';
import { bodyParams, personParams } from '../certificants/routes';
import type { AppContext } from '../http/context';
import {
  cardPaymentInputSchema,
  checkPaymentInputSchema,
  creditInputSchema,
  invoiceListQuerySchema,
  invoiceSummarySchema,
  invoiceViewSchema,
} from './billing-schemas';
import { creditInvoice } from './credit-invoice';
import { loadInvoiceLedger, type InvoiceLedger } from './invoice-ledger';
import { listInvoices, listPersonInvoices, personNameOf } from './list-invoices';
import { payByCard } from './pay-by-card';
import { createPaymentProvider, type PaymentProvider } from './payment-provider';
import { payLinkRoutes } from './pay-link-routes';
import { presentInvoice } from './present-invoice';
import { recordCheckPayment } from './record-check-payment';

const invoiceParams = bodyParams.extend({ invoiceId: z.uuid('must be an invoice id') });

/** Invoices, payments and credits; and the public pay link. */
export function billingRoutes(app: FastifyInstance, context: AppContext): void {
  const provider = createPaymentProvider(context.config, context.now);
  invoiceRoutes(app, context, provider);
  payLinkRoutes(app, context, provider);
}

function invoiceRoutes(app: FastifyInstance, context: AppContext, provider: PaymentProvider): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['billing'];
  const view = async (ledger: InvoiceLedger) =>
    presentInvoice(ledger, await personNameOf(context.db, ledger.invoice.bodyId, ledger.invoice.personId));
  /** The invoice and the actor allowed `action` on it; 401 before anything is looked up. */
  const invoiceFor = async (
    actor: Actor | null,
    params: { bodyId: string; invoiceId: string },
    action: 'read' | 'pay' | 'record-payment' | 'credit',
  ) => {
    if (!actor) throw new RecertError('unauthenticated', 'sign in first');
    const ledger = await loadInvoiceLedger(context.db, params.bodyId, params.invoiceId);
    return {
      actor: authorize(invoicePolicy, action, actor, { bodyId: params.bodyId, personId: ledger.invoice.personId }),
      ledger,
    };
  };

  typed.get(
    '/api/v1/bodies/:bodyId/people/:personId/invoices',
    {
      schema: {
        tags,
        summary: "A person's invoices, newest first",
        params: personParams,
        response: { 200: z.object({ invoices: z.array(invoiceSummarySchema) }) },
      },
    },
    async (request) => {
      const { bodyId, personId } = request.params;
      authorize(invoicePolicy, 'read', request.actor, { bodyId, personId });
      return { invoices: await listPersonInvoices(context.db, bodyId, personId) };
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/invoices',
    {
      schema: {
        tags,
        summary: "Staff: the body's invoices, unpaid by default, oldest first",
        params: bodyParams,
        querystring: invoiceListQuerySchema,
        response: { 200: z.object({ invoices: z.array(invoiceSummarySchema), truncated: z.boolean() }) },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      authorize(invoiceListPolicy, 'list', request.actor, { bodyId });
      return listInvoices(context.db, bodyId, request.query.status);
    },
  );

  typed.get(
    '/api/v1/bodies/:bodyId/invoices/:invoiceId',
    {
      schema: {
        tags,
        summary: 'An invoice: lines, credits, payments, balance and status',
        params: invoiceParams,
        response: { 200: invoiceViewSchema },
      },
    },
    async (request) => view((await invoiceFor(request.actor, request.params, 'read')).ledger),
  );

  typed.post(
    '/api/v1/bodies/:bodyId/invoices/:invoiceId/checks',
    {
      schema: {
        tags,
        summary: 'Admins: record a check received (one dated on time credits the late and reinstatement fees)',
        params: invoiceParams,
        body: checkPaymentInputSchema,
        response: { 201: invoiceViewSchema },
      },
    },
    async (request, reply) => {
      const { actor } = await invoiceFor(request.actor, request.params, 'record-payment');
      const ledger = await recordCheckPayment({
        db: context.db,
        registry: await context.policies.current(),
        bodyId: request.params.bodyId,
        invoiceId: request.params.invoiceId,
        input: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(await view(ledger));
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/invoices/:invoiceId/card',
    {
      schema: {
        tags,
        summary: 'Pay by card (the certificant, or an admin taking a card); a repeated idempotency key charges once',
        params: invoiceParams,
        body: cardPaymentInputSchema,
        response: { 200: invoiceViewSchema, 201: invoiceViewSchema },
      },
    },
    async (request, reply) => {
      const { actor } = await invoiceFor(request.actor, request.params, 'pay');
      const result = await payByCard({
        db: context.db,
        registry: await context.policies.current(),
        provider,
        bodyId: request.params.bodyId,
        invoiceId: request.params.invoiceId,
        input: request.body,
        payer: { kind: 'person', name: request.body.card.holderName },
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(result.repeated ? 200 : 201).send(await view(result.ledger));
    },
  );

  typed.post(
    '/api/v1/bodies/:bodyId/invoices/:invoiceId/credits',
    {
      schema: {
        tags,
        summary: 'Admins: credit an invoice (a waiver or a refund), with the reason',
        params: invoiceParams,
        body: creditInputSchema,
        response: { 201: invoiceViewSchema },
      },
    },
    async (request, reply) => {
      const { actor } = await invoiceFor(request.actor, request.params, 'credit');
      const ledger = await creditInvoice({
        db: context.db,
        registry: await context.policies.current(),
        bodyId: request.params.bodyId,
        invoiceId: request.params.invoiceId,
        input: request.body,
        actorUserId: actor.userId,
        now: context.now(),
      });
      return reply.status(201).send(await view(ledger));
    },
  );
}
