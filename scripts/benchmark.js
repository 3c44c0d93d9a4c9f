// `npm run benchmark`: figures, not pass/fail. What a learner's browser downloads, how that grows
// with the course, how fast a check answers on a slow phone, and whether builds are repeatable.
//
// 1. Builds the site twice: build time, output size, and whether the rebuild is byte-identical.
// 2. Makes a 100-lesson course from the four lessons (each copy's titles, summaries and question
//    ids varied, so compression does not flatter it) in a temporary copy of the project, builds it.
// 3. Per route, the bytes a first visit loads (HTML, JS, CSS, data), for 4 and for 100 lessons.
// 4. The largest JavaScript files, embed.js, and resize messages while a host resizes a frame.
// 5. "Check answers" to result on screen, and the first answer choice, at 4x CPU throttling; and
//    what the first scroll of a first visit costs, now that the app starts then.
// 6. Lighthouse (mobile) scores, from a separate install that `npm ci` never pays for:
//    npm install --prefix .benchmark/lighthouse lighthouse@12.8.2 (three runs a page, the median)
//
// Needs a Chromium (see scripts/browser.js). Takes about ten minutes with Lighthouse.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { HOW_TO_GET_CHROMIUM, findChromium } from './browser.js';
import { serve } from './serve.js';

