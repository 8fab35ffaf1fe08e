import { afterAll, beforeAll } from 'vitest';
import { startMailSink, type MailSink } from '../../infra/mail-sink.js';
import { freePort } from './free-port.js';
import { startTestStack, type TestStack } from './stack.js';

/**
 * For the tests of a file, a test stack whose SMTP server is down: nothing listens on the port
 * it mails to until `restore()`, which starts a mail sink there.
 */
export function useSmtpOutage(): { readonly stack: TestStack; restore(): Promise<MailSink> } {
  let smtpPort: number;
  let stack: TestStack;
  let sink: MailSink | undefined;
  beforeAll(async () => {
    smtpPort = await freePort();
    stack = await startTestStack({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
  });
  afterAll(async () => {
    await stack.stop();
    await sink?.stop();
  });
  return {
    get stack() {
      return stack;
    },
    restore: async () => (sink = await startMailSink({ smtpPort, httpPort: 0 })),
  };
}
