import { formatDate, parseDate, type DayNumber } from '../dates/calendar-date';
import { RecertError, type FieldIssue } from '../errors';
import { formatPath, issuesOf, toFieldIssues } from '../validation';
import { z } from 'zod';
import { bodySchema, type Body, type BodyInput } from './body-schema';
import { resolveDateRule } from './date-rule';
import { policyCrossFieldIssues, policySchema, type Policy, type PolicyInput } from './policy-schema';
import type { TypeRule } from '../compliance/credit-activity';
import { cycleEnd } from '../compliance/cycles';

export interface PolicyRegistry {
  get(id: string): Policy | undefined;
  require(id: string): Policy;
  list(): readonly Policy[];
  body(id: string): Body | undefined;
  bodies(): readonly Body[];
  /** The credit rule for an activity type under a program, or undefined when the program refuses the type. */
  typeRule(policy: Policy, typeId: string): TypeRule | undefined;
  /** The program's listed activity types by id (a fast path for typeRule). */
  typeRulesOf(policy: Policy): ReadonlyMap<string, TypeRule>;
}

const NO_TYPES: ReadonlyMap<string, TypeRule> = new Map();

const MAX_REMEMBERED_TYPES = 1000;

// Awards that exercise month-ends, year-ends and leap days when checking deadline order.
const SAMPLE_AWARDS = ['2019-06-15', '2020-02-29', '2021-12-31', '2022-01-01', '2023-12-02'].map(
  (d) => parseDate(d) as DayNumber,
);

/** Deadlines must come in order for every cycle: opens ≤ due ≤ late-until ≤ grace-until; request-by ≤ due < extended due. */
function deadlineOrderIssues(policy: Pick<Policy, 'cycle' | 'renewal' | 'lapse' | 'extension'>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const cycleEnds = SAMPLE_AWARDS.flatMap((awarded) => [1, 2].map((k) => cycleEnd(policy.cycle, awarded, k)));
  for (const cycleEnd of cycleEnds) {
    const due = resolveDateRule(policy.renewal.due, { cycleEnd, due: cycleEnd });
    const at = (rule: Policy['renewal']['opens']) => (rule ? resolveDateRule(rule, { cycleEnd, due }) : null);
    const checks: [string, number | null, string, number | null][] = [
      ['renewal.opens', at(policy.renewal.opens), 'the due date', due],
      ['renewal.lateUntil', due, 'the due date', at(policy.renewal.lateUntil)],
      ['lapse.graceUntil', at(policy.renewal.lateUntil) ?? due, 'the end of the late period', at(policy.lapse.graceUntil)],
      ['extension.requestBy', at(policy.extension?.requestBy ?? null), 'the due date', due],
      ['extension.newDue', due + 1, 'the day after the due date', at(policy.extension?.newDue ?? null)],
    ];
    for (const [path, earlier, otherName, later] of checks) {
      if (earlier === null || later === null || earlier <= later) continue;
      const value = path === 'renewal.opens' || path === 'extension.requestBy' ? earlier : later;
      const relation = path === 'renewal.opens' || path === 'extension.requestBy' ? 'after' : 'before';
      issues.push({
        path,
        message: `falls ${relation} ${otherName} (for a cycle ending ${formatDate(cycleEnd)} it is ${formatDate(value)})`,
      });
    }
    if (issues.length > 0) break;
  }
  return issues;
}

/** Validates one policy document; throws a RecertError listing the path of every problem. */
// The fields deadline order depends on: checked whenever they parse, even if others do not.
const deadlineFields = z.object({
  cycle: policySchema.shape.cycle,
  renewal: policySchema.shape.renewal,
  lapse: policySchema.shape.lapse,
  extension: policySchema.shape.extension,
});

export function parsePolicy(input: unknown): Policy {
  const result = issuesOf(policySchema, input, policyCrossFieldIssues);
  const id = rawField(input, 'id') ?? '(policy)';
  const dates = deadlineFields.safeParse(input);
  const issues = [...result.issues, ...(dates.success ? deadlineOrderIssues(dates.data) : [])];
  if (issues.length > 0) throw new RecertError('invalid-policy', `policy ${id} is invalid`, issues);
  return result.data as Policy;
}

