import type { BodyInput } from '../core/policies/body-schema';
import { namssBody } from '../core/policies/builtin/namss';
import { serBody } from '../core/policies/builtin/ser';
import { techserveBody } from '../core/policies/builtin/techserve';

/**
 * The credentialing bodies of the installation, for pages open to anyone (the public CE calendar,
 * registering as a CE provider): the built-in documents only, no registry and no validation. A body
 * of the installation's own, unknown here, is shown by its id with these defaults.
 */
export interface BodyInfo {
  id: string;
  name: string;
  timeZone: string;
  /** A terminated provider may appeal within this many days of the notice. */
  appealDays: number;
  /** Days the coordinator has to decide an application. */
  decisionDays: number;
  /** How long the approval of a recurring course lasts. */
  recurringApprovalYears: number;
  /** Days a provider has to issue confirmations of completion. */
  confirmationDays: number;
}

const info = (body: BodyInput): BodyInfo => ({
  id: body.id,
  name: body.name,
  timeZone: body.timeZone,
  appealDays: body.providers.appealDays,
  decisionDays: body.providers.decisionDays,
  recurringApprovalYears: body.providers.recurringApprovalYears,
  confirmationDays: body.providers.confirmationDays,
});

export const KNOWN_BODIES: readonly BodyInfo[] = [namssBody, techserveBody, serBody].map(info);

export function bodyInfo(bodyId: string): BodyInfo {
  return (
    KNOWN_BODIES.find((body) => body.id === bodyId) ?? {
      id: bodyId,
      name: bodyId,
      timeZone: 'America/New_York',
      appealDays: 30,
      decisionDays: 42,
      recurringApprovalYears: 2,
      confirmationDays: 30,
    }
  );
}

/** Today's calendar date (YYYY-MM-DD) in a time zone: the body's "today", as its deadlines count. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    now,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
