import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createRemoteJWKSet } from 'jose';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import { answerClientErrors, maxHeaderBytes } from '../api/client-errors.js';
import { createDatabase } from '../db/database.js';
import type { Config } from './config.js';
import { loadDevIssuer } from './dev-issuer.js';
import { createMailer } from './mailer.js';
import { encryptedDataConverter } from './payload-codec.js';
import { requireSetting } from './required-setting.js';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Serves the HTTP API on `config.PORT` (0: any free port). */
export async function startApi(config: Config, logger: Logger): Promise<RunningApi> {
  const db = createDatabase(requireSetting(config, 'DATABASE_URL'));
  const mailer = createMailer(requireSetting(config, 'SMTP_URL'));
  const connection = await Connection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: encryptedDataConverter({ key: config.PAYLOAD_ENCRYPTION_KEY, dataDir: config.dataDir }),
  });
  const keys = config.AUTH_JWKS_URL
    ? createRemoteJWKSet(new URL(config.AUTH_JWKS_URL))
    : (await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE })).keys;
  const app = createApp({ config, db, temporal, mailer, keys, logger });
  const server = createServer({ maxHeaderSize: maxHeaderBytes }, app).listen(config.PORT, '0.0.0.0');
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      mailer.close();
      await db.destroy();
    },
  };
}
