import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type {
  CardPaymentInput,
  CheckPaymentInput,
  CreditInput,
  EmployerCardPaymentInput,
  InvoiceSummary,
  InvoiceView,
  PayLinkView,
} from '../../server/billing/billing-schemas';
import { api, path } from './client';

/** Invoices, payments and credits; and the public pay link (no sign-in). */

export type {
  CardPaymentInput,
  CheckPaymentInput,
  CreditInput,
  EmployerCardPaymentInput,
  InvoiceSummary,
  InvoiceView,
  PayLinkView,
};

export const personInvoicesQuery = (bodyId: string, personId: string) =>
  queryOptions({
    queryKey: ['invoices', bodyId, 'person', personId],
    queryFn: () =>
      api<{ invoices: InvoiceSummary[] }>('GET', path`/api/v1/bodies/${bodyId}/people/${personId}/invoices`).then(
        (r) => r.invoices,
      ),
  });

export const invoiceListQuery = (bodyId: string, status: 'unpaid' | 'paid' | 'all') =>
  queryOptions({
    queryKey: ['invoices', bodyId, 'list', status],
    queryFn: () =>
      api<{ invoices: InvoiceSummary[]; truncated: boolean }>(
        'GET',
        `${path`/api/v1/bodies/${bodyId}/invoices`}?status=${status}`,
      ),
  });

export const invoiceQuery = (bodyId: string, invoiceId: string) =>
  queryOptions({
    queryKey: ['invoices', bodyId, 'one', invoiceId],
    queryFn: () => api<InvoiceView>('GET', path`/api/v1/bodies/${bodyId}/invoices/${invoiceId}`),
  });

export const payLinkQuery = (bodyId: string, token: string) =>
  queryOptions({
    queryKey: ['pay-link', bodyId, token],
    queryFn: () => api<PayLinkView>('GET', path`/api/v1/bodies/${bodyId}/pay/${token}`),
    retry: false,
  });

export const recordCheck = (bodyId: string, invoiceId: string, body: CheckPaymentInput) =>
  api<InvoiceView>('POST', path`/api/v1/bodies/${bodyId}/invoices/${invoiceId}/checks`, body);

export const payInvoiceByCard = (bodyId: string, invoiceId: string, body: CardPaymentInput) =>
  api<InvoiceView>('POST', path`/api/v1/bodies/${bodyId}/invoices/${invoiceId}/card`, body);

export const creditInvoice = (bodyId: string, invoiceId: string, body: CreditInput) =>
  api<InvoiceView>('POST', path`/api/v1/bodies/${bodyId}/invoices/${invoiceId}/credits`, body);

export const payByPayLink = (bodyId: string, token: string, body: EmployerCardPaymentInput) =>
  api<PayLinkView>('POST', path`/api/v1/bodies/${bodyId}/pay/${token}/card`, body);

/** After a payment or credit: the invoice, the lists it appears in. */
export function invalidateInvoices(queryClient: QueryClient, bodyId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['invoices', bodyId] });
}
