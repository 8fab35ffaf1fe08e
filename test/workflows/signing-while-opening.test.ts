import { describe, expect, it } from 'vitest';
import { useSmtpOutage } from '../support/smtp-outage.js';

const outage = useSmtpOutage();

describe('a contract version still being opened', () => {
  it("takes the employer's signature given as soon as its task shows, once the version is open", async () => {
    const { stack } = outage;
    const { parties } = stack;
    const { id } = await stack.submit();
    expect((await stack.authorise(id)).status).toBe(200);
    // The PDF is stored and the employer's task shows, while the activity that opens the version
    // retries the links it cannot mail: the workflow does not know the hash to sign yet.
    let documentSha256: string | undefined;
    await expect
      .poll(async () => (documentSha256 = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}/contract`)).body.versions?.at(-1)?.sha256), { timeout: 20_000 })
      .toBeDefined();
    const task = await stack.openTask(parties.employer, id, 'signature');
    const signing = stack.complete(parties.employer, task.id, { outcome: 'signed', documentSha256 });

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sink = await outage.restore();
    const signed = await signing;
    expect(signed.status).toBe(200);
    const contract = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}/contract`)).body;
    expect(contract.signatures).toEqual([expect.objectContaining({ signer: 'employer', sha256: documentSha256 })]);
    // The links went out once SMTP was back.
    await expect.poll(() => sink.messages().filter((m) => /\/sign\//.test(m.text)).length, { timeout: 30_000 }).toBe(1);
  });
});
