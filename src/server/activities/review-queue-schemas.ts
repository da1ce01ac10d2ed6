import { z } from 'zod';
import { activitySchema } from './activity-schemas';

/** One activity waiting for advance approval, with whose it is and for how long. */
export const queueItemSchema = z.object({
  activity: activitySchema,
  person: z.object({ id: z.uuid(), number: z.string(), legalName: z.string() }),
  submittedOn: z.string(),
  daysWaiting: z.number().int(),
});
export type ReviewItem = z.output<typeof queueItemSchema>;

/** GET /api/v1/bodies/:bodyId/reviews/activities: oldest first. */
export const reviewQueueSchema = z.object({ items: z.array(queueItemSchema) });
export type ReviewQueue = z.output<typeof reviewQueueSchema>;
