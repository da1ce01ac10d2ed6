import { z } from 'zod';
import { isTimeZone } from '../dates/time-zone';

const days = z.number().int('must be whole days').min(1, 'must be at least 1').max(3650);

/** The rules of a body's CE-provider program: how long each step may take, and what it costs. */
export const providerProgramSchema = z.strictObject({
  /** The provider hears the decision on an application within this many days of submitting it (clock paused while more information is asked). */
  decisionDays: days,
  /** Confirmations of completion are due within this many days of the offering's completion date. */
  confirmationDays: days,
  /** Attendance records, grades and confirmations are kept at least this many years. */
  recordsYears: z.number().int().min(1).max(50),
  /** A terminated provider may appeal within this many days of the notice. */
  appealDays: days,
  /** How long an approval of a recurring course lasts; a single offering's lasts until its last date. */
  recurringApprovalYears: z.number().int().min(1).max(10),
  /** Fee per application in integer cents (zero: no fee). */
  applicationFee: z.number().int('must be whole cents').nonnegative('must not be negative'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  /** Printed before the number of each approval code (e.g. SER-2026-0042). */
  approvalCodePrefix: z.string().regex(/^[A-Z0-9]{2,10}$/, 'must be 2 to 10 capital letters or digits'),
});
export type ProviderProgram = z.output<typeof providerProgramSchema>;

/** A credentialing body: one tenant of an installation. */
export const bodySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  name: z.string().min(1),
  /** Deadlines and "today" are calendar dates in this IANA time zone. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
  providers: providerProgramSchema,
  configurable: z.array(z.strictObject({ path: z.string().min(1), reason: z.string().min(1) })).default([]),
});

export type BodyInput = z.input<typeof bodySchema>;
export type Body = z.output<typeof bodySchema>;
