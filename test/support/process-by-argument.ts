import { readdirSync, readFileSync } from 'node:fs';

/** The pid of the one process whose command line holds `argument` (Linux's /proc), to kill it without its owner's help. */
export function pidWithArgument(argument: string): number {
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(argument);
      } catch {
        return false;
      }
    });
  if (pids.length !== 1) throw new Error(`${pids.length} processes with ${argument}`);
  return Number(pids[0]);
}
