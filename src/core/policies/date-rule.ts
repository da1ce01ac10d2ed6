import { addMonths, onMonthDay, toYmd, type DayNumber } from '../dates/calendar-date';
import type { DateRule } from './policy-schema';

export interface DateRuleAnchors {
  cycleEnd: DayNumber;
  due: DayNumber;
}

/** Resolves a policy date rule against the end of a cycle (and its due date). */
export function resolveDateRule(rule: DateRule, anchors: DateRuleAnchors): DayNumber {
  if (rule.kind === 'offset') {
    const base = rule.from === 'due' ? anchors.due : anchors.cycleEnd;
    return addMonths(base, rule.years * 12 + rule.months) + rule.days;
  }
  const base = rule.of === 'due' ? anchors.due : anchors.cycleEnd;
  const month = Number(rule.monthDay.slice(0, 2));
  const day = Number(rule.monthDay.slice(3, 5));
  return onMonthDay(toYmd(base).year + rule.yearOffset, month, day);
}
