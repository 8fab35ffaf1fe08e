import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';

const algorithm = 'ES256';

export interface DevIssuer {
  keys: JWTVerifyGetKey;
  issueToken(userId: string, lifetime?: string): Promise<string>;
}

/**
 * The development identity provider: an ES256 key kept in the data folder, so tokens
 * printed at start-up stay valid across restarts. Production verifies against the real
 * issuer's JWKS (AUTH_JWKS_URL) instead.
 */
export async function loadDevIssuer(options: { dataDir: string; issuer: string; audience: string }): Promise<DevIssuer> {
  const keyFile = path.join(options.dataDir, 'dev-issuer-key.json');
  let privateJwk: JWK;
  if (existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair(algorithm, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: 'dev-issuer', alg: algorithm };
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, algorithm);
  return {
    keys: createLocalJWKSet({ keys: [publicJwk] }),
    issueToken: (userId, lifetime = '30d') =>
      new SignJWT({})
        .setProtectedHeader({ alg: algorithm, kid: privateJwk.kid! })
        .setSubject(userId)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt()
        .setExpirationTime(lifetime)
        .sign(signingKey),
  };
}
