import { publishReferenceVersion as publish, VersionConflict, type PublishedVersion } from '../db/reference-store.js';
import type { Caller } from '../domain/caller.js';
import type { ReferenceTableName, ReferenceVersion } from '../domain/reference-data.js';
import { mayPublishReference } from './access.js';
import { reviewAllowancesFor } from './allowance-review.js';
import { conflict, forbidden, invalid, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

export type PublishReferenceVersion = Omit<ReferenceVersion, 'validTo'>;

/** Rows that would make a lookup ambiguous: two trades with one code, two agreements with one code, two fees for one country. */
const keyOf: Partial<Record<ReferenceTableName, (row: any) => string>> = {
  trades: (row) => row.code,
  agreements: (row) => row.code,
  'recognition-fees': (row) => row.country,
};

/** The ministry publishes a new version of a reference table; the version before it is closed, never edited. */
export async function publishReferenceVersion({ db, config, temporal }: Services, caller: Caller, command: PublishReferenceVersion): Promise<Outcome<PublishedVersion>> {
  if (!mayPublishReference(caller, config)) return forbidden('Only the ministry publishes reference data');
  const key = keyOf[command.table];
  if (key) {
    const keys = command.rows.map(key);
    const duplicate = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (duplicate >= 0) return invalid([{ path: ['rows', duplicate], detail: `${keys[duplicate]} appears twice` }], 'Two rows have the same key');
  }
  try {
    const published = await publish(db, { ...command, publishedBy: caller.userId });
    // A new minimum allowance: every running contract is reviewed at once, not on its next read.
    await reviewAllowancesFor(temporal, config, published);
    return ok(published);
  } catch (error) {
    if (error instanceof VersionConflict) return conflict('Version conflict', error.message);
    throw error;
  }
}
