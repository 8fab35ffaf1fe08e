/**
 * Where the bytes of attached files are kept, each once, by their SHA-256 (hex). PostgreSQL
 * keeps them by default (db/document-store.ts); an object store can take its place.
 */
export interface DocumentStore {
  /** Keeps the bytes, unless the same bytes are kept already; answers their SHA-256. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
}
