import type { Config } from '../config';
import type { PolicyStore } from '../bodies/policy-store';
import type { Db } from '../db/database';

/** What route modules need; passed explicitly rather than hung on globals. */
export interface AppContext {
  db: Db;
  config: Config;
  policies: PolicyStore;
  /** The server's clock; tests pass a fixed one. */
  now: () => Date;
}