function rawField(input: unknown, field: string): string | undefined {
  const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function parseBody(input: unknown): Body {
  const result = bodySchema.safeParse(input);
  if (!result.success) throw new RecertError('invalid-policy', 'body is invalid', toFieldIssues(result.error));
  return result.data;
}

/** Builds a registry, checking each document and how they fit together (bodies, prerequisites, shared credit). */
export function createPolicyRegistry(policyInputs: readonly unknown[], bodyInputs: readonly BodyInput[]): PolicyRegistry {
  const issues: FieldIssue[] = [];
  const collect = <T>(fn: () => T, prefix: string): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof RecertError)) throw error;
      issues.push(...error.issues.map((issue) => ({ path: `${prefix}.${issue.path}`, message: issue.message })));
      return undefined;
    }
  };
  const bodies = new Map<string, Body>();
  bodyInputs.forEach((input, index) => {
    const body = collect(() => parseBody(input), formatPath(['bodies', index]));
    if (body) bodies.set(body.id, body);
  });
  const policies = new Map<string, Policy>();
  // Every issue about a policy is reported under `policies[i] (its id)`.
  const where = new Map<string, string>();
  policyInputs.forEach((input, index) => {
    const id = rawField(input, 'id');
    const prefix = `${formatPath(['policies', index])}${id ? ` (${id})` : ''}`;
    const policy = collect(() => parsePolicy(input), prefix);
    // Checked from the raw document too, so a policy with field problems also hears about these.
    const body = rawField(input, 'body');
    if (body !== undefined && !bodies.has(body)) issues.push({ path: `${prefix}.body`, message: `unknown body "${body}"` });
    if (id !== undefined && body !== undefined && !id.startsWith(`${body}/`)) {
      issues.push({ path: `${prefix}.id`, message: `must start with its body, "${body}/"` });
    }
    if (id !== undefined && where.has(id)) issues.push({ path: `${prefix}.id`, message: `duplicate program "${id}"` });
    if (id !== undefined) where.set(id, prefix);
    if (policy) policies.set(policy.id, policy);
  });
  const groups = new Map<string, Policy>();
  for (const policy of policies.values()) {
    for (const prerequisite of policy.prerequisites.programs) {
      if (!policies.has(prerequisite)) {
        issues.push({ path: `${where.get(policy.id)}.prerequisites.programs`, message: `unknown program "${prerequisite}"` });
      }
    }
    const sharing = policy.credit.sharing;
    if (!sharing) continue;
    const first = groups.get(sharing.group);
    if (!first) {
      groups.set(sharing.group, policy);
    } else if (first.body !== policy.body) {
      issues.push({
        path: `${where.get(policy.id)}.credit.sharing.group`,
        message: `group "${sharing.group}" belongs to body ${first.body}`,
      });
    } else if (JSON.stringify(first.credit.sharing) !== JSON.stringify(sharing)) {
      issues.push({
        path: `${where.get(policy.id)}.credit.sharing`,
        message: `differs from ${first.id}: programs that share credit must state the same combined requirement`,
      });
    }
  }
  if (issues.length > 0) throw new RecertError('invalid-policy', 'the policies are invalid', issues);

  const typeRules = new Map<string, Map<string, TypeRule>>();
  for (const policy of policies.values()) {
    typeRules.set(policy.id, new Map(policy.activityTypes.map((type) => [type.id, type])));
  }
  const otherTypeRules = new Map<string, Map<string, TypeRule>>();
  const list = [...policies.values()];
  const bodyList = [...bodies.values()];
  return {
    get: (id) => policies.get(id),
    require(id) {
      const policy = policies.get(id);
      if (!policy) throw new RecertError('unknown-program', `unknown program "${id}"`);
      return policy;
    },
    list: () => list,
    body: (id) => bodies.get(id),
    bodies: () => bodyList,
    typeRulesOf: (policy) => typeRules.get(policy.id) ?? NO_TYPES,
    typeRule(policy, typeId) {
      const rule = typeRules.get(policy.id)?.get(typeId);
      if (rule) return rule;
      const other = policy.otherActivityTypes;
      if (!other) return undefined;
      let remembered = otherTypeRules.get(policy.id);
      if (!remembered) otherTypeRules.set(policy.id, (remembered = new Map()));
      const known = remembered.get(typeId);
      if (known) return known;
      const created = { id: typeId, label: typeId, credit: other.credit, requiresApproval: other.requiresApproval };
      // Remember a bounded number of free-form type names so hot loops do not allocate.
      if (remembered.size < MAX_REMEMBERED_TYPES) remembered.set(typeId, created);
      return created;
    },
  };
}

export type { Policy, PolicyInput, Body, BodyInput };
