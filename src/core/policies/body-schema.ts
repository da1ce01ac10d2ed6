import { z } from 'zod';
import { isTimeZone } from '../dates/time-zone';

/** A credentialing body: one tenant of an installation. */
export const bodySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
  name: z.string().min(1),
  /** Deadlines and "today" are calendar dates in this IANA time zone. */
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
  configurable: z.array(z.strictObject({ path: z.string().min(1), reason: z.string().min(1) })).default([]),
});

export type BodyInput = z.input<typeof bodySchema>;
export type Body = z.output<typeof bodySchema>;
