import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned CLI: later versions carry a `replace` directive that `go install` refuses. */
const cliModule = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(repositoryRoot, '.tools');

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/**
 * Finds the Temporal CLI (which contains the dev server): `temporal` on PATH, else the
 * copy built earlier into `.tools/`, else builds it there with Go.
 */
export function temporalCli(log: (line: string) => void = console.log): string {
  const installed = onPath('temporal');
  if (installed) return installed;
  const built = path.join(toolsDir, 'temporal');
  if (existsSync(built)) return built;
  if (!onPath('go')) {
    throw new Error(
      'The Temporal CLI was not found and Go is not installed to build it. Install the Temporal CLI ' +
        '(https://docs.temporal.io/cli) and put `temporal` on PATH, install Go and run again, ' +
        'or set TEMPORAL_ADDRESS to a running Temporal server.',
    );
  }
  log(`Building the Temporal CLI (${cliModule}) into .tools/, once; this takes a few minutes…`);
  execFileSync('go', ['install', cliModule], {
    env: { ...process.env, GOBIN: toolsDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return built;
}
