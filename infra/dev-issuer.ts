import { SignJWT, createLocalJWKSet, importJWK, type JWTVerifyGetKey } from 'jose';
import { loadDevKey, publicPart } from './dev-key.js';

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
  const privateJwk = await loadDevKey({ dataDir: options.dataDir, fileName: 'dev-issuer-key.json', kid: 'dev-issuer', algorithm });
  const signingKey = await importJWK(privateJwk, algorithm);
  return {
    keys: createLocalJWKSet({ keys: [publicPart(privateJwk)] }),
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
