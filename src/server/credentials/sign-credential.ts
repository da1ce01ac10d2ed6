import { and, eq, isNull } from 'drizzle-orm';
import { CompactSign } from 'jose';
import { RecertError } from '../../core/errors';
import type { PolicyRegistry } from '../../core/policies/policy-registry';
import type { Config } from '../config';
import type { DbOrTx } from '../db/database';
import { credentials } from '../db/schema/credentials';
import { credentialKeyOf } from './credential-key';
import { credentialDocument, issuerIdOf, publicBaseOf, type CredentialRow } from './credential-document';
import { currentSigningKey, SIGNING_ALG, type SigningKey } from './signing-keys';

/** A VC-JOSE compact JWS: the JWT claims set is the credential itself (W3C VC-JOSE-COSE), typ vc+jwt. */
export async function signDocument(document: object, key: SigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(document)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
    .sign(key.privateKey);
}

export interface SigningServices {
  db: DbOrTx;
  config: Config;
  registry: PolicyRegistry;
}

/** The body's current signing key, as the routes need it. */
export async function bodySigningKey(services: SigningServices, bodyId: string): Promise<SigningKey> {
  const base = publicBaseOf(services.config);
  return currentSigningKey(services.db, await credentialKeyOf(services.config), bodyId, issuerIdOf(base, bodyId));
}

/**
 * The credential's VC-JWT. Issuing (syncCredentials, in the use case's
 * transaction) fixes every fact; the signature is made from them at first
 * use, with the body's current key, and kept: the same credential is always
 * the same JWT. Keeping secrets out of the use cases means none of them needs
 * the installation's key.
 */
export async function signedCredential(services: SigningServices, row: CredentialRow): Promise<{ jwt: string; kid: string }> {
  if (row.jwt && row.kid) return { jwt: row.jwt, kid: row.kid };
  const body = services.registry.body(row.bodyId);
  const policy = services.registry.get(row.programId);
  if (!body || !policy) throw new RecertError('not-found', 'not found');
  const key = await bodySigningKey(services, row.bodyId);
  const jwt = await signDocument(credentialDocument(row, body, policy, publicBaseOf(services.config)), key);
  const [stored] = await services.db
    .update(credentials)
    .set({ jwt, kid: key.kid })
    .where(and(eq(credentials.bodyId, row.bodyId), eq(credentials.id, row.id), isNull(credentials.jwt)))
    .returning({ jwt: credentials.jwt, kid: credentials.kid });
  if (stored) return { jwt: stored.jwt!, kid: stored.kid! };
  // Signed meanwhile by another request: that one is the credential.
  const [again] = await services.db
    .select({ jwt: credentials.jwt, kid: credentials.kid })
    .from(credentials)
    .where(and(eq(credentials.bodyId, row.bodyId), eq(credentials.id, row.id)));
  return { jwt: again!.jwt!, kid: again!.kid! };
}
