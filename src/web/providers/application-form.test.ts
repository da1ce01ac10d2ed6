import { describe, expect, it } from 'vitest';
import {
  applicationErrors,
  applicationSummaryLines,
  applicationValuesOf,
  categoriesOf,
  clockText,
  draftOf,
  firstApplicationErrorId,
  instructorRow,
  isEditable,
  itemRow,
  offeringKindsOf,
} from './application-form';

const RESUME = '00000000-0000-4000-8000-0000000000aa';

describe("a body's offerings", () => {
  it('are the kinds its programs count, with its categories', () => {
    expect(offeringKindsOf('ser')).toEqual(['course', 'conference', 'workshop', 'symposium', 'webinar', 'recurring-course']);
    expect(offeringKindsOf('namss')).toEqual(['conference', 'webinar']);
    expect(categoriesOf('ser')).toEqual([]);
    expect(categoriesOf('techserve')).toContain('legal');
  });
});

describe('the draft', () => {
  it('round-trips the content, trimmed, blank rows left out, dates in order, nothing for what is not chosen', () => {
    const values = applicationValuesOf({});
    expect(values).toMatchObject({ title: '', kind: '', format: '', hours: '', instructors: [], dates: [] });
    const draft = draftOf({
      ...values,
      title: ' Prairie seeding ',
      instructors: [instructorRow({ name: 'Ana Ruiz', qualifications: 'PhD ecology', resumeFileId: RESUME }), instructorRow()],
      objectives: [itemRow('Read a seed mix'), itemRow('  ')],
      dates: [itemRow('2027-06-04'), itemRow(''), itemRow('2027-06-03')],
      recurringApproval: true,
    });
    expect(draft).toEqual({
      title: 'Prairie seeding',
      description: '',
      sponsor: '',
      instructors: [{ name: 'Ana Ruiz', qualifications: 'PhD ecology', resumeFileId: RESUME }],
      syllabus: '',
      objectives: ['Read a seed mix'],
      dates: ['2027-06-03', '2027-06-04'],
      // Only a recurring course asks for the recurring approval.
      recurringApproval: false,
      city: null,
      region: null,
      registrationContact: '',
      registrationUrl: null,
      categories: [],
    });
    const full = draftOf({ ...values, kind: 'recurring-course', recurringApproval: true, format: 'virtual', hours: 3.5 });
    expect(full).toMatchObject({ kind: 'recurring-course', recurringApproval: true, virtual: true, hours: 3.5 });
    expect(applicationValuesOf(full)).toMatchObject({ kind: 'recurring-course', format: 'virtual', hours: 3.5 });
  });
});

describe("the server's problems", () => {
  it('land on the fields and rows they name, whether saving (body.content) or submitting (content)', () => {
    const instructors = [instructorRow(), instructorRow({ name: 'Ana' }), instructorRow({ name: 'Ben' })];
    const dates = [itemRow('2027-06-04'), itemRow('2027-06-03')];
    const objectives = [itemRow(''), itemRow('Plan a burn')];
    const values = { ...applicationValuesOf({}), instructors, dates, objectives };
    const errors = applicationErrors(
      [
        { path: 'content.title', message: 'is required' },
        { path: 'content.virtual', message: 'is required' },
        { path: 'content.instructors[1].resumeFileId', message: 'is required: upload a resume and name it here' },
        { path: 'body.content.dates[0]', message: 'must be a date' },
        { path: 'content.objectives[0]', message: 'must be at most 1000 characters' },
        { path: 'content.categories[0]', message: '"x" is not a category of this body\'s programs' },
        { path: 'content.syllabus', message: 'is required' },
        { path: 'content', message: 'must be an object' },
      ],
      values,
    );
    expect(errors.fields).toEqual({
      title: 'is required',
      format: 'is required',
      categories: '"x" is not a category of this body\'s programs',
      syllabus: 'is required',
    });
    // The blank first instructor was not sent: the second one sent is Ben.
    expect(errors.instructors).toEqual({
      [instructors[2]!.key]: { resumeFileId: 'is required: upload a resume and name it here' },
    });
    // Dates go in order: the first one sent is 2027-06-03.
    expect(errors.dates).toEqual({ [dates[1]!.key]: 'must be a date' });
    expect(errors.objectives).toEqual({ [objectives[1]!.key]: 'must be at most 1000 characters' });
    expect(errors.other).toEqual(['must be an object']);
    expect(firstApplicationErrorId(errors, values)).toBe('application-title');
    expect(applicationSummaryLines(errors, values)).toContain(
      'Instructor 3, Resume: is required: upload a resume and name it here',
    );
  });

  it('name a list as a whole when no row is meant', () => {
    const values = applicationValuesOf({});
    const errors = applicationErrors(
      [
        { path: 'content.instructors', message: 'name at least one instructor' },
        { path: 'content.dates', message: 'give at least one planned date' },
      ],
      values,
    );
    expect(errors.lists).toEqual({ instructors: 'name at least one instructor', dates: 'give at least one planned date' });
    expect(firstApplicationErrorId(errors, values)).toBe('instructor-add');
  });
});

describe('the status and the clock', () => {
  const day = (iso: string) => iso;
  it('say what the provider may do and how long the decision may take', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('info-requested')).toBe(true);
    expect(isEditable('submitted')).toBe(false);
    expect(clockText({ decisionDue: '2027-01-05', daysLeft: 12, overdue: false, paused: false }, day)).toBe(
      'Decision due by 2027-01-05: 12 days left.',
    );
    expect(clockText({ decisionDue: '2027-01-05', daysLeft: -3, overdue: true, paused: false }, day)).toBe(
      'Decision overdue by 3 days (was due by 2027-01-05).',
    );
    expect(clockText({ decisionDue: '2027-01-05', daysLeft: 9, overdue: false, paused: true }, day)).toMatch(/paused/);
    expect(clockText({ decisionDue: null, daysLeft: null, overdue: false, paused: false }, day)).toBeNull();
  });
});
