import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

// A CommonJS package: Node's ESM loader sees only its default export.
const { Payload: PayloadMessage } = proto.temporal.api.common.v1;
const encryptedEncoding = 'binary/encrypted';
const text = new TextEncoder();

/** A payload encryption key and the id written beside what it encrypts. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** The id of the single key of PAYLOAD_ENCRYPTION_KEY and of the development key: what payloads carried before keys rotated. */
export const singleKeyId = 'primary';
const keyIdMetadata = 'encryption-key-id';

/**
 * Encrypts every payload Temporal stores (workflow inputs, activity arguments, update
 * arguments, results) with AES-256-GCM, so the apprentice's birth date and identity
 * numbers are not readable in Temporal's history or Web UI. The first key encrypts; every
 * key decrypts what carries its id, so a key can rotate while cases run for years.
 * Payloads written before encryption existed are read as they are.
 */
export class PayloadEncryption implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('At least one payload encryption key is needed');
    for (const { id, key } of keys) {
      if (key.length !== 32) throw new Error(`The payload encryption key "${id}" must be 32 bytes (base64 in PAYLOAD_ENCRYPTION_KEY or PAYLOAD_ENCRYPTION_KEYS)`);
    }
    this.current = keys[0]!;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      const sealed = Buffer.concat([cipher.update(PayloadMessage.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: text.encode(encryptedEncoding), [keyIdMetadata]: text.encode(this.current.id) },
        data: Buffer.concat([iv, cipher.getAuthTag(), sealed]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || new TextDecoder().decode(encoding) !== encryptedEncoding) return payload;
      const keyIdBytes = payload.metadata?.[keyIdMetadata];
      const keyId = keyIdBytes ? new TextDecoder().decode(keyIdBytes) : undefined;
      const key = keyId === undefined ? undefined : this.keys.get(keyId);
      if (!key) {
        throw new Error(`No payload encryption key with id "${keyId ?? '(none)'}": add it to PAYLOAD_ENCRYPTION_KEYS as an older key`);
      }
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const opened = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
      return PayloadMessage.decode(opened) as Payload;
    });
  }
}

/**
 * The data converter of the worker and of every client: the keys of
 * PAYLOAD_ENCRYPTION_KEYS, the key of PAYLOAD_ENCRYPTION_KEY, or in development one
 * kept in the data folder.
 */
export function encryptedDataConverter(options: { key?: string | undefined; keys?: PayloadKey[] | undefined; dataDir: string }): DataConverter {
  return { payloadCodecs: [new PayloadEncryption(options.keys ?? [{ id: singleKeyId, key: singleKey(options) }])] };
}

function singleKey(options: { key?: string | undefined; dataDir: string }): Buffer {
  if (options.key) return Buffer.from(options.key, 'base64');
  const keyFile = path.join(options.dataDir, 'payload-encryption-key');
  if (!existsSync(keyFile)) {
    mkdirSync(options.dataDir, { recursive: true });
    try {
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of the stack wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(keyFile, 'utf8'), 'base64');
}
