import { z } from 'zod';

/**
 * An exam form as admins import it (JSON, or CSV turned into the same
 * document): its sections and its items, each with its one key. A form is
 * never edited once stored; a change is a new version.
 */

const key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be letters, digits, ".", "_" or "-" (at most 64)');

export const examSectionSchema = z.strictObject({
  key,
  label: z.string().trim().min(1, 'is required').max(200),
});

const optionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]$/, 'must be one lower-case letter (a, b, c...)'),
  text: z.string().trim().min(1, 'is required').max(2000),
});

export const examItemSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: key,
    section: key,
    type: z.literal('multiple-choice'),
    stem: z.string().trim().min(1, 'is required').max(4000),
    options: z.array(optionSchema).min(2, 'needs at least two options').max(8, 'has at most eight options'),
    /** The id of the one correct option. */
    key: z.string().regex(/^[a-z]$/, 'must be the id of one option'),
  }),
  z.strictObject({
    id: key,
    section: key,
    type: z.literal('true-false'),
    stem: z.string().trim().min(1, 'is required').max(4000),
    key: z.boolean('must be true or false'),
  }),
]);

export const examFormSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'is required').max(200),
    sections: z.array(examSectionSchema).min(1, 'needs at least one section').max(50),
    items: z.array(examItemSchema).min(1, 'needs at least one item').max(1000),
  })
  .superRefine((form, ctx) => {
    const sections = new Set<string>();
    form.sections.forEach((section, index) => {
      if (sections.has(section.key))
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'key'], message: `duplicate section "${section.key}"` });
      sections.add(section.key);
    });
    const items = new Set<string>();
    form.items.forEach((item, index) => {
      if (items.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate item "${item.id}"` });
      items.add(item.id);
      if (!sections.has(item.section))
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'section'],
          message: `"${item.section}" is not one of the sections`,
        });
      if (item.type === 'multiple-choice') {
        const ids = item.options.map((option) => option.id);
        ids.forEach((id, at) => {
          if (ids.indexOf(id) !== at)
            ctx.addIssue({ code: 'custom', path: ['items', index, 'options', at, 'id'], message: `duplicate option "${id}"` });
        });
        if (!ids.includes(item.key))
          ctx.addIssue({ code: 'custom', path: ['items', index, 'key'], message: `"${item.key}" is not one of the options` });
      }
    });
  });

export type ExamFormInput = z.input<typeof examFormSchema>;
export type ExamForm = z.output<typeof examFormSchema>;
export type ExamItem = z.output<typeof examItemSchema>;
export type ExamSection = z.output<typeof examSectionSchema>;

/** The options of an item as stored answers name them: true/false items have "true" and "false". */
export function optionIdsOf(item: ExamItem): string[] {
  return item.type === 'true-false' ? ['true', 'false'] : item.options.map((option) => option.id);
}

/** The id of an item's correct option. */
export function keyOf(item: ExamItem): string {
  return item.type === 'true-false' ? String(item.key) : item.key;
}

/** Why a form cannot be published for an exam of `questions` items (empty when it can), each naming its field. */
export function publicationIssues(form: ExamForm, questions: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (form.items.length !== questions)
    issues.push({
      path: 'items',
      message: `the policy asks for exactly ${questions} questions; this form has ${form.items.length}`,
    });
  form.sections.forEach((section, index) => {
    if (!form.items.some((item) => item.section === section.key))
      issues.push({ path: `sections[${index}]`, message: `section "${section.key}" has no items` });
  });
  return issues;
}
