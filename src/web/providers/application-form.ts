import type { ApplicationDraft, ApplicationStatus, ApplicationView, OfferingKind } from '../api/applications';
import { namssPolicies } from '../../core/policies/builtin/namss';
import { serPolicies } from '../../core/policies/builtin/ser';
import { techservePolicies } from '../../core/policies/builtin/techserve';
import { formatNumber } from '../format';

/**
 * The pre-approval application form: its values, the draft it saves, and where the server's
 * problems land ("body.content.instructors[1].name" when saving, "content.dates[0]" when submitting).
 */

export const OFFERING_KINDS: readonly OfferingKind[] = [
  'course',
  'conference',
  'workshop',
  'symposium',
  'webinar',
  'recurring-course',
];

const POLICIES = [...techservePolicies, ...namssPolicies, ...serPolicies];

/** The kinds of offering a body pre-approves: those that are activity types of its programs. */
export function offeringKindsOf(bodyId: string): OfferingKind[] {
  const types = new Set(POLICIES.filter((policy) => policy.body === bodyId).flatMap((p) => p.activityTypes.map((t) => t.id)));
  return OFFERING_KINDS.filter((kind) => types.has(kind));
}

/** The categories a body's programs count toward a minimum: the only ones an offering may carry. */
export function categoriesOf(bodyId: string): string[] {
  return [
    ...new Set(
      POLICIES.filter((policy) => policy.body === bodyId).flatMap((policy) =>
        (policy.credit.minimums ?? []).flatMap((minimum) => ('category' in minimum.when ? [minimum.when.category] : [])),
      ),
    ),
  ];
}

export interface InstructorRow {
  key: number;
  name: string;
  qualifications: string;
  resumeFileId: string;
}

export interface ItemRow {
  key: number;
  text: string;
}

export interface ApplicationValues {
  title: string;
  description: string;
  kind: OfferingKind | '';
  sponsor: string;
  instructors: InstructorRow[];
  syllabus: string;
  objectives: ItemRow[];
  dates: ItemRow[];
  recurringApproval: boolean;
  format: 'virtual' | 'in-person' | '';
  city: string;
  region: string;
  registrationContact: string;
  registrationUrl: string;
  hours: number | '';
  categories: string[];
}

export type ApplicationField = Exclude<keyof ApplicationValues, 'instructors' | 'objectives' | 'dates'>;
export type InstructorField = 'name' | 'qualifications' | 'resumeFileId';

export const APPLICATION_LABELS: Record<ApplicationField, string> = {
  title: 'Title of the offering',
  description: 'Description',
  kind: 'Kind of offering',
  sponsor: 'Sponsor',
  syllabus: 'Syllabus',
  recurringApproval: 'Ask for the recurring approval',
  format: 'Virtual or in person',
  city: 'City',
  region: 'State or region',
  registrationContact: 'Registration contact',
  registrationUrl: 'Registration web page',
  hours: 'Proposed hours',
  categories: 'Proposed categories',
};

export const INSTRUCTOR_LABELS: Record<InstructorField, string> = {
  name: 'Name',
  qualifications: 'Qualifications',
  resumeFileId: 'Resume',
};

export const FIELD_ORDER: ApplicationField[] = [
  'title',
  'kind',
  'description',
  'sponsor',
  'syllabus',
  'recurringApproval',
  'format',
  'city',
  'region',
  'registrationContact',
  'registrationUrl',
  'hours',
  'categories',
];

export interface ApplicationErrors {
  fields: Partial<Record<ApplicationField, string>>;
  /** By row key. */
  instructors: Record<number, Partial<Record<InstructorField, string>>>;
  objectives: Record<number, string>;
  dates: Record<number, string>;
  /** A problem with a list as a whole ("name at least one instructor"). */
  lists: Partial<Record<'instructors' | 'objectives' | 'dates', string>>;
  /** Problems the server names on no field of the form. */
  other: string[];
}

export const NO_APPLICATION_ERRORS: ApplicationErrors = {
  fields: {},
  instructors: {},
  objectives: {},
  dates: {},
  lists: {},
  other: [],
};

let nextKey = 1;
export const instructorRow = (from: Partial<Omit<InstructorRow, 'key'>> = {}): InstructorRow => ({
  key: nextKey++,
  name: from.name ?? '',
  qualifications: from.qualifications ?? '',
  resumeFileId: from.resumeFileId ?? '',
});
export const itemRow = (text = ''): ItemRow => ({ key: nextKey++, text });

