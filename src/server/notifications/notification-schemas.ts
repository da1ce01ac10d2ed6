import { z } from 'zod';
import { NOTICE_KINDS } from '../../core/policies/policy-schema';

/*
 * The inbox and notice preferences: the one source of their types, checks and
 * OpenAPI; the web imports this file.
 */

export const noticeKindSchema = z.enum(NOTICE_KINDS);

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** The date the notice is for, in the body's time zone. */
  noticeOn: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** When it was e-mailed, or why not (turned-off, no-address); both null while it waits to go. */
  emailedAt: z.string().nullable(),
  emailSkipped: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const inboxQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Older than this notice (the last one of the previous page). */
  before: z.uuid().optional(),
});

export const inboxSchema = z.object({
  notifications: z.array(notificationSchema),
  unread: z.number().int(),
  /** The body's words: notices are a courtesy, never the rule. */
  courtesy: z.string(),
});
export type InboxView = z.infer<typeof inboxSchema>;

export const unreadSchema = z.object({ unread: z.number().int() });

export const markReadSchema = z.union([z.object({ ids: z.array(z.uuid()).min(1).max(500) }), z.object({ all: z.literal(true) })]);

export const preferenceSchema = z.object({
  kind: noticeKindSchema,
  label: z.string(),
  enabled: z.boolean(),
  /** The body sends this kind to everyone: it cannot be turned off. */
  mandatory: z.boolean(),
});
export const preferencesSchema = z.object({
  preferences: z.array(preferenceSchema),
  /** Shown next to a mandatory kind, in the body's name. */
  mandatoryReason: z.string(),
  courtesy: z.string(),
});
export type PreferencesView = z.infer<typeof preferencesSchema>;

export const preferencesUpdateSchema = z.object({
  preferences: z.array(z.object({ kind: noticeKindSchema, enabled: z.boolean() })).min(1),
});
export type PreferencesUpdate = z.infer<typeof preferencesUpdateSchema>;
