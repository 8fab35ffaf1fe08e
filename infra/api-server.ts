import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { createRemoteJWKSet } from 'jose';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import { answerClientErrors, maxHeaderBytes } from '../api/client-errors.js';
import { createDatabase } from '../db/database.js';
import { postgresDocumentStore } from '../db/document-store.js';
import type { Config } from './config.js';
import { credentialKeysFor } from './credential-keys.js';
import { loadDevIssuer } from './dev-issuer.js';
import { encryptedDataConverter } from './payload-codec.js';
import { requireSetting } from './required-setting.js';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

/** Serves the HTTP API on `config.PORT` (0: any free port). */
export async function startApi(config: Config, logger: Logger): Promise<RunningApi> {
  const db = createDatabase(requireSetting(config, 'DATABASE_URL'));
  const connection = await Connection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: encryptedDataConverter({ key: config.PAYLOAD_ENCRYPTION_KEY, keys: config.PAYLOAD_ENCRYPTION_KEYS, dataDir: config.dataDir }),
  });
  const devIssuer = config.AUTH_JWKS_URL ? undefined : await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
  const keys = devIssuer ? devIssuer.keys : createRemoteJWKSet(new URL(config.AUTH_JWKS_URL!));
  const credentialKeys = await credentialKeysFor(config);
  const app = createApp({ config, db, temporal, documents: postgresDocumentStore(db), keys, logger, credentialKeys, devIssuer });
  const server = createServer({ maxHeaderSize: maxHeaderBytes }, app).listen(config.PORT, '0.0.0.0');
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    /**
     * Drains: no new connections, idle keep-alive sockets closed at once, requests in
     * flight answered (their sockets closed after); what is still open after
     * STOP_GRACE_PERIOD is cut.
     */
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = setInterval(() => server.closeIdleConnections(), 100);
      const cut = setTimeout(() => server.closeAllConnections(), config.STOP_GRACE_PERIOD);
      await closed;
      clearInterval(drained);
      clearTimeout(cut);
      await connection.close();
      await db.destroy();
    },
  };
}
