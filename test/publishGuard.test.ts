/**
 * `npm publish` from a laptop is refused, as n8n intends (community packages are published by
 * GitHub Actions with an npm provenance statement). Two guards, each run here against a registry
 * address where nothing listens, so a guard that let the publish through would show as a refused
 * connection, and nothing can reach a real registry:
 * - package.json `publishConfig.provenance`: npm makes a provenance statement only on a CI
 *   provider that signs one, and refuses anywhere else. It holds even though the repository's
 *   .npmrc sets ignore-scripts (installs need it; it also skips publish scripts);
 * - n8n's own guard, `n8n-node prerelease` as prepublishOnly: refuses unless `npm run release`
 *   (`n8n-node release`) set RELEASE_MODE — in effect wherever scripts run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
// A port nothing listens on: the discard port, never served on this machine's loopback.
const registry = 'http://127.0.0.1:9/';

// --fetch-retries=0: a refused connection is the answer, not something to retry for a minute.
function publish(args: string[], env: Record<string, string | undefined> = {}) {
	// npm leaves an empty tmp-<pid>-* folder behind in its TMPDIR: give it one that goes away.
	const tmp = mkdtempSync(join(tmpdir(), 'zb-publish-guard-'));
	const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, TMPDIR: tmp };
	// Not on a CI provider, whatever machine runs the tests.
	for (const key of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI']) delete childEnv[key];
	const result = spawnSync('npm', ['publish', `--registry=${registry}`, '--//127.0.0.1:9/:_authToken=not-a-token', '--fetch-retries=0', ...args], {
		cwd: root,
		env: childEnv,
		encoding: 'utf8',
		timeout: 50_000,
	});
	rmSync(tmp, { recursive: true, force: true });
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

it('a plain `npm publish` is refused before anything is sent: no provenance off CI', () => {
	const { status, output } = publish([]);
	expect(status).not.toBe(0);
	expect(output).toMatch(/provenance generation not supported/);
	expect(output).not.toMatch(/ECONNREFUSED/);
}, 60_000);

it('with scripts on, n8n\'s prerelease guard refuses first and says to run the release', () => {
	const { status, output } = publish(['--ignore-scripts=false']);
	expect(status).not.toBe(0);
	expect(output).toMatch(/Run `npm run release` to publish the package/);
	expect(output).not.toMatch(/ECONNREFUSED/);
}, 60_000);

it('the guards are what stop it: with provenance off and RELEASE_MODE set, npm goes on to the registry', () => {
	const { status, output } = publish(['--ignore-scripts=false', '--provenance=false'], { RELEASE_MODE: 'true' });
	expect(status).not.toBe(0);
	expect(output).toMatch(/ECONNREFUSED/);
}, 60_000);
