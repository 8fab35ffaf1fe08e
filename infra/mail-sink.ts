import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  messageId: string | undefined;
  from: string;
  to: string[];
  subject: string;
  text: string;
  language: string | undefined;
  receivedAt: string;
}

export interface MailSink {
  smtpUrl: string;
  httpUrl: string;
  messages(): ReceivedMessage[];
  stop(): Promise<void>;
}

/**
 * The development mail server: accepts every message over SMTP and keeps it, listed as
 * JSON at `GET <httpUrl>/messages` (optionally `?to=address`). Port 0 picks a free port.
 */
export async function startMailSink(options: { smtpPort: number; httpPort: number }): Promise<MailSink> {
  const received: ReceivedMessage[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const addresses = [mail.to ?? []].flat().flatMap((group) => group.value.map((a) => a.address ?? ''));
          received.push({
            messageId: mail.messageId,
            from: mail.from?.text ?? '',
            to: addresses,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            language: mail.headers.get('content-language')?.toString(),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort, '127.0.0.1', () => resolve());
  });
  // A sender that drops its connection (a killed worker) fails that session only, not the sink.
  smtp.on('error', () => {});
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/messages' || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get('to');
    const listed = to ? received.filter((m) => m.to.includes(to)) : received;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listed));
  });
  await listen(http, options.httpPort);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    messages: () => [...received],
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
