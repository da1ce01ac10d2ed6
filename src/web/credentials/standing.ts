import type { Standing, StandingCertification } from '../api/credentials';
import { STATUS_BADGES, type Status } from '../components/status-badges';
import { capitalize, words } from '../format';

/** The public good-standing lookup: what may be looked up, and each certification's standing in words. */

/** The server looks up a certificate number or at least 3 letters of a name, at most 200 characters. */
export const LOOKUP_MIN = 3;
export const LOOKUP_MAX = 200;

/** The lookup as typed, trimmed, or why it cannot be looked up (in the server's words). */
export function checkLookup(text: string): { q: string; problem: null } | { q: null; problem: string } {
  const q = text.trim();
  if (q.length < LOOKUP_MIN) return { q: null, problem: 'Give a certificate number or at least 3 letters of the name' };
  if (q.length > LOOKUP_MAX) return { q: null, problem: `Must be at most ${LOOKUP_MAX} characters` };
  return { q, problem: null };
}

/** The lookup in the page's address: kept only when it could be looked up, so a mistyped link shows the empty form. */
export function lookupFrom(search: Record<string, unknown>): { q?: string } {
  const checked = typeof search.q === 'string' ? checkLookup(search.q) : null;
  return checked?.q ? { q: checked.q } : {};
}

/** "In good standing" or "Not in good standing", the status in words ("Renewal open"), and the badge's colour. */
export function standingWords(certification: StandingCertification): { standing: string; status: string; color: string } {
  const badge = STATUS_BADGES[certification.status as Status];
  return {
    standing: certification.inGoodStanding ? 'In good standing' : 'Not in good standing',
    status: badge?.label ?? capitalize(words(certification.status)),
    color: certification.inGoodStanding ? 'green' : 'red',
  };
}

/** "No one found for “Dana”.", "1 person found.", "3 people found." */
export function foundSentence(standing: Standing, q: string): string {
  const n = standing.people.length;
  if (n === 0) return `No one with a certification of ${standing.body} was found for “${q}”.`;
  return `${n} ${n === 1 ? 'person' : 'people'} found.`;
}
