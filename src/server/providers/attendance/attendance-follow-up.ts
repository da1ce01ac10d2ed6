import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { rowsOf } from '../../db/database';
import type { AppContext } from '../../http/context';
import { completeAttendance } from './complete-attendance';

/** How often the whole installation is checked for matched attendance still to complete. */
const SWEEP_MS = 15_000;
/** A roster with at most this many attendees to complete is completed before its import answers. */
const INLINE_ROWS = 1000;

/**
 * Completes matched attendance after the transaction that matched it: the
 * activity on the transcript, the confirmation stored and attached to it as
 * evidence, the figures refreshed (see completeAttendance). A roster of
 * thousands of attendees is completed here, in the background, a batch at a
 * time, instead of keeping its import waiting; rows matched later (a person
 * added, an e-mail added, where no file storage is at hand) are picked up by
 * the sweep within seconds. What is pending is what the rows say (matched,
 * no confirmation issued), so a restart loses nothing: the next sweep finds it.
 */
export class AttendanceFollowUp {
  private readonly runs = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly context: AppContext,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Completes everything pending in the body. A call during a run starts one more run after it, shared by all such calls. */
  run(bodyId: string): Promise<void> {
    const queued = this.queued.get(bodyId);
    if (queued) return queued;
    const next = (this.runs.get(bodyId) ?? Promise.resolve()).then(() => {
      this.queued.delete(bodyId);
      return this.drain(bodyId);
    });
    this.queued.set(bodyId, next);
    this.runs.set(bodyId, next);
    void next.finally(() => {
      if (this.runs.get(bodyId) === next) this.runs.delete(bodyId);
    });
    return next;
  }

  /**
   * After an import: a small roster's attendees are completed at once, so the
   * provider's answer and the attendees' transcripts agree; a large one's are
   * left to `run`, which the route starts once it has answered. Returns how
   * many are still pending.
   */
  async afterImport(bodyId: string, offeringId: string, pending: number): Promise<number> {
    if (pending === 0 || pending > INLINE_ROWS) return pending;
    let left = pending;
    try {
      const registry = await this.context.policies.current();
      const { db, files } = this.context;
      let completed: number;
      do {
        completed = await completeAttendance({ db, registry, files, bodyId, offeringId, now: this.context.now() });
        left -= completed;
      } while (completed > 0 && left > 0);
    } catch (error) {
      this.log.error({ err: error, bodyId, offeringId }, 'completing attendance failed; the background will retry');
    }
    return Math.max(left, 0);
  }

  /** Runs every body that has matched attendance to complete. */
  async sweep(): Promise<void> {
    const bodies = await rowsOf<{ body_id: string }>(
      this.context.db,
      sql`select distinct body_id from attendance where confirmation_issued_at is null and person_id is not null`,
    );
    await Promise.all(bodies.map(({ body_id }) => this.run(body_id)));
  }

  /** Resolves once nothing is running (tests, benchmarks, shutdown). */
  async idle(): Promise<void> {
    while (this.runs.size > 0) await Promise.all(this.runs.values());
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.sweep().catch((error: unknown) => this.log.error({ err: error }, 'attendance sweep failed'));
    }, SWEEP_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
  }

  private async drain(bodyId: string): Promise<void> {
    try {
      const registry = await this.context.policies.current();
      while (
        (await completeAttendance({
          db: this.context.db,
          registry,
          files: this.context.files,
          bodyId,
          now: this.context.now(),
        })) > 0
      );
    } catch (error) {
      // Left as it was: the rows still say what is pending, and the next sweep tries again.
      this.log.error({ err: error, bodyId }, 'completing attendance failed');
    }
  }
}
