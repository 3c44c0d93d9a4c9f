// `npm start`: install what is missing, build, serve, print the address.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { startPreview } from './preview.js';

const port = Number(process.env.PORT ?? 4173);

function step(label, command, args) {
	console.log(`▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`✖ ${label} failed. See the messages above.`);
		process.exit(result.status ?? 1);
	}
}

const installed = existsSync('node_modules/.package-lock.json');
const stale =
	installed &&
	statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (!installed || stale)
	step('Installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
step('Building the site', 'npx', ['vite', 'build']);

console.log('▶ Serving the built site');
const server = startPreview(port, ['ignore', 'pipe', 'inherit']);
server.stdout.on('data', (chunk) => {
	if (/Local:/.test(String(chunk))) {
		console.log(
			`\n  The course is running at http://127.0.0.1:${port}/\n  Press Ctrl+C to stop.\n`
		);
	}
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
