/** One field of the request that an amendment changed. */
export interface FieldChange {
  /** A JSON pointer into the request, such as `/tutor/name`. */
  field: string;
  before: unknown;
  after: unknown;
}

function leaves(value: unknown, pointer = ''): Map<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return new Map([[pointer, value]]);
  return new Map(Object.entries(value).flatMap(([key, child]) => [...leaves(child, `${pointer}/${key}`)]));
}

/** The fields that differ between two revisions of a request, in a stable order. */
export function requestChanges(before: object, after: object): FieldChange[] {
  const old = leaves(before);
  const next = leaves(after);
  const fields = [...new Set([...old.keys(), ...next.keys()])].sort();
  return fields
    .filter((field) => JSON.stringify(old.get(field)) !== JSON.stringify(next.get(field)))
    .map((field) => ({ field, before: old.get(field) ?? null, after: next.get(field) ?? null }));
}
