import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../db/database.js';
import { enqueueNotices } from '../../db/notice-outbox.js';
import type { Notification } from '../../domain/notification.js';
import { startNoticeDispatcher, type NoticeDispatcher } from '../../infra/notice-dispatcher.js';
import { databaseUrl, onServer } from '../support/databases.js';

const database = `outbox_${randomUUID().slice(0, 8)}`;
const url = databaseUrl(inject('databaseUrl'), database);
let db: ReturnType<typeof createDatabase>;
beforeAll(async () => {
  await onServer(inject('databaseUrl'), `create database ${database} template ${inject('templateDatabase')}`);
  db = createDatabase(url, 4);
});
afterAll(async () => {
  await db.destroy();
  await onServer(inject('databaseUrl'), `drop database ${database} with (force)`);
});

const notice = (key: string): Notification => ({ key, kind: 'case_decided', caseId: randomUUID() });

describe('the notice outbox', () => {
  it('sends each committed notice once across two workers, again after a failed attempt, and never one rolled back', async () => {
    const sent: string[] = [];
    let failedOnce = false;
    const send = async (notification: Notification) => {
      if (notification.key === 'refused-once' && !failedOnce) {
        failedOnce = true;
        throw new Error('421 try again later');
      }
      sent.push(notification.key);
    };
    const dispatchers: NoticeDispatcher[] = [1, 2].map(() =>
      startNoticeDispatcher({ db, databaseUrl: url, send, retry: { initialIntervalMs: 300, maximumIntervalMs: 1_000 }, logger: pino({ level: 'silent' }), pollMs: 5_000 }),
    );
    try {
      const keys = Array.from({ length: 30 }, (_, i) => `notice-${i}`);
      await db.transaction().execute((trx) => enqueueNotices(trx, [...keys, 'refused-once'].map(notice)));
      await db
        .transaction()
        .execute(async (trx) => {
          await enqueueNotices(trx, [notice('rolled-back')]);
          throw new Error('the write it told of failed');
        })
        .catch(() => undefined);
      // Written again, as a retried activity would: queued once.
      await db.transaction().execute((trx) => enqueueNotices(trx, [notice('notice-0')]));

      // Woken by the commit, not by the 5 s poll; the refused one after its 300 ms wait.
      await expect.poll(() => sent.length, { timeout: 4_000 }).toBe(31);
      expect([...sent].sort()).toEqual([...keys, 'refused-once'].sort());
      const rows = await db.selectFrom('notice_outbox').select(['key', 'attempts', 'sent_at', 'last_error']).orderBy('key').execute();
      expect(rows).toHaveLength(31);
      expect(rows.every((row) => row.sent_at !== null)).toBe(true);
      expect(rows.find((row) => row.key === 'refused-once')).toMatchObject({ attempts: 1, last_error: null });
    } finally {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    }
  });
});
