import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Participants } from '../domain/parties.js';
import type { Config } from '../infra/config.js';
import { invalidRequest, type FieldProblem } from './problem.js';

/**
 * Finds who answers a request: ADEM, the chamber competent for the trade, the named
 * foreign school and the ministry. Every unknown reference is reported at once.
 */
export async function routeCase(
  db: Kysely<Database>,
  config: Config,
  employerOrganisationId: string,
  request: CaseRequest,
): Promise<Partial<Participants>> {
  const [trade, school] = await Promise.all([
    db.selectFrom('trades').select('chamber_organisation_id').where('code', '=', request.tradeCode).executeTakeFirst(),
    db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', request.foreignSchool.organisationId)
      .where('kind', '=', 'foreign_school')
      .executeTakeFirst(),
  ]);
  const problems: FieldProblem[] = [];
  if (!trade) problems.push({ pointer: '#/tradeCode', detail: `There is no trade with the code ${request.tradeCode}` });
  if (!school) problems.push({ pointer: '#/foreignSchool/organisationId', detail: 'There is no foreign school with this id' });
  if (problems.length || !trade || !school) throw invalidRequest(problems);
  return {
    employer: employerOrganisationId,
    adem: config.ADEM_ORGANISATION_ID,
    ...(trade.chamber_organisation_id ? { chamber: trade.chamber_organisation_id } : {}),
    foreign_school: school.id,
    ministry: config.MINISTRY_ORGANISATION_ID,
  };
}
