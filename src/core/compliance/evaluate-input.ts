import { z } from 'zod';
import { asList, asObject, issueAdder, type AddIssue } from '../validation';
import { parseDate } from '../dates/calendar-date';
import { RecertError } from '../errors';
import type { PolicyRegistry } from '../policies/policy-registry';
import { isoDateSchema } from '../policies/policy-schema';
import { parseOrThrow, type ItemLabel } from '../validation';
import type { EvaluateInput } from './evaluate-types';
import { HOLDS } from './deadlines';

/** The `recert evaluate` input contract; `asOf` may be left to the caller (default: today in the body's time zone). */
export function evaluateInputSchema(registry: PolicyRegistry) {
  const certification = z.strictObject({
    program: z
      .string()
      .min(1, 'is required')
      .refine((id) => registry.get(id) !== undefined, {
        error: (issue) =>
          `unknown program "${String(issue.input)}"; known: ${registry
            .list()
            .map((p) => p.id)
            .join(', ')}`,
      }),
    awarded: isoDateSchema,
    renewedThrough: isoDateSchema.nullable().optional(),
    extendedTo: isoDateSchema.nullable().optional(),
    renewalSubmittedOn: isoDateSchema.nullable().optional(),
    hold: z.enum(HOLDS).nullable().optional(),
  });
  const activity = z.strictObject({
    id: z.string().min(1, 'is required'),
    type: z.string().min(1, 'is required'),
    title: z.string().optional(),
    date: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    hours: z.number('must be a number').finite('must be a finite number').nonnegative('must not be negative'),
    categories: z.array(z.string().min(1)).optional(),
    approved: z.boolean().optional(),
  });
  return z
    .strictObject({
      asOf: isoDateSchema.optional(),
      certifications: z.array(certification).min(1, 'must list at least one certification'),
      activities: z.array(activity).default([]),
    })
    .superRefine((input, ctx) => evaluateCrossFieldIssues(input, issueAdder(ctx), registry));
}

const isDate = (value: unknown): value is string => typeof value === 'string' && parseDate(value) !== null;

/** Checks across fields; run on the raw input too when a field fails (see parseWithCrossChecks), so read defensively. */
export function evaluateCrossFieldIssues(input: unknown, issue: AddIssue, registry: PolicyRegistry): void {
  const programs = new Set<string>();
  asList(asObject(input).certifications).forEach((entry, index) => {
    const certification = asObject(entry);
    const program = certification.program;
    if (typeof program === 'string') {
      if (programs.has(program)) issue(['certifications', index, 'program'], `"${program}" is listed twice`);
      programs.add(program);
    }
    const { awarded, renewedThrough } = certification;
    if (isDate(awarded) && isDate(renewedThrough) && renewedThrough < awarded) {
      issue(['certifications', index, 'renewedThrough'], 'must not be before awarded');
    }
  });
  const policies = [...programs].flatMap((id) => registry.get(id) ?? []);
  const known = [...new Set(policies.flatMap((policy) => policy.activityTypes.map((type) => type.id)))];
  const ids = new Set<unknown>();
  asList(asObject(input).activities).forEach((entry, index) => {
    const activity = asObject(entry);
    if (typeof activity.id === 'string') {
      if (ids.has(activity.id)) issue(['activities', index, 'id'], `duplicate activity id "${activity.id}"`);
      ids.add(activity.id);
    }
    if (isDate(activity.date) && isDate(activity.endDate) && activity.endDate < activity.date) {
      issue(['activities', index, 'endDate'], 'must not be before date');
    }
    const type = activity.type;
    if (
      typeof type === 'string' &&
      type !== '' &&
      policies.length > 0 &&
      !policies.some((policy) => registry.typeRule(policy, type))
    ) {
      issue(
        ['activities', index, 'type'],
        `"${type}" is not an activity type of ${policies.map((p) => p.id).join(' or ')}; known: ${known.join(', ')}`,
      );
    }
  });
}

export type EvaluateInputDraft = Omit<EvaluateInput, 'asOf'> & { asOf?: string };

const labelItems =
  (raw: unknown): ItemLabel =>
  (path, index) => {
    if (path.length !== 1 || path[0] !== 'activities' || typeof raw !== 'object' || raw === null) return undefined;
    const item = (raw as { activities?: unknown[] }).activities?.[index];
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id !== '' ? `id "${id}"` : undefined;
  };

/** Validates untrusted evaluate input; throws one RecertError naming every item and field at fault. */
export function parseEvaluateInput(raw: unknown, registry: PolicyRegistry): EvaluateInputDraft {
  return parseOrThrow(evaluateInputSchema(registry), raw, {
    what: 'the input',
    label: labelItems(raw),
    crossChecks: (value, add) => evaluateCrossFieldIssues(value, add, registry),
  });
}

/** Parses the text of an input file. */
export function parseEvaluateJson(text: string, registry: PolicyRegistry): EvaluateInputDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RecertError('invalid-input', 'the input is not valid JSON', [
      { path: '(input)', message: `not valid JSON: ${(error as Error).message}` },
    ]);
  }
  return parseEvaluateInput(raw, registry);
}
