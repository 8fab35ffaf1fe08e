import type { SearchAttributeType } from '@temporalio/common';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import type { NativeConnection } from '@temporalio/worker';

/**
 * Registers the search attributes the workflows set, on any Temporal server (dev server,
 * test server, production) through its operator service. Only the missing ones are added,
 * and a concurrent registration by another worker counts as done.
 */
export async function registerSearchAttributes(connection: NativeConnection, namespace: string, keys: { name: string; type: SearchAttributeType }[]): Promise<void> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = keys.filter((key) => !customAttributes?.[key.name]);
  if (!missing.length) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!])),
    });
  } catch (error) {
    // gRPC ALREADY_EXISTS: another worker registered them first.
    if ((error as { code?: number }).code !== 6) throw error;
  }
}
