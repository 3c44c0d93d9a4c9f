// `npm run benchmark`: figures, not pass/fail. Build time, JavaScript per page, the size of
// embed.js, and how many resize messages an embedded lesson sends while its host is resized.
// Needs a Chromium (see scripts/browser.js); builds the site itself.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { HOW_TO_GET_CHROMIUM, findChromium } from './browser.js';
import { serve } from './serve.js';

const executablePath = await findChromium();
if (!executablePath) {
	console.error(HOW_TO_GET_CHROMIUM);
	process.exit(1);
}

let t = Date.now();
const build = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(
	`build (vite build, prerendering every page): ${((Date.now() - t) / 1000).toFixed(1)} s`
);

const embed = readFileSync('build/embed.js');
console.log(
	`embed.js: ${statSync('build/embed.js').size} bytes, ${gzipSync(embed).length} bytes gzipped`
);

const server = await serve({ port: 4180 });
const site = server.url.replace(/\/$/, '');

const browser = await chromium.launch({ executablePath });
try {
	console.log('\nJavaScript loaded per page (first visit, uncompressed / gzipped):');
	for (const path of [
		'/',
		'/lessons/gaba/',
		'/lessons/rebound-anxiety/',
		'/help/',
		'/embed/gaba/'
	]) {
		const page = await browser.newPage();
		const files = [];
		page.on('response', async (response) => {
			if (response.url().endsWith('.js')) files.push(await response.body());
		});
		await page.goto(site + path, { waitUntil: 'networkidle' });
		const raw = files.reduce((n, b) => n + b.length, 0);
		const gz = files.reduce((n, b) => n + gzipSync(b).length, 0);
		console.log(
			`  ${path.padEnd(28)} ${String(files.length).padStart(3)} files  ${(raw / 1024).toFixed(1).padStart(6)} kB  ${(gz / 1024).toFixed(1).padStart(6)} kB`
		);
		await page.close();
	}

	// A host on another origin that resizes the frame's width every animation frame for 2 s.
	const host = createServer((_, res) => {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(`<!doctype html><html lang="en"><title>bench</title><body style="margin:0">
			<iframe id="f" src="${site}/embed/gaba/" title="Lesson" data-ub-embed style="width:100%;height:600px;border:0"></iframe>
			<script src="${site}/embed.js"></script>
			<script>window.count = 0; addEventListener('message', e => { if (e.data && e.data.type === 'resize') count++; });</script>`);
	}).listen(4181, '127.0.0.1');
	const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
	await page.goto('http://localhost:4181/');
	await page.frameLocator('#f').getByRole('button', { name: 'Check answers' }).waitFor();
	await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
	const result = await page.evaluate(
		() =>
			new Promise((resolve) => {
				const f = document.getElementById('f');
				const start = performance.now();
				const before = window.count;
				let frames = 0;
				const step = (now) => {
					frames++;
					const p = (now - start) / 2000;
					f.style.width = `${60 + 40 * Math.abs(Math.sin(p * Math.PI * 2))}%`;
					if (now - start < 2000) requestAnimationFrame(step);
					else setTimeout(() => resolve({ messages: window.count - before, frames }), 300);
				};
				requestAnimationFrame(step);
			})
	);
	const idleBefore = await page.evaluate(() => window.count);
	await page.evaluate(() => new Promise((r) => setTimeout(r, 2000)));
	const idle = (await page.evaluate(() => window.count)) - idleBefore;
	console.log(
		`\nresize messages while the host resizes the frame for 2 s (${result.frames} animation frames): ${result.messages} (${(result.messages / 2).toFixed(0)} per second)`
	);
	console.log(`resize messages in the 2 s after resizing stops (feedback loop check): ${idle}`);
	host.close();
} finally {
	await browser.close();
	await server.close();
}
