import { z } from 'zod';
import { isoDateSchema } from '../../../core/policies/policy-schema';
import { issueAdder } from '../../../core/validation';
import { activityInputSchema } from '../../activities/activity-schemas';

/** What a provider may ask to have pre-approved (seed 002: courses, conferences, workshops, symposia, and the like). */
export const OFFERING_KINDS = ['course', 'conference', 'workshop', 'symposium', 'webinar', 'recurring-course'] as const;
export type OfferingKind = (typeof OFFERING_KINDS)[number];

/**
 * The fields of an application, built twice: for a draft, which may leave
 * any field out and any text or list empty (it is saved as the provider
 * types), and for a submission, which needs everything. Both refuse what is
 * wrong rather than missing: an unknown field, a date that is no date, text
 * that is too long.
 */
/** A missing field "is required"; one of the wrong type gets `message`. */
const says = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
});

/** Hours of an offering: more than none, at most two decimals. */
export const positiveHours = z
  .number(says('must be a number of hours'))
  .pipe(activityInputSchema.shape.hours)
  .refine((hours) => hours > 0, 'must be more than 0');

export const APPLICATION_FILE_KINDS = ['resume', 'syllabus', 'agenda', 'other'] as const;
export type ApplicationFileKind = (typeof APPLICATION_FILE_KINDS)[number];

function contentObject(stage: 'draft' | 'submission') {
  const draft = stage === 'draft';
  const text = (max: number) => {
    const value = z.string(says('must be text')).trim().max(max, `must be at most ${max} characters`);
    return draft ? value : value.min(1, 'is required');
  };
  const list = <T extends z.ZodType>(item: T, max: number, atLeastOne: string) => {
    const value = z.array(item, says('must be a list')).max(max, `must be at most ${max}`);
    return draft ? value : value.min(1, atLeastOne);
  };
  return z.strictObject({
    title: text(300),
    description: text(5000),
    kind: z.enum(OFFERING_KINDS, says(`must be one of ${OFFERING_KINDS.join(', ')}`)),
    /** The organization (or person) that runs the offering. */
    sponsor: text(300),
    instructors: list(
      z.strictObject({
        name: text(200),
        qualifications: text(2000),
        /** A file of kind `resume` uploaded to this application; needed at submission. */
        resumeFileId: z.uuid('must be a file id').nullable().optional(),
      }),
      50,
      'name at least one instructor',
    ),
    syllabus: text(20_000),
    objectives: list(text(1000), 50, 'give at least one educational objective'),
    /** Planned offering dates; a recurring course lists its first sessions. */
    dates: list(isoDateSchema, 366, 'give at least one planned date'),
    /** A recurring course may ask to be approved for the body's recurring period (two years at SER). */
    recurringApproval: z.boolean(says('must be true or false')).default(false),
    virtual: z.boolean(says('must be true or false')),
    city: text(120).nullable().optional(),
    region: text(120).nullable().optional(),
    registrationContact: text(500),
    // Shown as a link on the public calendar: only web addresses, never javascript: and the like.
    registrationUrl: z
      .url({ protocol: /^https?$/, error: 'must be a web address (http or https)' })
      .max(500)
      .nullable()
      .optional(),
    hours: positiveHours,
    categories: activityInputSchema.shape.categories,
  });
}

export const applicationDraftSchema = contentObject('draft').partial();
export type ApplicationDraft = z.output<typeof applicationDraftSchema>;

/** Checks that need several fields; they run on the raw value too, so one answer names every problem. */
export function contentCrossChecks(raw: unknown, add: (path: (string | number)[], message: string) => void): void {
  const content = (raw ?? {}) as Partial<Record<string, unknown>>;
  if (content.virtual === false) {
    if (!content.city) add(['city'], 'is required for an offering in person');
    if (!content.region) add(['region'], 'is required for an offering in person');
  }
  if (content.recurringApproval === true && content.kind !== 'recurring-course')
    add(['recurringApproval'], 'only a recurring course may ask for the recurring approval');
  const dates = Array.isArray(content.dates) ? content.dates : [];
  if (new Set(dates).size !== dates.length) add(['dates'], 'must not repeat a date');
}

export const applicationContentSchema = contentObject('submission').superRefine((content, ctx) =>
  contentCrossChecks(content, issueAdder(ctx)),
);
export type ApplicationContent = z.output<typeof applicationContentSchema>;
