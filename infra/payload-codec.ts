import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

// A CommonJS package: Node's ESM loader sees only its default export.
const { Payload: PayloadMessage } = proto.temporal.api.common.v1;
const encryptedEncoding = 'binary/encrypted';
const text = new TextEncoder();

/**
 * Encrypts every payload Temporal stores (workflow inputs, activity arguments, update
 * arguments, results) with AES-256-GCM, so the apprentice's birth date and identity
 * numbers are not readable in Temporal's history or Web UI. Payloads written before it
 * existed are read as they are.
 */
export class PayloadEncryption implements PayloadCodec {
  constructor(
    private readonly key: Buffer,
    private readonly keyId: string,
  ) {
    if (key.length !== 32) throw new Error('The payload encryption key must be 32 bytes (base64 in PAYLOAD_ENCRYPTION_KEY)');
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', this.key, iv);
      const sealed = Buffer.concat([cipher.update(PayloadMessage.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: text.encode(encryptedEncoding), 'encryption-key-id': text.encode(this.keyId) },
        data: Buffer.concat([iv, cipher.getAuthTag(), sealed]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || new TextDecoder().decode(encoding) !== encryptedEncoding) return payload;
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const opened = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
      return PayloadMessage.decode(opened) as Payload;
    });
  }
}

/**
 * The data converter of the worker and of every client: the key from
 * PAYLOAD_ENCRYPTION_KEY, or in development one kept in the data folder.
 */
export function encryptedDataConverter(options: { key?: string | undefined; dataDir: string }): DataConverter {
  let key: Buffer;
  if (options.key) {
    key = Buffer.from(options.key, 'base64');
  } else {
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
    key = Buffer.from(readFileSync(keyFile, 'utf8'), 'base64');
  }
  return { payloadCodecs: [new PayloadEncryption(key, 'primary')] };
}
