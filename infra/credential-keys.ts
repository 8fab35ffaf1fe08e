import { SignJWT, calculateJwkThumbprint, createLocalJWKSet, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { Config } from './config.js';
import { loadDevKey, publicPart } from './dev-key.js';

/** The ministry's key that signs recognition credentials, and its public half as a JWKS. */
export interface CredentialKeys {
  /** The credentials' `iss`: the ministry's identifier. */
  issuer: string;
  /** Signs a credential's payload (with its `jti`) as a compact JWT. */
  sign(payload: JWTPayload & { jti: string }): Promise<string>;
  /** The public keys, published at the JWKS endpoint. */
  jwks: { keys: JWK[] };
  /** The payload of a credential signed by one of these keys; undefined for anything else (tampered, forged, not a JWT). */
  verify(jwt: string): Promise<JWTPayload | undefined>;
}

/** The algorithms a credential may be signed with, by the key's type and curve. */
const algorithmOf = (jwk: JWK): 'ES256' | 'EdDSA' | undefined =>
  jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? 'EdDSA' : undefined;

/**
 * The configured key: a private JWK as JSON, or that JSON base64url-encoded (a Compose file's
 * `${VAR:-default}` and some secret stores take no braces).
 */
function parseSigningKey(text: string): JWK | undefined {
  const json = text.trim().startsWith('{') ? text : Buffer.from(text.trim(), 'base64url').toString('utf8');
  try {
    const jwk = JSON.parse(json) as unknown;
    return typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk) ? (jwk as JWK) : undefined;
  } catch {
    return undefined;
  }
}

/** Why a RECOGNITION_SIGNING_KEY cannot sign credentials; undefined when it can. */
export function signingKeyProblem(text: string): string | undefined {
  const jwk = parseSigningKey(text);
  if (!jwk || typeof jwk.d !== 'string') return 'a private JWK (with its `d`) as JSON, or that JSON base64url-encoded';
  const algorithm = algorithmOf(jwk);
  if (!algorithm) return 'an EC P-256 (ES256) or OKP Ed25519 (EdDSA) key';
  if (jwk.alg !== undefined && jwk.alg !== algorithm) return `a key of type ${jwk.kty} ${jwk.crv} signs with ${algorithm}, not ${jwk.alg}`;
  return undefined;
}

/**
 * The credential keys: RECOGNITION_SIGNING_KEY when configured (its `kid`, or else its
 * thumbprint, names it in the JWKS), else an ES256 development key kept in the data folder.
 */
export async function loadCredentialKeys(options: { dataDir: string; signingKey?: string | undefined; issuer: string }): Promise<CredentialKeys> {
  const problem = options.signingKey === undefined ? undefined : signingKeyProblem(options.signingKey);
  if (problem) throw new Error(`The credential signing key must be ${problem}`);
  const privateJwk = options.signingKey
    ? parseSigningKey(options.signingKey)!
    : await loadDevKey({ dataDir: options.dataDir, fileName: 'dev-credential-key.json', kid: 'dev-credentials', algorithm: 'ES256' });
  const algorithm = algorithmOf(privateJwk)!;
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint(privateJwk));
  const signingKey = await importJWK({ ...privateJwk, alg: algorithm }, algorithm);
  const publicJwk: JWK = { ...publicPart(privateJwk), kid, alg: algorithm, use: 'sig' };
  const keySet = createLocalJWKSet({ keys: [publicJwk] });
  return {
    issuer: options.issuer,
    jwks: { keys: [publicJwk] },
    sign: (payload) => new SignJWT(payload).setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' }).setIssuer(options.issuer).sign(signingKey),
    async verify(jwt) {
      try {
        const { payload } = await jwtVerify(jwt, keySet, { issuer: options.issuer, algorithms: [algorithm] });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}

/** The credential keys as the configuration names them: the worker signs with them, the API verifies. */
export function credentialKeysFor(config: Pick<Config, 'dataDir' | 'RECOGNITION_SIGNING_KEY' | 'RECOGNITION_ISSUER' | 'publicBaseUrl'>): Promise<CredentialKeys> {
  return loadCredentialKeys({ dataDir: config.dataDir, signingKey: config.RECOGNITION_SIGNING_KEY, issuer: config.RECOGNITION_ISSUER ?? config.publicBaseUrl });
}
