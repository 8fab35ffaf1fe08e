import { describe, expect, it } from 'vitest';
import { useSmtpOutage } from '../support/smtp-outage.js';

const outage = useSmtpOutage();

describe('an SMTP server that is down', () => {
  it('does not hold up the case, and the mail arrives once SMTP is back', async () => {
    const { stack } = outage;
    const { parties } = stack;
    const { id } = await stack.submit();
    // The case goes on: the parties answer while no mail can leave.
    for (const party of [parties.adem, parties.chamber]) {
      const task = await stack.openTask(party, id);
      expect((await stack.complete(party, task.id, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);
    }
    const sent = await stack.db.selectFrom('mail_deliveries').select('key').where('key', 'like', `${id}%`).execute();
    expect(sent).toHaveLength(0);

    const sink = await outage.restore();
    const reference = id.slice(0, 8).toUpperCase();
    const forThisCase = () => sink.messages().filter((m) => m.subject.includes(reference));
    await expect.poll(() => forThisCase().length, { timeout: 30_000 }).toBe(3);
    expect(forThisCase().flatMap((m) => m.to).sort()).toEqual(
      [parties.adem, parties.chamber, parties.school].map((p) => p.organisationEmail).sort(),
    );
    // Delivered once each, however many attempts failed before.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(forThisCase()).toHaveLength(3);
  });
});
