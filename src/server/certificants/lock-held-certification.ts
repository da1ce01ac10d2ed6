import { and, eq } from 'drizzle-orm';
import { RecertError } from '../../core/errors';
import type { Tx } from '../db/database';
import { certifications } from '../db/schema/people';

/** The refusal for a program (named in the request body) the person does not hold. */
export function notHeld(): RecertError {
  return new RecertError('invalid-input', 'not a certification this person holds', [
    { path: 'body.program', message: 'is not a certification this person holds' },
  ]);
}

/**
 * A person's certification of a program, locked for the transaction: the row
 * every change to its cycle (an extension, a standing decision) takes first,
 * so two changes to one certification wait for each other.
 */
export async function lockHeldCertification(tx: Tx, options: { bodyId: string; personId: string; program: string }) {
  const { bodyId, personId, program } = options;
  const [held] = await tx
    .select()
    .from(certifications)
    .where(and(eq(certifications.bodyId, bodyId), eq(certifications.personId, personId), eq(certifications.programId, program)))
    .for('update');
  if (!held) throw notHeld();
  return held;
}
