import type { Actor } from '../../accounts/actor';
import { applicationPolicy } from '../../authorization';
import type { AppContext } from '../../http/context';
import { bodyOf, type ApplicationRow } from './load-application';
import { presentApplication } from './present-application';

/** The application as the actor may see it: staff (who coordinate) also see the committee's votes. */
export function respondWith(context: AppContext) {
  return async (actor: Actor, row: ApplicationRow) => {
    const body = bodyOf(await context.policies.current(), row.bodyId);
    return presentApplication(context.db, {
      row,
      staff: applicationPolicy.actions.coordinate(actor, { bodyId: row.bodyId, providerId: row.providerId }),
      timeZone: body.timeZone,
      currency: body.providers.currency,
      now: context.now(),
    });
  };
}
