import type { Config } from '../config';
import { LocalCardProvider } from './local-card-provider';

/** Card details as the payer typed them; passed to the provider and never stored or logged by Recert. */
export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName: string;
}

export interface PaymentRequest {
  amountCents: number;
  /** ISO 4217, e.g. USD. */
  currency: string;
  /** What the payer's statement shows, e.g. "NAMSS invoice NAMSS-2026-000042". */
  description: string;
  card: CardDetails;
  /**
   * The same key for a retried request: the provider then answers with the
   * first attempt's outcome and never charges twice.
   */
  idempotencyKey: string;
}

export type PaymentOutcome =
  | { status: 'succeeded'; reference: string; cardBrand: string; cardLast4: string }
  | {
      status: 'declined';
      /** Why, in words the payer reads. */
      declineReason: string;
      /** The card detail at fault, when one is. */
      field: 'number' | 'expMonth' | 'expYear' | 'cvc' | null;
    };

/**
 * A card payment service. An adapter for a real one (Stripe, Authorize.net,
 * ...) implements this, passing the idempotency key through, and is chosen by
 * PAYMENT_PROVIDER in `createPaymentProvider`; nothing else changes.
 */
export interface PaymentProvider {
  /** Stored with each payment; with the reference it is unique. */
  readonly name: string;
  createPayment(request: PaymentRequest): Promise<PaymentOutcome>;
}

/** The provider the configuration names. */
export function createPaymentProvider(config: Pick<Config, 'PAYMENT_PROVIDER'>, now: () => Date): PaymentProvider {
  switch (config.PAYMENT_PROVIDER) {
    case 'local':
      return new LocalCardProvider(now);
  }
}
