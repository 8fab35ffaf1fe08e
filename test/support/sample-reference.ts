import { sampleReferenceData } from '../../db/seeds/reference-data.js';
import { referenceTableNames, type ReferenceData } from '../../domain/reference-data.js';

/** The sample tables as the store returns them: newest first, each closed by the next. */
export function sampleReference(): ReferenceData {
  const data = Object.fromEntries(referenceTableNames.map((table) => [table, [] as unknown[]])) as any;
  for (const table of referenceTableNames) {
    const versions = sampleReferenceData.filter((v) => v.table === table).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    data[table] = versions
      .map((v, i) => ({ ...v, sample: true, validTo: versions[i + 1]?.validFrom ?? null }))
      .reverse();
  }
  return data as ReferenceData;
}
