import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, t=2, p=1): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the e-mail is unknown, so timing does not reveal which addresses exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash('no account has this password');
  try {
    return (await verify(storedHash ?? (await dummyHash), password)) && storedHash !== null;
  } catch {
    return false;
  }
}
