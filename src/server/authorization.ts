import { RecertError } from '../core/errors';
import { isMemberOf, personIdIn, providerIdIn, rolesIn, type Actor } from './accounts/actor';

/**
 * Declarative authorization: one policy per entity. `see` decides whether the
 * actor may learn that the target exists at all (if not: 404, the same answer
 * as for a target that does not exist); each action decides what they may do
 * with it (if not: 403).
 */
export interface EntityPolicy<T, Action extends string> {
  see: (actor: Actor, target: T) => boolean;
  actions: Record<Action, (actor: Actor, target: T) => boolean>;
}

export function authorize<T, Action extends string>(
  policy: EntityPolicy<T, Action>,
  action: Action,
  actor: Actor | null,
  target: T,
): Actor {
  if (!actor) throw new RecertError('unauthenticated', 'sign in first');
  if (!policy.see(actor, target)) throw new RecertError('not-found', 'not found');
  if (!policy.actions[action](actor, target)) throw new RecertError('forbidden', `you may not ${action.replace(/-/g, ' ')} this`);
  return actor;
}

const staff = (actor: Actor, bodyId: string) => {
  const roles = rolesIn(actor, bodyId);
  return roles.has('admin') || roles.has('reviewer');
};
const admin = (actor: Actor, bodyId: string) => rolesIn(actor, bodyId).has('admin');
const self = (actor: Actor, bodyId: string, personId: string) => personIdIn(actor, bodyId) === personId;

export interface BodyTarget {
  bodyId: string;
}
export interface PersonTarget {
  bodyId: string;
  personId: string;
}

/** The body itself: its programs, its people as a list. */
export const bodyPolicy: EntityPolicy<
  BodyTarget,
  | 'read'
  | 'search-people'
  | 'add-people'
  | 'merge-people'
  | 'read-overview'
  | 'reevaluate'
  | 'review-queue'
  | 'list-providers'
  | 'application-queue'
  | 'purge-records'
  | 'extension-queue'
  | 'standing-appeals'
  | 'edit-policies'
> = {
  see: (actor, { bodyId }) => isMemberOf(actor, bodyId),
  actions: {
    read: (actor, { bodyId }) => isMemberOf(actor, bodyId),
    'search-people': (actor, { bodyId }) => staff(actor, bodyId),
    'read-overview': (actor, { bodyId }) => staff(actor, bodyId),
    'add-people': (actor, { bodyId }) => admin(actor, bodyId),
    'merge-people': (actor, { bodyId }) => admin(actor, bodyId),
    reevaluate: (actor, { bodyId }) => admin(actor, bodyId),
    'review-queue': (actor, { bodyId }) => staff(actor, bodyId),
    'list-providers': (actor, { bodyId }) => staff(actor, bodyId),
    'application-queue': (actor, { bodyId }) => staff(actor, bodyId),
    'purge-records': (actor, { bodyId }) => admin(actor, bodyId),
    'extension-queue': (actor, { bodyId }) => staff(actor, bodyId),
    'standing-appeals': (actor, { bodyId }) => admin(actor, bodyId),
    'edit-policies': (actor, { bodyId }) => admin(actor, bodyId),
  },
};

/** A person's record, progress and history. Certificants see only themselves. */
export const personPolicy: EntityPolicy<PersonTarget, 'read' | 'update-profile' | 'read-audit' | 'calendar-feed'> = {
  see: (actor, { bodyId, personId }) => staff(actor, bodyId) || self(actor, bodyId, personId),
  actions: {
    read: () => true,
    'update-profile': (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    'read-audit': (actor, { bodyId }) => admin(actor, bodyId),
    // The feed link is a secret of the person's own.
    'calendar-feed': (actor, { bodyId, personId }) => self(actor, bodyId, personId),
  },
};

/**
 * A person's credentials (the public links and lists aside: anyone may verify).
 * The person and staff read them and download the certificate; the person or
 * an admin asks for a re-issue under the name the profile prints now.
 */
export const credentialPolicy: EntityPolicy<PersonTarget, 'read' | 'reissue'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    reissue: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
  },
};

/** A person's CE activities. Reviewers read them and decide advance approvals; the person and admins change them. */
export const activityPolicy: EntityPolicy<PersonTarget, 'read' | 'write' | 'review'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    write: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    // Nobody decides on their own activity, staff included.
    review: (actor, { bodyId, personId }) => staff(actor, bodyId) && !self(actor, bodyId, personId),
  },
};