const executablePath = await findChromium();
if (!executablePath) {
	console.error(HOW_TO_GET_CHROMIUM);
	process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** Every file under `dir`, relative path → content hash. */
function fingerprint(dir) {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((p) => statSync(join(dir, p)).isFile())
		.sort();
	return new Map(
		files.map((p) => [
			p,
			createHash('sha256')
				.update(readFileSync(join(dir, p)))
				.digest('hex')
		])
	);
}

const folderSize = (dir) => {
	let total = 0;
	for (const p of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const s = statSync(join(dir, p));
		if (s.isFile()) total += s.size;
	}
	return total;
};

function build(cwd) {
	const t = Date.now();
	const sync = spawnSync('npx', ['svelte-kit', 'sync'], { cwd, encoding: 'utf8' });
	const result = spawnSync('npx', ['vite', 'build'], { cwd, encoding: 'utf8' });
	if (sync.status !== 0 || result.status !== 0) {
		console.error(`${sync.stdout}${sync.stderr}${result.stdout}${result.stderr}`);
		throw new Error(`build failed in ${cwd}`);
	}
	return (Date.now() - t) / 1000;
}

// --- 1. builds, repeatable --------------------------------------------------------------------

const first = build('.');
const before = fingerprint('build');
const second = build('.');
const after = fingerprint('build');
const changed = [...after].filter(([p, h]) => before.get(p) !== h).map(([p]) => p);
console.log(`build (4 lessons): ${first.toFixed(1)} s, again ${second.toFixed(1)} s`);
console.log(
	`rebuild of unchanged source: ${changed.length === 0 && before.size === after.size ? 'byte-identical' : `${changed.length} files differ: ${changed.slice(0, 5).join(', ')}`} (${after.size} files)`
);

// --- 2. a 100-lesson course --------------------------------------------------------------------

const words = (
	'amber basil cedar delta ember fjord garnet harbor indigo juniper kestrel lagoon meadow ' +
	'nectar orchid pebble quartz raven saffron thistle umber violet willow yarrow zephyr'
).split(' ');
const big = mkdtempSync(join(tmpdir(), 'ub-benchmark-'));
cpSync('.', big, {
	recursive: true,
	filter: (src) =>
		!/(^|\/)(node_modules|build|\.svelte-kit|\.git|test-results|\.benchmark)$/.test(src)
});
symlinkSync(resolve('node_modules'), join(big, 'node_modules'));
const templates = readdirSync('src/lessons')
	.filter((d) => /^\d+-/.test(d))
	.sort();
rmSync(join(big, 'src/lessons'), { recursive: true });
let n = 0;
for (let copy = 1; copy <= 25; copy++) {
	for (const dir of templates) {
		n++;
		const slug = `${dir.replace(/^\d+-/, '')}-${copy}`;
		const target = join(big, 'src/lessons', `${String(n * 10).padStart(4, '0')}-${slug}`);
		cpSync(join('src/lessons', dir), target, { recursive: true });
		const tag = `${words[(n * 7) % words.length]} ${words[(n * 13) % words.length]} ${n}`;
		const lesson = join(target, 'lesson.md');
		writeFileSync(
			lesson,
			readFileSync(lesson, 'utf8')
				.replace(/^title: (.*)$/m, `title: $1 (${tag})`)
				.replace(/^summary: (.*)$/m, `summary: $1 Copy ${n}, ${tag}.`)
		);
		const check = join(target, 'check.yaml');
		writeFileSync(
			check,
			readFileSync(check, 'utf8').replace(/^(\s*- id: )([a-z0-9-]+)$/gm, `$1$2-${copy}`)
		);
		const notes = join(target, 'facilitator.yaml');
		if (existsSync(notes)) {
			writeFileSync(
				notes,
				readFileSync(notes, 'utf8').replace(/^(\s*- question: )([a-z0-9-]+)$/gm, `$1$2-${copy}`)
			);
		}
	}
}
const bigTime = build(big);
const bigBuild = join(big, 'build');
console.log(`build (100 lessons): ${bigTime.toFixed(1)} s`);
const smallSize = folderSize('build');
const bigSize = folderSize(bigBuild);
console.log(
	`output: ${kb(smallSize)} for 4 lessons (${kb(smallSize / 4)} a lesson), ${kb(bigSize)} for 100 (${kb(bigSize / 100)} a lesson)`
);

// --- 3. bytes per route --------------------------------------------------------------------------

const browser = await chromium.launch({ executablePath });
const small = await serve({ port: 4180 });
const large = await serve({ dir: bigBuild, port: 4182 });

/**
 * The learner scrolls to a lesson's questions, which loads the course engine (firstUse.ts); the
 * check opens, and its result parts arrive (checkParts.ts) long before a first answer.
 */
async function toTheQuestions(page) {
	await page.locator('#check-title').scrollIntoViewIfNeeded();
	await page.getByRole('button', { name: 'Check answers' }).waitFor();
	await page.waitForLoadState('networkidle');
}

/**
 * What a first visit to `url` loads, by kind: [raw, gzipped, files]. With `use`, the learner then
 * scrolls to the questions, and what that loads counts too (a first visit to a lesson loads the
 * course engine on first use: src/lib/course/firstUse.ts).
 */
async function visit(url, { use = false } = {}) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const kinds = { html: [0, 0, 0], js: [0, 0, 0], css: [0, 0, 0], data: [0, 0, 0] };
	const pending = [];
	page.on('response', (response) => {
		pending.push(
			(async () => {
				const type = response.request().resourceType();
				const kind =
					type === 'document'
						? 'html'
						: type === 'script'
							? 'js'
							: type === 'stylesheet'
								? 'css'
								: type === 'fetch' || type === 'xhr'
									? 'data'
									: null;
				if (!kind) return;
				const body = await response.body().catch(() => Buffer.alloc(0));
				kinds[kind][0] += body.length;
				kinds[kind][1] += gz(body);
				kinds[kind][2]++;
			})()
		);
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	if (use) await toTheQuestions(page);
	await Promise.all(pending);
	// CSS inlined into the page counts as CSS, not as HTML.
	const inline = await page.evaluate(() =>
		[...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('')
	);
	kinds.css[0] += inline.length;
	kinds.css[1] += gz(Buffer.from(inline));
	await context.close();
	return kinds;
}

const bigLessons = readdirSync(join(big, 'src/lessons')).sort();
const routes = [
	['home', '/', '/'],
	[
		'first lesson',
		`/lessons/${templates[0].replace(/^\d+-/, '')}/`,
		`/lessons/${bigLessons[0].replace(/^\d+-/, '')}/`
	],
	[
		'+ first use',
		`/lessons/${templates[0].replace(/^\d+-/, '')}/`,
		`/lessons/${bigLessons[0].replace(/^\d+-/, '')}/`,
		{ use: true }
	],
	[
		'last lesson',
		`/lessons/${templates.at(-1).replace(/^\d+-/, '')}/`,
		`/lessons/${bigLessons.at(-1).replace(/^\d+-/, '')}/`
	],
	[
		'embedded lesson',
		`/embed/${templates[0].replace(/^\d+-/, '')}/`,
		`/embed/${bigLessons[0].replace(/^\d+-/, '')}/`
	],
	['course summary', '/complete/', '/complete/'],
	['glossary', '/glossary/', '/glossary/'],
	['references', '/references/', '/references/'],
	['help', '/help/', '/help/']
];
console.log('\nA first visit, gzipped (raw in brackets); "JS+CSS" counts inlined CSS too:');
console.log(
	`${'route'.padEnd(16)}${'4 lessons: JS+CSS'.padStart(19)}${'HTML'.padStart(9)}${'data'.padStart(8)}${'total'.padStart(10)}   ${'100 lessons: total'.padStart(19)}${'ratio'.padStart(8)}`
);
for (const [name, smallPath, bigPath, options] of routes) {
	const a = await visit(small.url.replace(/\/$/, '') + smallPath, options);
	const b = await visit(large.url.replace(/\/$/, '') + bigPath, options);
	const total = (k) => k.html[1] + k.js[1] + k.css[1] + k.data[1];
	const rawTotal = (k) => k.html[0] + k.js[0] + k.css[0] + k.data[0];
	console.log(
		`${name.padEnd(16)}${kb(a.js[1] + a.css[1]).padStart(11)} (${a.js[2]} JS)${kb(a.html[1]).padStart(9)}${kb(a.data[1]).padStart(8)}${kb(total(a)).padStart(10)}   ${kb(total(b)).padStart(19)}${(total(b) / total(a)).toFixed(2).padStart(7)}x   (raw ${kb(rawTotal(a))} → ${kb(rawTotal(b))})`
	);
}

// --- 4. the largest JavaScript files, embed.js, resize messages ------------------------------------

const chunks = readdirSync('build/_app/immutable', { recursive: true, encoding: 'utf8' })
	.filter((p) => p.endsWith('.js'))
	.map((p) => {
		const body = readFileSync(join('build/_app/immutable', p));
		return { p, raw: body.length, gz: gz(body) };
	})
	.sort((x, y) => y.gz - x.gz)
	.slice(0, 6);
console.log('\nLargest JavaScript files (gzipped, raw):');
for (const c of chunks) console.log(`  ${kb(c.gz).padStart(9)} ${kb(c.raw).padStart(9)}  ${c.p}`);
const embed = readFileSync('build/embed.js');
console.log(`embed.js: ${kb(embed.length)}, ${kb(gz(embed))} gzipped`);

const site = small.url.replace(/\/$/, '');
const host = createServer((_, res) => {
	res.writeHead(200, { 'content-type': 'text/html' });
	res.end(`<!doctype html><html lang="en"><title>bench</title><body style="margin:0">
		<iframe id="f" src="${site}/embed/${templates[0].replace(/^\d+-/, '')}/" title="Lesson" data-ub-embed style="width:100%;height:600px;border:0"></iframe>
		<script src="${site}/embed.js"></script>
		<script>window.count = 0; addEventListener('message', e => { if (e.data && e.data.type === 'resize') count++; });</script>`);
}).listen(4181, '127.0.0.1');
{
	const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
	const page = await context.newPage();
	await page.goto('http://localhost:4181/');
	await page.frameLocator('#f').getByRole('button', { name: 'Check answers' }).waitFor();
	const result = await page.evaluate(
		() =>
			new Promise((done) => {
				const f = document.getElementById('f');
				const start = performance.now();
				const before = window.count;
				let frames = 0;
				const step = (now) => {
					frames++;
					f.style.width = `${60 + 40 * Math.abs(Math.sin(((now - start) / 2000) * Math.PI * 2))}%`;
					if (now - start < 2000) requestAnimationFrame(step);
					else setTimeout(() => done({ messages: window.count - before, frames }), 300);
				};
				requestAnimationFrame(step);
			})
	);
	console.log(
		`resize messages while a host resizes the frame for 2 s (${result.frames} frames): ${result.messages}`
	);
	await context.close();
}
host.close();

// --- 5. how fast a check answers on a slow phone -------------------------------------------------

/**
 * Milliseconds from the input event to the frame after the page shows each of `until` (one
 * selector, or several: the result, then the review drawn a frame later).
 */
async function latency(page, selector, until) {
	const times = await page.evaluate(
		([selector, untils]) =>
			new Promise((done) => {
				const target = document.querySelector(selector);
				target.addEventListener(
					'click',
					(event) => {
						const start = event.timeStamp;
						const times = [];
						let next = 0;
						const finish = (i) =>
							requestAnimationFrame(() =>
								setTimeout(() => {
									times[i] = performance.now() - start;
									if (times.filter((t) => t !== undefined).length === untils.length) done(times);
								})
							);
						const look = () => {
							while (next < untils.length && document.querySelector(untils[next])) finish(next++);
							return next === untils.length;
						};
						if (look()) return;
						new MutationObserver((_, observer) => {
							if (look()) observer.disconnect();
						}).observe(document.body, { childList: true, subtree: true, attributes: true });
					},
					{ capture: true, once: true }
				);
				target.click();
			}),
		[selector, [until].flat()]
	);
	return Array.isArray(until) ? times : times[0];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
{
	const checks = [];
	const reviews = [];
	const choices = [];
	const lessonUrl = `${site}/lessons/${templates[0].replace(/^\d+-/, '')}/`;
	for (let run = 0; run < 5; run++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(lessonUrl);
		await toTheQuestions(page);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		choices.push(await latency(page, 'fieldset input', 'fieldset input:checked'));
		// Every question answered (its first option), then the check.
		await page.evaluate(() =>
			document.querySelectorAll('fieldset').forEach((f) => f.querySelector('input')?.click())
		);
		const [result, review] = await latency(page, 'form button[type="submit"]', [
			'[data-testid="check-result"]',
			'[data-testid="check-review"]'
		]);
		checks.push(result);
		reviews.push(review);
		await context.close();
	}
	console.log(
		`\nAt 4x CPU throttling (median of 5): first answer choice ${median(choices).toFixed(0)} ms, "Check answers" to result ${median(checks).toFixed(0)} ms (all: ${checks.map((c) => c.toFixed(0)).join(', ')}), to the question-by-question review below it ${median(reviews).toFixed(0)} ms`
	);
}
// A first visit's app starts on the learner's first use (src/lib/server/paintFirst.ts): what that
// first scroll costs the main thread, at 4x, from the scroll until the app runs (long tasks only).
{
	const longest = [];
	const totals = [];
	const lessonUrl = `${site}/lessons/${templates[0].replace(/^\d+-/, '')}/`;
	for (let run = 0; run < 5; run++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.addInitScript(() => {
			const tasks = (window.__longTasks = []);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push(entry.duration);
			}).observe({ type: 'longtask' });
		});
		await page.goto(lessonUrl, { waitUntil: 'networkidle' });
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		const before = await page.evaluate(() => window.__longTasks.length);
		await page.mouse.wheel(0, 300);
		await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
		await page.waitForTimeout(1000);
		const tasks = await page.evaluate((n) => window.__longTasks.slice(n), before);
		longest.push(Math.max(0, ...tasks));
		totals.push(tasks.reduce((sum, t) => sum + t, 0));
		await context.close();
	}
	console.log(
		`A first visit's first scroll starts the app (4x, median of 5): longest task ${median(longest).toFixed(0)} ms, long tasks ${median(totals).toFixed(0)} ms in all (Lighthouse measures the page before it)`
	);
}
await browser.close();

// --- 6. Lighthouse -------------------------------------------------------------------------------------

const run = promisify(execFile);
const lighthouse = resolve('.benchmark/lighthouse/node_modules/lighthouse/cli/index.js');
if (!existsSync(lighthouse)) {
	console.log(
		'\nLighthouse: skipped (not installed). To include it: npm install --prefix .benchmark/lighthouse lighthouse@12.8.2'
	);
} else {
	// Lighthouse's own advice on variability: run several times and take the median. On this
	// 2-core machine one run's total blocking time ranges over a factor of three.
	const RUNS = 3;
	console.log(
		`\nLighthouse (mobile, median of ${RUNS} runs by performance): performance, accessibility, best practices, SEO`
	);
	const out = join(big, 'lighthouse.json');
	for (const [name, path] of routes.filter(([name]) =>
		['home', 'first lesson', 'glossary', 'embedded lesson'].includes(name)
	)) {
		const runs = [];
		let failure = '';
		for (let i = 0; i < RUNS; i++) {
			// Asynchronously: the site is served from this very process, so a blocking spawn would
			// stall the server and leave Lighthouse waiting for pages that never come. One retry: on a
			// busy machine Chromium's first connection now and then drops, which says nothing of the page.
			failure = '';
			for (let attempt = 0; attempt < 2; attempt++) {
				try {
					await run(
						process.execPath,
						[
							lighthouse,
							site + path,
							'--quiet',
							'--output=json',
							`--output-path=${out}`,
							'--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage'
						],
						{ env: { ...process.env, CHROME_PATH: executablePath }, timeout: 180_000 }
					);
					failure = '';
					break;
				} catch (error) {
					const why = String(error.stderr ?? error.message)
						.split('\n')
						.filter((l) => l.trim());
					failure = why.at(-1) ?? 'no message';
				}
			}
			if (failure) break;
			const { categories, audits } = JSON.parse(readFileSync(out, 'utf8'));
			const score = (c) => Math.round((categories[c]?.score ?? 0) * 100);
			runs.push({
				scores: ['performance', 'accessibility', 'best-practices', 'seo'].map(score),
				tbt: audits['total-blocking-time'].numericValue,
				fcp: audits['first-contentful-paint'].numericValue,
				lcp: audits['largest-contentful-paint'].numericValue
			});
		}
		if (failure) {
			console.log(`  ${name}: failed (${failure})`);
			continue;
		}
		const sorted = [...runs].sort((x, y) => x.scores[0] - y.scores[0]);
		const mid = sorted[Math.floor(sorted.length / 2)];
		console.log(
			`  ${name.padEnd(16)} ${mid.scores.join(' ')}   (performance ${runs.map((r) => r.scores[0]).join(', ')}; ` +
				`median run: FCP ${(mid.fcp / 1000).toFixed(1)} s, LCP ${(mid.lcp / 1000).toFixed(1)} s, TBT ${mid.tbt.toFixed(0)} ms)`
		);
	}
}

await small.close();
await large.close();
rmSync(big, { recursive: true, force: true });
