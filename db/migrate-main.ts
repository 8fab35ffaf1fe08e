import { loadConfig } from '../infra/config.js';
import { createDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
if (!config.DATABASE_URL) throw new Error('DATABASE_URL must be set to run the migrations on their own');
const db = createDatabase(config.DATABASE_URL, 1);
await migrateToLatest(db);
await db.destroy();
console.log('Migrations are up to date.');
