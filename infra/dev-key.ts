import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * A development signing key kept in the data folder, generated on first use, so what it signed
 * stays valid across restarts. Processes starting side by side (the worker and the API) keep
 * whichever was written first: the file appears whole or not at all.
 */
export async function loadDevKey(options: { dataDir: string; fileName: string; kid: string; algorithm: string }): Promise<JWK> {
  const keyFile = path.join(options.dataDir, options.fileName);
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair(options.algorithm, { extractable: true });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid: options.kid, alg: options.algorithm };
  mkdirSync(options.dataDir, { recursive: true });
  const draft = `${keyFile}.${randomUUID()}`;
  writeFileSync(draft, JSON.stringify(privateJwk), { mode: 0o600 });
  try {
    linkSync(draft, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
}

/** A key's public half: what a JWKS publishes. */
export function publicPart(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, oth: _oth, k: _k, ...publicJwk } = jwk;
  return publicJwk;
}
