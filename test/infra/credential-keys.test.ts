import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, UnsecuredJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../infra/config.js';
import { credentialKeysFor, loadCredentialKeys } from '../../infra/credential-keys.js';

const folder = mkdtempSync(path.join(tmpdir(), 'credential-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the ministry's credential keys", () => {
  it('without a configured key, keep one development key in the data folder, the same for the worker and the API starting together', async () => {
    const dataDir = path.join(folder, 'dev');
    const [worker, api] = await Promise.all([loadCredentialKeys({ dataDir, issuer: 'urn:ministry' }), loadCredentialKeys({ dataDir, issuer: 'urn:ministry' })]);
    expect(api.jwks).toEqual(worker.jwks);
    expect(api.jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: 'dev-credentials' })]);
    expect(api.jwks.keys[0]).not.toHaveProperty('d');
    const jwt = await worker.sign({ jti: 'urn:uuid:1' });
    expect(await api.verify(jwt)).toMatchObject({ jti: 'urn:uuid:1', iss: 'urn:ministry' });
    const restarted = await loadCredentialKeys({ dataDir, issuer: 'urn:ministry' });
    expect(await restarted.verify(jwt)).toBeDefined();
  });

  it('take the configured EdDSA or ES256 key, as JSON or base64url-encoded JSON, named by its thumbprint when it has no kid', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const json = JSON.stringify(await exportJWK(privateKey));
    const config = loadConfig({ DATA_DIR: folder, RECOGNITION_SIGNING_KEY: Buffer.from(json).toString('base64url'), RECOGNITION_ISSUER: 'https://menje.lu' });
    const keys = await credentialKeysFor(config);
    expect(keys.issuer).toBe('https://menje.lu');
    expect(keys.jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.stringMatching(/^[\w-]{43}$/) })]);
    const same = await loadCredentialKeys({ dataDir: folder, signingKey: json, issuer: 'https://menje.lu' });
    expect(await same.verify(await keys.sign({ jti: 'urn:uuid:2' }))).toMatchObject({ jti: 'urn:uuid:2' });
    expect(loadConfig({}).RECOGNITION_ISSUER).toBeUndefined();
    expect((await credentialKeysFor(loadConfig({ DATA_DIR: folder, PUBLIC_BASE_URL: 'https://apprenticeship.lu' }))).issuer).toBe('https://apprenticeship.lu');
  });

  it('refuse at start-up a key that cannot sign credentials', async () => {
    const { privateKey: rsa } = await generateKeyPair('RS256', { extractable: true });
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    for (const key of [JSON.stringify(await exportJWK(rsa)), JSON.stringify(await exportJWK(publicKey)), 'not a key', '[]']) {
      expect(() => loadConfig({ RECOGNITION_SIGNING_KEY: key }), key).toThrow(ConfigError);
    }
  });

  it('verify nothing but what they signed for their issuer', async () => {
    const keys = await loadCredentialKeys({ dataDir: path.join(folder, 'dev'), issuer: 'urn:ministry' });
    const elsewhere = await loadCredentialKeys({ dataDir: path.join(folder, 'dev'), issuer: 'urn:another' });
    expect(await keys.verify(await elsewhere.sign({ jti: 'urn:uuid:3' }))).toBeUndefined();
    const unsigned = new UnsecuredJWT({ jti: 'urn:uuid:4' }).setIssuer('urn:ministry').encode();
    for (const jwt of [unsigned, '', 'garbage', 'a.b.c']) expect(await keys.verify(jwt)).toBeUndefined();
  });
});
