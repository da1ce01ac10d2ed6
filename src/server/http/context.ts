import type { Config } from '../config';
import type { PolicyStore } from '../bodies/policy-store';
import type { Db } from '../db/database';
import type { FileStorage } from '../files/file-storage';
import type { Mailer } from '../mail/mailer';

/** What route modules need; passed explicitly rather than hung on globals. */
export interface AppContext {
  db: Db;
  config: Config;
  policies: PolicyStore;
  mailer: Mailer;
  /** Uploaded files (evidence). */
  files: FileStorage;
  /** The server's clock; tests pass a fixed one. */
  now: () => Date;
}
