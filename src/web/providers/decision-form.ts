import type { DecisionBody, Vote } from '../api/applications';

/** The coordinator's decision on an application, and committee members' votes, in words and as sent. */

export type Outcome = DecisionBody['outcome'];

export const OUTCOMES: readonly Outcome[] = ['approve', 'approve-with-changes', 'more-information', 'reject'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  approve: 'Approve',
  'approve-with-changes': 'Approve with changes',
  'more-information': 'Ask for more information (pauses the clock)',
  reject: 'Reject',
};

export const VOTE_LABELS: Record<Vote, string> = {
  approve: 'Approve',
  'approve-with-changes': 'Approve with changes',
  'more-information': 'More information needed',
  reject: 'Reject',
};

/** What the text of each outcome is called, and whether it is required. */
export const OUTCOME_TEXT: Record<Outcome, { label: string; description: string; required: boolean }> = {
  approve: { label: 'Comment', description: 'Optional; the provider reads it with the approval.', required: false },
  'approve-with-changes': {
    label: 'Changes required',
    description: 'What the provider must change; the provider reads it with the approval.',
    required: true,
  },
  'more-information': {
    label: 'Questions for the provider',
    description: 'The clock stops until the provider answers and submits again.',
    required: true,
  },
  reject: { label: 'Reasons', description: 'The provider reads them.', required: true },
};

export interface DecisionValues {
  outcome: Outcome | '';
  hours: number | '';
  categories: string[];
  text: string;
}

export type DecisionField = keyof DecisionValues;
export type DecisionErrors = Partial<Record<DecisionField, string>>;

const twoDecimals = (hours: number) => Math.abs(Math.round(hours * 100) - hours * 100) < 1e-6;

/** The decision to send, or the problems on the form (the server checks again, with the body's categories). */
export function checkDecision(
  values: DecisionValues,
): { body: DecisionBody; errors: null } | { body: null; errors: DecisionErrors } {
  const errors: DecisionErrors = {};
  const text = values.text.trim();
  if (values.outcome === '') return { body: null, errors: { outcome: 'Choose the decision' } };
  const approves = values.outcome === 'approve' || values.outcome === 'approve-with-changes';
  if (approves) {
    if (values.hours === '') errors.hours = 'Give the hours approved';
    else if (values.hours <= 0) errors.hours = 'Must be more than 0';
    else if (values.hours > 1000) errors.hours = 'Must be at most 1000';
    else if (!twoDecimals(values.hours)) errors.hours = 'Must have at most two decimals';
  }
  if (OUTCOME_TEXT[values.outcome].required && text === '')
    errors.text = `Write the ${OUTCOME_TEXT[values.outcome].label.toLowerCase()}`;
  if (text.length > 4000) errors.text = 'Must be at most 4000 characters';
  if (Object.keys(errors).length > 0) return { body: null, errors };
  const hours = values.hours as number;
  const body: DecisionBody =
    values.outcome === 'approve'
      ? { outcome: 'approve', hours, categories: values.categories, ...(text ? { comment: text } : {}) }
      : values.outcome === 'approve-with-changes'
        ? { outcome: 'approve-with-changes', hours, categories: values.categories, changesRequired: text }
        : values.outcome === 'more-information'
          ? { outcome: 'more-information', questions: text }
          : { outcome: 'reject', reasons: text };
  return { body, errors: null };
}

/** The server's problems on the decision form: "body.hours", "body.categories[0]", "body.reasons". */
export function decisionErrors(issues: readonly { path: string; message: string }[]): {
  fields: DecisionErrors;
  other: string[];
} {
  const fields: DecisionErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const name = issue.path.replace(/^body\.?/, '').split(/[.[]/)[0] ?? '';
    const field: DecisionField | null =
      name === 'hours' || name === 'categories' || name === 'outcome'
        ? name
        : ['comment', 'changesRequired', 'questions', 'reasons'].includes(name)
          ? 'text'
          : null;
    if (field) fields[field] ??= issue.message;
    else other.push(name === '' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return { fields, other };
}
