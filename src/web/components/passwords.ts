import { newPasswordSchema } from '../../server/accounts/account-schemas';
import { capitalize } from '../format';

/** Password fields: the show/hide button, and the rule for a new password. */

/**
 * The show/hide button of a password field. Mantine names it "Toggle password visibility", which a
 * search by label ("Password") also finds: this name leaves the field the only match of its label.
 */
export const visibilityToggle = { 'aria-label': 'Show the characters typed' } as const;

/** What a new password needs, in the words of the field's description (the server's rule, account-schemas.ts). */
export const NEW_PASSWORD_HINT = `At least ${newPasswordSchema.minLength ?? 10} characters`;

/** The problem of a new password as typed ("Must be at least 10 characters"), or undefined. */
export function newPasswordProblem(password: string): string | undefined {
  const checked = newPasswordSchema.safeParse(password);
  return checked.success ? undefined : capitalize(checked.error.issues[0]?.message ?? 'is not allowed');
}