export function applicationValuesOf(content: ApplicationDraft): ApplicationValues {
  return {
    title: content.title ?? '',
    description: content.description ?? '',
    kind: content.kind ?? '',
    sponsor: content.sponsor ?? '',
    instructors: (content.instructors ?? []).map((instructor) =>
      instructorRow({ ...instructor, resumeFileId: instructor.resumeFileId ?? '' }),
    ),
    syllabus: content.syllabus ?? '',
    objectives: (content.objectives ?? []).map((objective) => itemRow(objective)),
    dates: (content.dates ?? []).map((date) => itemRow(date)),
    recurringApproval: content.recurringApproval ?? false,
    format: content.virtual === undefined ? '' : content.virtual ? 'virtual' : 'in-person',
    city: content.city ?? '',
    region: content.region ?? '',
    registrationContact: content.registrationContact ?? '',
    registrationUrl: content.registrationUrl ?? '',
    hours: content.hours ?? '',
    categories: content.categories ?? [],
  };
}

const blankInstructor = (row: InstructorRow) =>
  row.name.trim() === '' && row.qualifications.trim() === '' && row.resumeFileId === '';

/** The rows a save sends: blank ones left out (the server counts list items in what it received). */
export function sentRows(values: ApplicationValues) {
  return {
    instructors: values.instructors.filter((row) => !blankInstructor(row)),
    objectives: values.objectives.filter((row) => row.text.trim() !== ''),
    dates: values.dates.filter((row) => row.text !== ''),
  };
}

/** The draft as saved: what is filled in, trimmed; empty optional fields as null; nothing for what is not chosen yet. */
export function draftOf(values: ApplicationValues): ApplicationDraft {
  const rows = sentRows(values);
  const draft: ApplicationDraft = {
    title: values.title.trim(),
    description: values.description.trim(),
    sponsor: values.sponsor.trim(),
    instructors: rows.instructors.map((row) => ({
      name: row.name.trim(),
      qualifications: row.qualifications.trim(),
      resumeFileId: row.resumeFileId === '' ? null : row.resumeFileId,
    })),
    syllabus: values.syllabus.trim(),
    objectives: rows.objectives.map((row) => row.text.trim()),
    dates: [...rows.dates.map((row) => row.text)].sort(),
    recurringApproval: values.kind === 'recurring-course' && values.recurringApproval,
    city: values.city.trim() === '' ? null : values.city.trim(),
    region: values.region.trim() === '' ? null : values.region.trim(),
    registrationContact: values.registrationContact.trim(),
    registrationUrl: values.registrationUrl.trim() === '' ? null : values.registrationUrl.trim(),
    categories: values.categories,
  };
  if (values.kind !== '') draft.kind = values.kind;
  if (values.format !== '') draft.virtual = values.format === 'virtual';
  if (values.hours !== '') draft.hours = values.hours;
  return draft;
}

const FIELD_OF: Record<string, ApplicationField> = { virtual: 'format' };

/**
 * The server's problems on the form. Paths are "body.content.<field>" (a save) or "content.<field>"
 * (a submission); list items count the rows sent, blank rows left out.
 */
