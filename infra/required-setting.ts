import type { Config } from './config.js';

type ServiceSetting = 'DATABASE_URL' | 'TEMPORAL_ADDRESS' | 'SMTP_URL';

/** A service address the process cannot run without (the dev stack fills these in). */
export function requireSetting(config: Config, name: ServiceSetting): string {
  const value = config[name];
  if (!value) throw new Error(`${name} must be set (or run \`npm start\`, which starts every service itself)`);
  return value;
}
