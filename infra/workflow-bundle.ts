import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bundlerEntry = fileURLToPath(new URL('./workflow-bundle-main.ts', import.meta.url));

/**
 * Runs `use` with the workflow code bundled by a child process (webpack and SWC:
 * infra/workflow-bundle-main.ts) into a temporary file, removed once `use` has settled (the
 * worker reads the bundle when it is created). Bundled in the worker's own process, what the
 * bundler left behind, about 150 MB of heap and native memory, stayed there for as long as the
 * worker ran. The child runs as this process does: the same Node, flags and loaders
 * (`--inspect` aside: its port is taken).
 */
export async function withWorkflowBundleApart<T>(use: (bundle: { codePath: string }) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(path.join(tmpdir(), 'workflow-bundle-'));
  try {
    const codePath = path.join(folder, 'workflows.js');
    const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
    const child = spawn(process.execPath, [...execArgv, bundlerEntry, codePath], { stdio: ['ignore', 'inherit', 'inherit'] });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    if (code !== 0) throw new Error(`bundling the workflow code failed: the bundler exited with ${signal ?? `status ${code}`}`);
    return await use({ codePath });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