export function applicationErrors(
  issues: readonly { path: string; message: string }[],
  values: ApplicationValues,
): ApplicationErrors {
  const rows = sentRows(values);
  // Dates are sent in order: the n-th date sent is the n-th of the sorted rows.
  const dateRows = [...rows.dates].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const errors: ApplicationErrors = { fields: {}, instructors: {}, objectives: {}, dates: {}, lists: {}, other: [] };
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '').replace(/^content\.?/, '');
    const item = /^(instructors|objectives|dates)(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
    if (item) {
      const list = item[1] as 'instructors' | 'objectives' | 'dates';
      const index = item[2] === undefined ? null : Number(item[2]);
      if (list === 'instructors' && index !== null && rows.instructors[index]) {
        const key = rows.instructors[index].key;
        const field = (item[3] ?? 'name') as InstructorField;
        errors.instructors[key] = { ...errors.instructors[key], [field in INSTRUCTOR_LABELS ? field : 'name']: issue.message };
        continue;
      }
      const row =
        index === null
          ? undefined
          : list === 'dates'
            ? dateRows[index]
            : list === 'objectives'
              ? rows.objectives[index]
              : undefined;
      if (row && list !== 'instructors') errors[list][row.key] ??= issue.message;
      else errors.lists[list] ??= issue.message;
      continue;
    }
    const name = path.split(/[.[]/)[0] ?? '';
    const field = FIELD_OF[name] ?? (name in APPLICATION_LABELS ? (name as ApplicationField) : null);
    if (field) errors.fields[field] ??= issue.message;
    else errors.other.push(path === '' || path === '(input)' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return errors;
}

export const hasErrors = (errors: ApplicationErrors) =>
  Object.keys(errors.fields).length > 0 ||
  Object.keys(errors.instructors).length > 0 ||
  Object.keys(errors.objectives).length > 0 ||
  Object.keys(errors.dates).length > 0 ||
  Object.keys(errors.lists).length > 0 ||
  errors.other.length > 0;

/** One line per problem, in the order of the form. */
export function applicationSummaryLines(errors: ApplicationErrors, values: ApplicationValues): string[] {
  const lines: string[] = [];
  const field = (f: ApplicationField) => {
    if (errors.fields[f]) lines.push(`${APPLICATION_LABELS[f]}: ${errors.fields[f]}`);
  };
  (['title', 'kind', 'description', 'sponsor'] as const).forEach(field);
  if (errors.lists.instructors) lines.push(`Instructors: ${errors.lists.instructors}`);
  values.instructors.forEach((row, index) => {
    for (const f of Object.keys(INSTRUCTOR_LABELS) as InstructorField[])
      if (errors.instructors[row.key]?.[f])
        lines.push(`Instructor ${index + 1}, ${INSTRUCTOR_LABELS[f]}: ${errors.instructors[row.key]![f]}`);
  });
  field('syllabus');
  if (errors.lists.objectives) lines.push(`Educational objectives: ${errors.lists.objectives}`);
  values.objectives.forEach((row, index) => {
    if (errors.objectives[row.key]) lines.push(`Objective ${index + 1}: ${errors.objectives[row.key]}`);
  });
  if (errors.lists.dates) lines.push(`Planned dates: ${errors.lists.dates}`);
  values.dates.forEach((row, index) => {
    if (errors.dates[row.key]) lines.push(`Date ${index + 1}: ${errors.dates[row.key]}`);
  });
  (
    ['recurringApproval', 'format', 'city', 'region', 'registrationContact', 'registrationUrl', 'hours', 'categories'] as const
  ).forEach(field);
  return [...lines, ...errors.other];
}

/** The id of the first field at fault, to focus it (ids: `application-<field>`, `instructor-<key>-<field>`, ...). */
export function firstApplicationErrorId(errors: ApplicationErrors, values: ApplicationValues): string | null {
  for (const f of ['title', 'kind', 'description', 'sponsor'] as const) if (errors.fields[f]) return `application-${f}`;
  if (errors.lists.instructors) return 'instructor-add';
  for (const row of values.instructors) {
    const found = (Object.keys(INSTRUCTOR_LABELS) as InstructorField[]).find((f) => errors.instructors[row.key]?.[f]);
    if (found) return `instructor-${row.key}-${found}`;
  }
  if (errors.fields.syllabus) return 'application-syllabus';
  if (errors.lists.objectives) return 'objective-add';
  const objective = values.objectives.find((row) => errors.objectives[row.key]);
  if (objective) return `objective-${objective.key}`;
  if (errors.lists.dates) return 'date-add';
  const date = values.dates.find((row) => errors.dates[row.key]);
  if (date) return `date-${date.key}`;
  for (const f of FIELD_ORDER) if (errors.fields[f]) return `application-${f}`;
  return null;
}

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted: under review',
  'info-requested': 'More information asked for',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  'info-requested': 'yellow',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

/** A provider changes the draft while it is one, and after more information was asked for. */
export const isEditable = (status: ApplicationStatus) => status === 'draft' || status === 'info-requested';

/** The decision clock in words: "Decision due by Jan 5, 2027: 12 days left", overdue, paused, or nothing once decided. */
export function clockText(
  clock: Pick<ApplicationView, 'decisionDue' | 'daysLeft' | 'overdue' | 'paused'>,
  formatDay: (iso: string) => string,
): string | null {
  if (clock.decisionDue === null || clock.daysLeft === null) return null;
  const due = formatDay(clock.decisionDue);
  if (clock.paused)
    return `The clock is paused while more information is asked for (${formatNumber(clock.daysLeft)} ${clock.daysLeft === 1 ? 'day' : 'days'} were left; due by ${due} if it ran).`;
  if (clock.overdue) {
    const late = -clock.daysLeft;
    return `Decision overdue by ${formatNumber(late)} ${late === 1 ? 'day' : 'days'} (was due by ${due}).`;
  }
  if (clock.daysLeft === 0) return `Decision due today (${due}).`;
  return `Decision due by ${due}: ${formatNumber(clock.daysLeft)} ${clock.daysLeft === 1 ? 'day' : 'days'} left.`;
}
