import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config';

/** The installation's key that encrypts every body's signing key at rest (AES-256-GCM). */
export type CredentialKey = Buffer;

const resolved = new WeakMap<Config, Promise<CredentialKey>>();

/**
 * RECERT_CREDENTIAL_KEY when set (production refuses to boot without it, see
 * config.ts). Otherwise, so that `npm start` on a fresh clone works: in tests
 * a random key per process (their databases live no longer); elsewhere a key
 * made once into <data>/credential-key, with a warning, and read from there
 * on later starts.
 */
export function credentialKeyOf(config: Config, warn: (message: string) => void = console.warn): Promise<CredentialKey> {
  let key = resolved.get(config);
  if (!key) {
    key = resolve(config, warn);
    resolved.set(config, key);
  }
  return key;
}

async function resolve(config: Config, warn: (message: string) => void): Promise<CredentialKey> {
  if (config.RECERT_CREDENTIAL_KEY) return Buffer.from(config.RECERT_CREDENTIAL_KEY, 'base64url');
  if (config.NODE_ENV === 'test') return randomBytes(32);
  const file = join(config.RECERT_DATA_DIR, 'credential-key');
  try {
    const text = (await readFile(file, 'utf8')).trim();
    const key = Buffer.from(text, 'base64url');
    if (key.length === 32) return key;
    throw new Error(`${file} does not hold a 32-byte base64url key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(config.RECERT_DATA_DIR, { recursive: true });
  await writeFile(file, key.toString('base64url') + '\n', { flag: 'wx', mode: 0o600 });
  await chmod(file, 0o600);
  warn(
    `RECERT_CREDENTIAL_KEY is not set: made a credential key in ${file} for this installation. ` +
      'Set RECERT_CREDENTIAL_KEY in production (it is required there).',
  );
  return key;
}

/** AES-256-GCM: base64url of iv || ciphertext || tag; the body id is bound as additional data. */
export function sealSecret(key: CredentialKey, plaintext: string, bodyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(bodyId));
  const sealed = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return sealed.toString('base64url');
}

export function openSecret(key: CredentialKey, sealed: string, bodyId: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(bodyId));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
}
