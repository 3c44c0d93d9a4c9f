// `npm start`: install what is missing, build, serve, print the address. Quiet when all is well:
// the build's own output is shown only if it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 4173);

/** Runs a step; its output is kept back unless it fails. */
function step(label, command, args) {
	process.stdout.write(`▶ ${label}… `);
	const t = Date.now();
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.status !== 0) {
		console.log('failed.\n');
		console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`);
		console.error(`✖ ${label} failed: see the messages above.`);
		process.exit(result.status ?? 1);
	}
	console.log(`done (${((Date.now() - t) / 1000).toFixed(0)} s)`);
}

const installed = existsSync('node_modules/.package-lock.json');
const stale =
	installed &&
	statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (!installed || stale) step('Installing dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
step('Building the site', 'npx', ['vite', 'build']);

try {
	const { url } = await serve({ port });
	console.log(`\n  The course is running at ${url}\n  Press Ctrl+C to stop.\n`);
} catch (error) {
	const inUse = /** @type {{ code?: string }} */ (error).code === 'EADDRINUSE';
	console.error(
		inUse
			? `✖ Port ${port} is in use. Stop what runs there, or choose another: PORT=4180 npm start`
			: `✖ Could not serve the site: ${error}`
	);
	process.exit(1);
}
