// `npm test`: every check the project has, in the order that fails fastest.
// The browser is looked for first, so a machine without one stops at once with one line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HOW_TO_GET_CHROMIUM, findChromium } from './browser.js';
import { missingTool } from './tools.js';

const started = Date.now();
let env = process.env;

function run(command, args, label = `${command} ${args.join(' ')}`) {
	const t = Date.now();
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.status !== 0) {
		console.error(`✖ ${label} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

const chromium = await findChromium();
if (!chromium) {
	console.error(HOW_TO_GET_CHROMIUM);
	process.exit(1);
}
env = { ...process.env, CHROMIUM_PATH: chromium };
const missing = missingTool();
if (missing) {
	console.error(missing);
	process.exit(1);
}

if (!existsSync('node_modules/.package-lock.json')) {
	run('npm', ['ci', '--no-audit', '--no-fund'], 'install dependencies (npm ci)');
}
run('npx', ['svelte-kit', 'sync'], 'svelte-kit sync');
run('npx', ['vitest', 'run'], 'unit tests (vitest)');
run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'], 'svelte-check');
run('npx', ['eslint', '.'], 'eslint');
run('npx', ['prettier', '--check', '.'], 'prettier');
run('npx', ['vite', 'build'], 'build (prerenders every page; fails on a broken link)');
run(
	'node',
	['scripts/content-scan.js'],
	'content scan of the built pages (forbidden text, phone links, figure styles)'
);
run('npx', ['html-validate', 'build'], 'html-validate (a11y preset) over the built pages');
// Packaged from the build above (no second build), then checked: manifests valid against the
// IMS/ADL schemas, every file listed. The browser tests launch these zips in a SCORM runtime.
run(
	'node',
	['scripts/package-scorm.js', '--no-build', '--check'],
	'SCORM 1.2 and 2004 packages of the build (dist/scorm), checked against the schemas'
);
run('npx', ['playwright', 'test'], 'browser tests (playwright, Chromium)');

console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
