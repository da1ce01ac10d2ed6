import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context';
import { sendNoticeEmails, type SentNotRecorded } from './send-notice-emails';

/** How often notices still to e-mail are looked for (the tick's, and those other steps write during the day). */
const SWEEP_MS = 15_000;

/**
 * E-mails notices in the background, within seconds of their writing: what is
 * pending is what the rows say (not e-mailed, not skipped, not freshly
 * claimed), so a restart loses nothing and sends nothing twice. One run at a
 * time per process; several processes share the work through the claims.
 */
export class NoticeEmailSweep {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** E-mails sent whose sending could not be written: the next pass writes them before their claims go stale. */
  private readonly sentNotRecorded: SentNotRecorded = new Map();

  constructor(
    private readonly context: AppContext,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One pass over every body; a call during a pass shares it. */
  sweep(): Promise<void> {
    this.running ??= (async () => {
      try {
        const { config } = this.context;
        const done = await sendNoticeEmails({
          db: this.context.db,
          registry: await this.context.policies.current(),
          mailer: this.context.mailer,
          now: this.context.now(),
          publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
          sentNotRecorded: this.sentNotRecorded,
        });
        if (done.sent + done.skipped > 0) this.log.info({ notices: done }, 'notices e-mailed');
      } catch (error) {
        this.log.error({ err: error }, 'e-mailing notices failed; the next sweep tries again');
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
