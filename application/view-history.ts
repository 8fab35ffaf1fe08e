import { caseHistory } from '../db/case-history.js';
import type { Caller } from '../domain/caller.js';
import { changesFor } from '../domain/personal-data.js';
import type { FieldChange } from '../domain/request-changes.js';
import type { HistoryEvent } from '../api/responses.js';
import { notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { visibleCase } from './view-case.js';

/** Everything that happened in a case, in its order; amended personal data as the caller may see it. */
export async function viewHistory(services: Services, caller: Caller, caseId: string): Promise<Outcome<{ items: HistoryEvent[] }>> {
  const row = await visibleCase(services, caller, caseId);
  if (!row) return notFound('case');
  const events = await caseHistory(services.db, row.id);
  return ok({
    items: events.map((event) => {
      const data = event.data as Record<string, unknown>;
      return {
        at: event.occurred_at.toISOString(),
        type: event.type,
        user: event.actor_user_id ? { id: event.actor_user_id, name: event.user_name } : null,
        organisation: event.actor_organisation_id ? { id: event.actor_organisation_id, name: event.organisation_name } : null,
        data: Array.isArray(data.changes) ? { ...data, changes: changesFor(data.changes as FieldChange[], row.party) } : data,
      };
    }),
  });
}
