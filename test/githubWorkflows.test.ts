/**
 * The GitHub Actions workflows (CI on pull requests and main; publishing with an npm provenance
 * statement on a version tag) are valid workflow files, checked against GitHub's workflow schema
 * by action-validator (WebAssembly, offline), and publish the way n8n requires.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { validateWorkflow } from '@action-validator/core';

const dir = join(__dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

it('has a CI workflow and a publish workflow', () => {
	expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
});

it.each(files)('%s is a valid GitHub workflow', (file) => {
	expect(validateWorkflow(readFileSync(join(dir, file), 'utf8')).errors).toEqual([]);
});

it('the validator does catch a broken workflow (so a pass means something)', () => {
	expect(validateWorkflow('on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n').errors.length).toBeGreaterThan(0);
});

it('publishing: on a version tag, with the OIDC token, through n8n\'s release command (provenance, RELEASE_MODE)', () => {
	const publish = readFileSync(join(dir, 'publish.yml'), 'utf8');
	expect(publish).toMatch(/tags: \['v\*'\]/);
	expect(publish).toMatch(/id-token: write/);
	// `n8n-node release` lints, builds and publishes with NPM_CONFIG_PROVENANCE=true on GitHub
	// Actions; a bare `npm publish` would be refused by the package's own guards.
	expect(publish).toMatch(/run: npm run release/);
	expect(publish).not.toMatch(/run: npm publish/);
	for (const step of ['npm run scan', 'npm run test:unit']) expect(publish).toContain(step);
	const pkg = JSON.parse(readFileSync(join(dir, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	expect(pkg.scripts.release).toBe('n8n-node release');
	expect(pkg.scripts.lint).toBe('n8n-node lint');
});
