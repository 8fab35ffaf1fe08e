import nodemailer from 'nodemailer';

export type Mailer = ReturnType<typeof createMailer>;

export function createMailer(smtpUrl: string) {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    // A few connections kept open and reused: a case sends about eight messages, and a new
    // connection (greeting, EHLO, perhaps TLS) for each cost more than the message itself.
    pool: true,
    maxConnections: 4,
    // Short timeouts: an unreachable server fails the attempt fast and Temporal retries it.
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
}
