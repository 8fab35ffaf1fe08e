import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A personal link by which the apprentice or the legal representative signs one version of
  // the contract. Only the token's SHA-256 is kept: the token itself is in the mail alone.
  await db.schema
    .createTable('signing_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique().check(sql`token_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('contract_version', 'integer', (c) => c.notNull().check(sql`contract_version >= 1`))
    .addColumn('signer', 'text', (c) => c.notNull().check(sql`signer in ('apprentice', 'legal_representative')`))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    // A newer link for the same signer, or a new version of the contract, voids it.
    .addColumn('voided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('signing_links_case_signer').on('signing_links').columns(['case_id', 'contract_version', 'signer']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signing_links').execute();
}
