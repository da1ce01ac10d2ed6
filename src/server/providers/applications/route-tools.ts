import type { Actor } from '../../accounts/actor';
import { applicationPolicy } from '../../authorization';
import type { AppContext } from '../../http/context';
import { bodyOf, type ApplicationRow } from './load-application';
import { presentApplication } from './present-application';

/** What every application route needs around its use case. */
export function routeTools(context: AppContext) {
  return {
    /** What the use cases take from the app and the actor: spread into their options. */
    async inputs(actor: Actor) {
      return {
        db: context.db,
        registry: await context.policies.current(),
        mailer: context.mailer,
        storage: context.files,
        actorUserId: actor.userId,
        now: context.now(),
      };
    },
    /** The application as the actor may see it: staff (who coordinate) also see the committee's votes. */
    async view(actor: Actor, row: ApplicationRow) {
      const body = bodyOf(await context.policies.current(), row.bodyId);
      return presentApplication(context.db, {
        row,
        staff: applicationPolicy.actions.coordinate(actor, { bodyId: row.bodyId, providerId: row.providerId }),
        timeZone: body.timeZone,
        currency: body.providers.currency,
        now: context.now(),
      });
    },
    async timeZoneOf(bodyId: string) {
      return bodyOf(await context.policies.current(), bodyId).timeZone;
    },
  };
}
