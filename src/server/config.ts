import { z } from 'zod';
import { RecertError } from '../core/errors';
import { toFieldIssues } from '../core/validation';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting, read from the environment once at boot. See .env.example. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Public base URL, used in e-mailed links and iCal feeds. */
    PUBLIC_URL: z.url().optional(),
    /** A PostgreSQL server; when unset the embedded PGlite database in RECERT_DATA_DIR is used. */
    DATABASE_URL: z.string().startsWith('postgres', 'must be a postgres:// URL').optional(),
    RECERT_DATA_DIR: z.string().min(1).default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Secure cookies need HTTPS; off by default for http://localhost. */
    COOKIE_SECURE: boolean.default(false),
    SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** SMTP for outgoing mail; when unset, messages are written as .eml files to <data>/outbox. */
    SMTP_URL: z.string().startsWith('smtp', 'must be an smtp:// or smtps:// URL').optional(),
    MAIL_FROM: z.string().default('Recert <no-reply@localhost>'),
    /**
     * Card payments: `local` checks cards and declines the test numbers but takes no money (development,
     * demonstrations). A real provider is one more adapter (billing/payment-provider.ts) and one more value here.
     */
    PAYMENT_PROVIDER: z.enum(['local']).default('local'),
    /**
     * Encrypts the bodies' credential signing keys at rest (AES-256-GCM): 32 random bytes, base64url
     * (`openssl rand -base64 32 | tr '+/' '-_' | tr -d '='`). Required in production; elsewhere, when unset, a key is
     * made once into <data>/credential-key (tests: one per process). See credentials/credential-key.ts.
     */
    RECERT_CREDENTIAL_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}=?$/, 'must be 32 bytes in base64url (43 characters)')
      .optional(),
  })
  .refine((config) => config.NODE_ENV !== 'production' || config.RECERT_CREDENTIAL_KEY !== undefined, {
    path: ['RECERT_CREDENTIAL_KEY'],
    message: 'is required in production: it encrypts the credential signing keys',
  });

export type Config = z.output<typeof configSchema>;

/** Validates the environment; fails fast with every problem named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) throw new RecertError('invalid-input', 'the configuration is invalid', toFieldIssues(result.error));
  return result.data;
}
