import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { leaseDueNotices, markNoticeFailed, markNoticeSent, noticeChannel, type LeasedNotice } from '../db/notice-outbox.js';
import type { Database } from '../db/schema.js';
import type { Notification } from '../domain/notification.js';

export interface NoticeDispatcher {
  /** Sends nothing more; waits for the notices under way. */
  stop(): Promise<void>;
}

export interface NoticeDispatcherOptions {
  db: Kysely<Database>;
  /** For a connection of its own that LISTENs for new notices. */
  databaseUrl: string;
  /** Sends one notice, each message once (activities/notifications.ts). */
  send(notification: Notification): Promise<void>;
  /** The first wait after a failed attempt, doubled each time up to the maximum. */
  retry: { initialIntervalMs: number; maximumIntervalMs: number };
  logger: Logger;
  /** How often it looks without being told, for notices due again and a missed wake-up. */
  pollMs?: number;
  batch?: number;
  /** How long a taken notice is kept from the other dispatchers: longer than a send can take. */
  leaseMs?: number;
}

/**
 * Sends the notices of the outbox (db/notice-outbox.ts) as they are committed, in every worker:
 * each takes its own with SKIP LOCKED, and a notice is sent again only if its dispatcher stopped
 * before recording it sent, when `deliverOnce` keeps any message from leaving twice. An SMTP
 * outage leaves them in the outbox, tried again with a growing wait, until it is over.
 */
export function startNoticeDispatcher(options: NoticeDispatcherOptions): NoticeDispatcher {
  const { db, send, retry, logger, pollMs = 1_000, batch = 20, leaseMs = 60_000 } = options;
  let stopped = false;
  let wake: () => void = () => {};
  /** A wake-up that came while it was busy: it looks again at once instead of sleeping. */
  let woken = false;
  const signal = () => {
    woken = true;
    wake();
  };
  const retryTimers = new Set<NodeJS.Timeout>();
  const listener = listen(options.databaseUrl, signal);

  async function dispatch(notice: LeasedNotice): Promise<void> {
    try {
      await send(notice.notification);
      await markNoticeSent(db, notice.key);
    } catch (error) {
      const retryInMs = Math.min(retry.initialIntervalMs * 2 ** notice.attempts, retry.maximumIntervalMs);
      // The error may quote an address: it stays in the outbox row, out of the log.
      logger.warn({ key: notice.key, attempts: notice.attempts + 1, retryInMs }, 'Notice not sent; trying again');
      // If even this fails, the lease runs out and the notice is taken again.
      await markNoticeFailed(db, notice.key, retryInMs, String(error)).catch(() => undefined);
      // Looks again when it is due, not at the next poll.
      const retryTimer = setTimeout(() => {
        retryTimers.delete(retryTimer);
        signal();
      }, retryInMs);
      retryTimers.add(retryTimer);
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      woken = false;
      let leased: LeasedNotice[] = [];
      try {
        leased = await leaseDueNotices(db, batch, leaseMs);
      } catch (error) {
        logger.warn({ err: { code: (error as { code?: unknown }).code } }, 'Notice outbox not reachable; trying again');
      }
      await Promise.all(leased.map(dispatch));
      if (leased.length < batch && !stopped && !woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  const running = run();
  return {
    async stop() {
      stopped = true;
      for (const timer of retryTimers) clearTimeout(timer);
      wake();
      await running;
      await listener.close();
    },
  };
}

/** LISTENs on its own connection, connecting again after a loss; polling covers the time without it. */
function listen(databaseUrl: string, onNotice: () => void): { close(): Promise<void> } {
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  const connectLater = () => {
    if (!closed) retryTimer = setTimeout(() => void connect(), 1_000);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', onNotice);
    next.on('error', () => undefined);
    try {
      await next.connect();
      await next.query(`listen ${noticeChannel}`);
    } catch {
      await next.end().catch(() => undefined);
      return connectLater();
    }
    client = next;
    next.on('end', connectLater);
    // Notices committed while it was away.
    onNotice();
  };
  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
