import type { FastifyBaseLogger } from 'fastify';
import type { PolicyStore } from '../bodies/policy-store';
import type { Db } from '../db/database';
import { tick } from './tick';

/**
 * Runs the daily work in the server, with no one pressing a button: now, and
 * then every `everyMs` (default hourly), for each body whose today has not
 * been done yet. Hourly checks, not a timer at midnight, so a body's new day
 * (its own time zone) and a server that slept through midnight are both
 * caught within the hour. Several server processes share the work through
 * the claim rows (see tick).
 */
export function startDailyScheduler(options: {
  db: Db;
  policies: PolicyStore;
  now: () => Date;
  log: FastifyBaseLogger;
  everyMs?: number;
}): () => Promise<void> {
  const { db, policies, now, log } = options;
  let running: Promise<void> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      try {
        const results = await tick({ db, registry: await policies.current(), now: now(), claim: true });
        for (const result of results.filter((r) => !r.skipped)) log.info({ tick: result }, 'daily run done');
      } catch (error) {
        log.error({ err: error }, 'daily run failed; it is tried again at the next check');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
