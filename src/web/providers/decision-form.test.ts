import { describe, expect, it } from 'vitest';
import { checkDecision, decisionErrors } from './decision-form';

describe("the coordinator's decision", () => {
  it('approves with hours and categories, and an optional comment', () => {
    expect(checkDecision({ outcome: 'approve', hours: 6, categories: ['legal'], text: ' ' })).toEqual({
      body: { outcome: 'approve', hours: 6, categories: ['legal'] },
      errors: null,
    });
    expect(checkDecision({ outcome: 'approve-with-changes', hours: 5.5, categories: [], text: 'Shorten day two' }).body).toEqual({
      outcome: 'approve-with-changes',
      hours: 5.5,
      categories: [],
      changesRequired: 'Shorten day two',
    });
  });

  it('asks for more information or rejects with words, and no hours', () => {
    expect(checkDecision({ outcome: 'more-information', hours: '', categories: [], text: 'Who teaches day 2?' }).body).toEqual({
      outcome: 'more-information',
      questions: 'Who teaches day 2?',
    });
    expect(checkDecision({ outcome: 'reject', hours: 3, categories: ['x'], text: 'Off topic' }).body).toEqual({
      outcome: 'reject',
      reasons: 'Off topic',
    });
  });

  it('names what is missing', () => {
    expect(checkDecision({ outcome: '', hours: '', categories: [], text: '' }).errors).toEqual({
      outcome: 'Choose the decision',
    });
    expect(checkDecision({ outcome: 'approve', hours: '', categories: [], text: '' }).errors).toEqual({
      hours: 'Give the hours approved',
    });
    expect(checkDecision({ outcome: 'approve-with-changes', hours: 1.234, categories: [], text: '' }).errors).toEqual({
      hours: 'Must have at most two decimals',
      text: 'Write the changes required',
    });
    expect(checkDecision({ outcome: 'reject', hours: '', categories: [], text: '' }).errors).toEqual({
      text: 'Write the reasons',
    });
  });

  it("puts the server's problems on the fields", () => {
    expect(
      decisionErrors([
        { path: 'body.categories[0]', message: '"x" is not a category' },
        { path: 'body.reasons', message: 'is required' },
        { path: 'body', message: 'the application cannot be decided' },
      ]),
    ).toEqual({
      fields: { categories: '"x" is not a category', text: 'is required' },
      other: ['the application cannot be decided'],
    });
  });
});
