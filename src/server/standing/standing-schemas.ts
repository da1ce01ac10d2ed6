import { z } from 'zod';
import { STANDING_ACTIONS } from '../db/schema/renewals';

/** POST .../people/:personId/standing: an admin's ethics decision on one certification, always with a reason. */
export const standingDecisionBodySchema = z.strictObject({
  program: z.string().min(1).max(64),
  action: z.enum(STANDING_ACTIONS),
  reason: z.string().trim().min(1, 'a decision needs a reason').max(4000),
});
export type StandingDecisionBody = z.output<typeof standingDecisionBodySchema>;

/** POST .../standing/:decisionId/appeal: the person's grounds. */
export const standingAppealBodySchema = z.strictObject({
  text: z.string().trim().min(1, 'say why the decision should change').max(10000),
});

/** POST .../standing/:decisionId/appeal-decision: final, with a reason. */
export const standingAppealDecisionBodySchema = z.strictObject({
  outcome: z.enum(['upheld', 'overturned']),
  reason: z.string().trim().min(1, 'an appeal decision needs a reason').max(4000),
});

export const standingDecisionSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  program: z.string(),
  action: z.enum(STANDING_ACTIONS),
  reason: z.string(),
  decidedOn: z.string(),
  decidedAt: z.string(),
  /** The last day to appeal; null for a restoration, which cannot be appealed. */
  appealBy: z.string().nullable(),
  appeal: z
    .object({
      text: z.string(),
      at: z.string(),
      outcome: z.enum(['upheld', 'overturned']).nullable(),
      decidedAt: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
});
export type StandingDecisionView = z.output<typeof standingDecisionSchema>;

export const standingDecisionsSchema = z.object({ decisions: z.array(standingDecisionSchema) });

/** GET /api/v1/bodies/:bodyId/standing-appeals: admins' list, oldest first. */
export const standingAppealsSchema = z.object({
  items: z.array(
    z.object({
      decision: standingDecisionSchema,
      person: z.object({ id: z.uuid(), number: z.string(), legalName: z.string() }),
    }),
  ),
});
export type StandingAppeals = z.output<typeof standingAppealsSchema>;
