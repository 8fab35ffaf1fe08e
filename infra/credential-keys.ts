import type { JWK, JWTPayload } from 'jose';

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

/** TODO(helper credentials): RECOGNITION_SIGNING_KEY from configuration, else a dev key kept in the data folder. */
export async function loadCredentialKeys(_options: { dataDir: string; signingKey?: string | undefined; issuer: string }): Promise<CredentialKeys> {
  throw new Error('not yet built');
}
