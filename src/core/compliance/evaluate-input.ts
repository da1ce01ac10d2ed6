import { z } from 'zod';
import { RecertError } from '../errors';
import type { PolicyRegistry } from '../policies/policy-registry';
import { isoDateSchema } from '../policies/policy-schema';
import { parseOrThrow, type ItemLabel } from '../validation';
import type { EvaluateInput } from './evaluate-types';

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
    .superRefine((input, ctx) => {
      const programs = new Set<string>();
      input.certifications.forEach((certification, index) => {
        if (programs.has(certification.program)) {
          ctx.addIssue({
            code: 'custom',
            path: ['certifications', index, 'program'],
            message: `"${certification.program}" is listed twice`,
          });
        }
        programs.add(certification.program);
        if (certification.renewedThrough && certification.renewedThrough < certification.awarded) {
          ctx.addIssue({
            code: 'custom',
            path: ['certifications', index, 'renewedThrough'],
            message: 'must not be before awarded',
          });
        }
      });
      const policies = [...programs].flatMap((id) => registry.get(id) ?? []);
      const ids = new Set<string>();
      input.activities.forEach((activity, index) => {
        if (ids.has(activity.id)) {
          ctx.addIssue({ code: 'custom', path: ['activities', index, 'id'], message: `duplicate activity id "${activity.id}"` });
        }
        ids.add(activity.id);
        if (activity.endDate && activity.endDate < activity.date) {
          ctx.addIssue({ code: 'custom', path: ['activities', index, 'endDate'], message: 'must not be before date' });
        }
        if (policies.length > 0 && !policies.some((policy) => registry.typeRule(policy, activity.type))) {
          const known = [...new Set(policies.flatMap((policy) => policy.activityTypes.map((type) => type.id)))];
          ctx.addIssue({
            code: 'custom',
            path: ['activities', index, 'type'],
            message: `"${activity.type}" is not an activity type of ${policies.map((p) => p.id).join(' or ')}; known: ${known.join(', ')}`,
          });
        }
      });
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
  return parseOrThrow(evaluateInputSchema(registry), raw, { what: 'the input', label: labelItems(raw) });
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
