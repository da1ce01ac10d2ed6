import { formatDate } from '../dates/calendar-date';
import type { Policy } from '../policies/policy-schema';
import type { CreditReason, CreditWindow, PreparedActivity, TypeRule } from './credit-activity';

/** Hundredths → a plain number: 1500 → 15, 150 → 1.5. */
export function fromHundredths(value: number): number {
  return value / 100;
}

export function amountOf(unit: Policy['credit']['unit'], hundredths: number, adjective = ''): string {
  const noun = hundredths === 100 ? unit.one : unit.many;
  return `${fromHundredths(hundredths)} ${adjective ? `${adjective} ` : ''}${noun}`;
}

/** "18 more credits", "6 more legal contact hours". */
export function missingPhrase(unit: Policy['credit']['unit'], hundredths: number, adjective = ''): string {
  return `${fromHundredths(hundredths)} more ${adjective ? `${adjective} ` : ''}${hundredths === 100 ? unit.one : unit.many}`;
}

// Texts that depend only on the type rule (and its program's unit), made once per rule.
const cappedTexts = new WeakMap<TypeRule, string>();
const approvalTexts = new WeakMap<TypeRule, string>();

function cappedText(policy: Policy, rule: TypeRule): string {
  let text = cappedTexts.get(rule);
  if (text === undefined) {
    text =
      rule.credit.kind === 'per-activity'
        ? `each ${rule.label} counts ${amountOf(policy.credit.unit, Math.round(rule.credit.credits * 100))}`
        : `a ${rule.label} counts at most ${amountOf(policy.credit.unit, Math.round((rule.credit.maxPerActivity ?? 0) * 100))}`;
    cappedTexts.set(rule, text);
  }
  return text;
}

function approvalText(rule: TypeRule): string {
  let text = approvalTexts.get(rule);
  if (text === undefined) {
    text = `needs the body's advance approval to count (${rule.label})`;
    approvalTexts.set(rule, text);
  }
  return text;
}

/**
 * Plain words for why activities count less than claimed, for one cycle.
 * The parts that depend only on the cycle are built on first use, so
 * explaining many activities costs a concatenation each.
 */
export class CreditExplainer {
  private afterAsOf: string | undefined;
  private beforeAward: string | undefined;
  private outsideCycle: string | undefined;

  constructor(
    private readonly policy: Policy,
    private readonly window: CreditWindow,
  ) {}

  explain(reason: CreditReason, rule: TypeRule | undefined, activity: PreparedActivity): string {
    const window = this.window;
    switch (reason) {
      case 'type-not-accepted':
        return `${this.policy.designation} does not accept "${activity.type}" activities`;
      case 'after-as-of':
        this.afterAsOf ??= `, after ${formatDate(window.asOf)}, the date evaluated`;
        return `dated ${activity.date}${this.afterAsOf}`;
      case 'before-award':
        this.beforeAward ??= `, before the certification was awarded on ${formatDate(window.awarded)}`;
        return `dated ${activity.date}${this.beforeAward}`;
      case 'outside-cycle':
        this.outsideCycle ??= `, outside this cycle (${formatDate(window.start)} to ${formatDate(window.end)})`;
        return `dated ${activity.date}${this.outsideCycle}`;
      case 'not-approved':
        return rule ? approvalText(rule) : reason;
      case 'capped':
        return rule ? cappedText(this.policy, rule) : reason;
    }
  }
}
