/**
 * The pure core shared by the server, the CLI and the browser: policies as
 * data and the compliance engine. Nothing here touches I/O, the environment or
 * (outside dates/today.ts) the clock.
 */
export { evaluate, summarize, prepareActivities } from './compliance/evaluate';
export { evaluateInputSchema, parseEvaluateInput, parseEvaluateJson } from './compliance/evaluate-input';
export type * from './compliance/evaluate-types';
export { STATUSES, type CertificationStatus } from './compliance/deadlines';
export { builtinBodies, builtinPolicies, builtinRegistry } from './policies/builtin/index';
export { createPolicyRegistry, parsePolicy, type PolicyRegistry } from './policies/policy-registry';
export { policySchema, type Policy, type PolicyInput } from './policies/policy-schema';
export { bodySchema, type Body, type BodyInput } from './policies/body-schema';
export { RecertError, isRecertError, type FieldIssue, type RecertErrorCode } from './errors';
export { formatDate, parseDate, type DayNumber } from './dates/calendar-date';
export { todayIn } from './dates/today';
