import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Employers besides the demo ones: cases spread over many, a few with most of them. */
const extraEmployers = 500;

/**
 * Fills a migrated, seeded database straight with SQL: `scale` cases over three years, five
 * tasks and eight events each. Most cases are in training or done; the open tasks (about one
 * in ten) are those of the cases still in review, awaiting a decision or signatures. Steps a
 * case has not reached are stored as cancelled tasks, so every case has five.
 */
export async function fillReadDatabase(pool: Kysely<Database>, scale: number): Promise<void> {
  // One connection, its random() seeded: the same data at each run, whatever the scale.
  await pool.connection().execute((db) => fill(db, scale));
}

async function fill(db: Kysely<Database>, scale: number): Promise<void> {
  await sql`select setseed(0.2026)`.execute(db);
  await sql`
    insert into organisations (id, kind, name, email, language, country)
    select 'bench-employer-' || g, 'employer', 'Bench employer ' || g, 'hr' || g || '@employer.example.lu', 'fr', 'LU'
    from generate_series(1, ${extraEmployers}) g`.execute(db);
  await sql`
    insert into users (id, organisation_id, name, email, language)
    select 'bench.user.' || g, 'bench-employer-' || g, 'Bench user ' || g, 'user' || g || '@employer.example.lu', 'fr'
    from generate_series(1, ${extraEmployers}) g`.execute(db);

  await sql`
    insert into cases (id, workflow_id, employer_organisation_id, submitted_by, trade_code, status, waiting_on, request, participants, revision, submitted_at, updated_at, decided_at)
    select id, 'case-' || id, employer, employer_user, trade, status,
      case status when 'in_review' then array['adem', 'chamber', 'school'] when 'awaiting_decision' then array['ministry'] when 'awaiting_signatures' then array['employer'] else array[]::text[] end,
      jsonb_build_object(
        'apprentice', jsonb_build_object('givenName', 'Given' || n, 'familyName', 'Family' || n, 'birthDate', '2009-04-02', 'residenceCountry', (array['FR', 'DE', 'BE'])[1 + n % 3], 'email', 'apprentice' || n || '@example.fr'),
        'tradeCode', trade,
        'foreignSchool', jsonb_build_object('organisationId', school, 'programme', 'Programme'),
        'tutor', jsonb_build_object('name', 'Tutor'),
        'startDate', to_char(submitted_at + interval '4 months', 'YYYY-MM-DD'),
        'durationMonths', 36,
        'weeklyRhythm', jsonb_build_object('schoolDays', 2, 'companyDays', 3),
        'proposedMonthlyAllowanceCents', 160000),
      jsonb_build_object('adem', 'adem', 'chamber', chamber, 'school', school, 'ministry', 'menje-fp', 'employer', employer),
      1, submitted_at, submitted_at + interval '20 days',
      case when status in ('in_review', 'awaiting_decision', 'withdrawn') then null else submitted_at + interval '18 days' end
    from (
      select n, gen_random_uuid() as id,
        (array['DAP-BOULANGER', 'DAP-ELECTRICIEN', 'DAP-LOGISTICIEN', 'CCP-CUISINIER', 'CCP-VENDEUR', 'DAP-AGRICULTEUR'])[1 + (n * 7) % 6] as trade,
        now() - random() * interval '3 years' as submitted_at,
        case when r < 0.04 then 'in_review' when r < 0.07 then 'awaiting_decision' when r < 0.09 then 'awaiting_signatures'
             when r < 0.11 then 'awaiting_registration' when r < 0.60 then 'in_training' when r < 0.85 then 'completed'
             when r < 0.93 then 'refused' when r < 0.97 then 'terminated' else 'withdrawn' end as status,
        case when e < 3 then (array['boulangerie-schmit', 'elektro-weber', 'ferme-hoffmann'])[e + 1] else 'bench-employer-' || (e - 2) end as employer,
        case when e < 3 then (array['anne.schmit', 'tom.weber', 'jean.hoffmann'])[e + 1] else 'bench.user.' || (e - 2) end as employer_user,
        case when s < 0.45 then 'lycee-thionville' when s < 0.80 then 'bbs-trier' else 'ipea-arlon' end as school,
        case when c < 0.60 then 'chambre-des-metiers' when c < 0.95 then 'chambre-de-commerce' else 'chambre-agriculture' end as chamber
      from (
        select n, random() as r, random() as s, random() as c, floor(power(random(), 3) * ${extraEmployers + 3})::int as e
        from generate_series(1, ${scale}) n
      ) draws
    ) generated`.execute(db);

  // Steps: 1-3 the opinions and the enrolment, 4 the decision, 5 the employer's signature.
  await sql`
    insert into tasks (id, case_id, kind, party, organisation_id, status, outcome, completed_by, created_at, completed_at, due_on, assignee_user_id)
    select gen_random_uuid()::text, id, kind, party, organisation_id, status,
      case when status = 'completed' then 'favourable' end,
      case when status = 'completed' then user_id end,
      created_at, case when status = 'completed' then created_at + interval '3 days' end,
      (created_at + interval '14 days')::date,
      case when status = 'open' and organisation_id = 'adem' then (array['marie.adem', 'luc.adem', 'nina.adem', null])[1 + floor(random() * 4)::int] end
    from (
      select cases.id, step,
        (array['opinion', 'opinion', 'enrolment', 'decision', 'signature'])[step] as kind,
        (array['adem', 'chamber', 'school', 'ministry', 'employer'])[step] as party,
        (array['adem', cases.participants ->> 'chamber', cases.participants ->> 'school', 'menje-fp', cases.employer_organisation_id])[step] as organisation_id,
        (array['marie.adem', null, null, 'paul.menje', cases.submitted_by])[step] as user_id,
        cases.submitted_at + (step * interval '2 days') as created_at,
        case
          when cases.status = 'in_review' then case when step <= 3 then (array['open', 'completed'])[1 + floor(random() * 2)::int] else 'cancelled' end
          when cases.status = 'awaiting_decision' then case when step <= 3 then 'completed' when step = 4 then 'open' else 'cancelled' end
          when cases.status = 'awaiting_signatures' then case when step = 5 then 'open' else 'completed' end
          when cases.status in ('withdrawn', 'refused') then case when step <= 4 then 'completed' else 'cancelled' end
          else 'completed'
        end as status
      from cases cross join generate_series(1, 5) step
    ) steps`.execute(db);

  await sql`
    insert into events (key, case_id, sequence, occurred_at, actor_user_id, actor_organisation_id, type, data)
    select cases.id || '.' || step, cases.id, step, cases.submitted_at + (step * interval '1 day'),
      case when step = 1 then cases.submitted_by end, case when step = 1 then cases.employer_organisation_id end,
      (array['case_submitted', 'task_opened', 'task_opened', 'task_opened', 'task_completed', 'task_completed', 'task_completed', 'case_authorised'])[step],
      '{}'::jsonb
    from cases cross join generate_series(1, 8) step`.execute(db);

  await sql`analyze`.execute(db);
}
