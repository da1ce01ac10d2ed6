import type { FieldIssue } from '../../../core/errors';
import type { PolicyRegistry } from '../../../core/policies/policy-registry';
import { formatPath, issuesOf } from '../../../core/validation';
import type { ApplicationFileRow } from './load-application';
import {
  applicationContentSchema,
  contentCrossChecks,
  OFFERING_KINDS,
  type ApplicationContent,
  type ApplicationDraft,
} from './content-schema';

/** Categories a body's programs count toward a minimum: the only ones an offering may carry. */
function bodyCategories(registry: PolicyRegistry, bodyId: string): Set<string> {
  return new Set(
    registry
      .list()
      .filter((policy) => policy.body === bodyId)
      .flatMap((policy) =>
        policy.credit.minimums.flatMap((minimum) => ('category' in minimum.when ? [minimum.when.category] : [])),
      ),
  );
}

/** Each category must be one of the body's (`at` is where the list is: `body.categories`). */
export function categoryIssues(
  registry: PolicyRegistry,
  bodyId: string,
  categories: readonly string[],
  at: string,
): FieldIssue[] {
  const known = bodyCategories(registry, bodyId);
  return categories.flatMap((category, index) =>
    known.has(category)
      ? []
      : [
          {
            path: `${at}[${index}]`,
            message: `"${category}" is not a category of this body's programs; known: ${[...known].join(', ') || 'none (leave it empty)'}`,
          },
        ],
  );
}

/** The kind must be an activity type of one of the body's programs, and the categories its categories. */
export function registryIssues(registry: PolicyRegistry, bodyId: string, content: ApplicationDraft, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const types = new Set(
    registry
      .list()
      .filter((policy) => policy.body === bodyId)
      .flatMap((policy) => policy.activityTypes.map((type) => type.id)),
  );
  if (content.kind && !types.has(content.kind)) {
    const offered = OFFERING_KINDS.filter((kind) => types.has(kind));
    issues.push({
      path: `${at}.kind`,
      message: `"${content.kind}" is not an activity type of this body's programs; possible: ${offered.join(', ') || 'none'}`,
    });
  }
  return [...issues, ...categoryIssues(registry, bodyId, content.categories ?? [], `${at}.categories`)];
}

/**
 * Each instructor's resume must be a resume uploaded to this application and
 * not removed; at submission every instructor needs one.
 */
export function resumeIssues(content: ApplicationDraft, files: readonly ApplicationFileRow[], required: boolean, at: string) {
  const resumes = new Set(files.filter((file) => file.kind === 'resume' && !file.removedAt).map((file) => file.id));
  return (content.instructors ?? []).flatMap((instructor, index): FieldIssue[] => {
    const path = `${at}.instructors[${index}].resumeFileId`;
    if (!instructor.resumeFileId) return required ? [{ path, message: 'is required: upload a resume and name it here' }] : [];
    return resumes.has(instructor.resumeFileId) ? [] : [{ path, message: 'is not a resume uploaded to this application' }];
  });
}

/** Everything a submission needs, every problem named under `content.`; the content as it will be frozen. */
export function checkSubmission(
  registry: PolicyRegistry,
  bodyId: string,
  draft: unknown,
  files: readonly ApplicationFileRow[],
): { content: ApplicationContent; issues: [] } | { content: undefined; issues: FieldIssue[] } {
  const parsed = issuesOf(applicationContentSchema, draft, contentCrossChecks);
  const issues = parsed.issues.map((issue) => ({
    path: issue.path === formatPath([]) ? 'content' : `content.${issue.path}`,
    message: issue.message,
  }));
  const known = (draft ?? {}) as ApplicationDraft;
  issues.push(...registryIssues(registry, bodyId, known, 'content'), ...resumeIssues(known, files, true, 'content'));
  if (issues.length > 0) return { content: undefined, issues };
  return { content: parsed.data!, issues: [] };
}