/** A person's notices and which reminders they receive: theirs to read and choose; admins may read them to help. */
export const noticePolicy: EntityPolicy<PersonTarget, 'read' | 'mark-read' | 'read-preferences' | 'set-preferences'> = {
  see: personPolicy.see,
  actions: {
    read: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    // Marking read is the reader's own act: an admin reading must not hide a notice from its person.
    'mark-read': (actor, { bodyId, personId }) => self(actor, bodyId, personId),
    'read-preferences': (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    'set-preferences': (actor, { bodyId, personId }) => self(actor, bodyId, personId),
  },
};

export interface ProviderTarget {
  bodyId: string;
  providerId: string;
}
const ownProvider = (actor: Actor, bodyId: string, providerId: string) => providerIdIn(actor, bodyId) === providerId;

/**
 * A CE provider and what belongs to it (applications, offerings' rosters).
 * Its own users act for it; staff see every provider; other providers and
 * certificants do not learn that it exists.
 */
export const providerPolicy: EntityPolicy<
  ProviderTarget,
  'read' | 'update' | 'note' | 'change-status' | 'manage-api-key' | 'report-attendance' | 'appeal'
> = {
  see: (actor, { bodyId, providerId }) => staff(actor, bodyId) || ownProvider(actor, bodyId, providerId),
  actions: {
    read: () => true,
    update: (actor, { bodyId, providerId }) => admin(actor, bodyId) || ownProvider(actor, bodyId, providerId),
    note: (actor, { bodyId }) => staff(actor, bodyId),
    // Warn, suspend, terminate or reinstate: a decision of the body's admins.
    'change-status': (actor, { bodyId }) => admin(actor, bodyId),
    'manage-api-key': (actor, { bodyId, providerId }) => ownProvider(actor, bodyId, providerId),
    'report-attendance': (actor, { bodyId, providerId }) => ownProvider(actor, bodyId, providerId),
    appeal: (actor, { bodyId, providerId }) => ownProvider(actor, bodyId, providerId),
  },
};

/** A provider's pre-approval application: the provider drafts and submits; staff coordinate, vote and decide. */
export const applicationPolicy: EntityPolicy<ProviderTarget, 'read' | 'edit' | 'coordinate' | 'vote'> = {
  see: providerPolicy.see,
  actions: {
    read: () => true,
    edit: (actor, { bodyId, providerId }) => ownProvider(actor, bodyId, providerId),
    coordinate: (actor, { bodyId }) => staff(actor, bodyId),
    // Being assigned is checked by the use case; here: committee members are the body's reviewers and admins.
    vote: (actor, { bodyId }) => staff(actor, bodyId),
  },
};

/** A provider's appeal of a termination: the Review and Appeals Committee (staff) is assigned and votes. */
export const appealPolicy: EntityPolicy<ProviderTarget, 'read' | 'assign' | 'vote'> = {
  see: providerPolicy.see,
  actions: {
    read: () => true,
    assign: (actor, { bodyId }) => admin(actor, bodyId),
    vote: (actor, { bodyId }) => staff(actor, bodyId),
  },
};

/**
 * A person's invoices. Staff (admins and reviewers) read them all, the person
 * their own. Money is the admins' business: they record checks received and
 * credit invoices; the person pays by card (an admin may take a card by phone).
 */
export const invoicePolicy: EntityPolicy<PersonTarget, 'read' | 'pay' | 'record-payment' | 'credit'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    pay: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    'record-payment': (actor, { bodyId }) => admin(actor, bodyId),
    credit: (actor, { bodyId }) => admin(actor, bodyId),
  },
};

/** The body's invoices as a list (what is unpaid): staff. */
export const invoiceListPolicy: EntityPolicy<BodyTarget, 'list'> = {
  see: (actor, { bodyId }) => isMemberOf(actor, bodyId),
  actions: { list: (actor, { bodyId }) => staff(actor, bodyId) },
};

/** Extensions of a cycle's due date: the person (or an admin for them) requests; staff decide, never on their own. */
export const extensionPolicy: EntityPolicy<PersonTarget, 'read' | 'request' | 'decide'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    request: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    decide: (actor, { bodyId, personId }) => staff(actor, bodyId) && !self(actor, bodyId, personId),
  },
};

/** Ethics decisions on a certification's standing: admins decide them and their appeals; the person alone appeals. */
export const standingPolicy: EntityPolicy<PersonTarget, 'read' | 'decide' | 'appeal' | 'decide-appeal'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    decide: (actor, { bodyId, personId }) => admin(actor, bodyId) && !self(actor, bodyId, personId),
    appeal: (actor, { bodyId, personId }) => self(actor, bodyId, personId),
    'decide-appeal': (actor, { bodyId, personId }) => admin(actor, bodyId) && !self(actor, bodyId, personId),
  },
};

/**
 * A person's renewal applications. The person (or an admin for them) submits;
 * staff review, decide audit evidence, approve and return, never their own.
 */
export const renewalPolicy: EntityPolicy<PersonTarget, 'read' | 'submit' | 'decide'> = {
  see: personPolicy.see,
  actions: {
    read: () => true,
    submit: (actor, { bodyId, personId }) => admin(actor, bodyId) || self(actor, bodyId, personId),
    decide: (actor, { bodyId, personId }) => staff(actor, bodyId) && !self(actor, bodyId, personId),
  },
};
