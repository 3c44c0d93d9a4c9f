/**
 * Embedding, tested with a real cross-origin host: the host page is served from
 * http://localhost:PORT and frames lessons from the built site (SITE, tests/site.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import {
	answerAll,
	appReady,
	AXE_TAGS,
	expect,
	expectStrictPolicy,
	recordViolations,
	test
} from './fixtures';
import { firstLesson, lessons } from './course';
import { hostPage, startHostServer, type HostServer } from './host-server';
import { SITE } from './site';
const lesson = firstLesson;
const src = `${SITE}/embed/${lesson.slug}/`;
const title = `Lesson ${lesson.number}: ${lesson.title} – Understanding benzodiazepines`;
const iframe = (attrs = '', style = 'display:block;width:100%;height:40rem;border:0') =>
	`<iframe src="${src}" title="${title}" loading="lazy" allow="fullscreen" data-ub-embed ${attrs} style="${style}"></iframe>`;
const embedScript = `<script src="${SITE}/embed.js" async></script>`;
/** embed.js loaded before anything after it, so it hears a frame's very first message. */
const syncEmbedScript = `<script src="${SITE}/embed.js"></script>`;
/** A lesson frame between two host links, sized by embed.js. */
const betweenLinks = `<a href="#" id="before">Before</a>${iframe()}<a href="#" id="after">After</a>${embedScript}`;

let host: HostServer;
test.beforeAll(async () => (host = await startHostServer()));
test.afterAll(async () => host.close());

async function lessonFrame(page: Page): Promise<Frame> {
	const handle = await page.locator('iframe').first().elementHandle();
	const frame = (await handle!.contentFrame())!;
	await frame.getByRole('button', { name: 'Check answers' }).waitFor();
	return frame;
}

/** Resolves after two animation frames inside the frame: whatever the bridge had to send is sent. */
const afterTwoFrames = (frame: Frame) =>
	frame.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))
	);

/** The frame's content height, and whether it has to scroll inside. */
const inner = (frame: Frame) =>
	frame.evaluate(() => ({
		content: Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().height),
		scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1
	}));

const frameHeight = (page: Page) =>
	page
		.locator('iframe')
		.first()
		.evaluate((el) => Math.round(el.getBoundingClientRect().height));

async function expectFitted(page: Page, frame: Frame, extra = 0) {
	await expect
		.poll(async () => (await frameHeight(page)) - (await inner(frame)).content - extra)
		.toBeLessThanOrEqual(1);
	await expect
		.poll(async () => (await frameHeight(page)) - (await inner(frame)).content - extra)
		.toBeGreaterThanOrEqual(-1);
	expect((await inner(frame)).scrolls).toBe(false);
}

test.describe('sizing', () => {
	test('with embed.js the frame fits its content, and grows and shrinks with it', async ({
		page
	}) => {
		await page.goto(host.page('/plain', hostPage('A plain host page', betweenLinks)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		const start = await frameHeight(page);

		await answerAll(frame, lesson, 'wrong');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		await expectFitted(page, frame);
		const graded = await frameHeight(page);
		expect(graded).not.toBe(start);

		// 200% text inside the frame: it grows; back to normal: it shrinks again.
		await frame.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await expectFitted(page, frame);
		expect(await frameHeight(page)).toBeGreaterThan(graded * 1.5);
		await frame.evaluate(() => (document.documentElement.style.fontSize = ''));
		await expectFitted(page, frame);
		expect(Math.abs((await frameHeight(page)) - graded)).toBeLessThanOrEqual(2);
	});

	test('in a 320 px wide host the lesson reflows, fits, and never scrolls sideways', async ({
		page
	}) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(host.page('/narrow', hostPage('A narrow host', `${iframe()}${embedScript}`)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		expect(
			await frame.evaluate(
				() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
			)
		).toBe(true);
	});

	test('embed.js loaded long after the iframe still sizes it', async ({ page }) => {
		await page.goto(host.page('/late', hostPage('A late script', iframe())));
		const frame = await lessonFrame(page);
		expect(await frameHeight(page)).toBeLessThan((await inner(frame)).content);
		await page.addScriptTag({ url: `${SITE}/embed.js` });
		await expectFitted(page, frame);
	});

	test('a host running only the H5P resizer protocol sizes it', async ({ page }) => {
		// A minimal host implementing the H5P resizer's messages (hello, prepareResize, resize).
		const h5pHost = `<script>
		window.addEventListener('message', function (e) {
			if (!e.data || e.data.context !== 'h5p') return;
			var f = [].find.call(document.querySelectorAll('iframe'), function (i) { return i.contentWindow === e.source; });
			if (!f) return;
			function respond(action) { e.source.postMessage({ context: 'h5p', action: action }, e.origin); }
			if (e.data.action === 'hello') respond('hello');
			if (e.data.action === 'prepareResize') { f.style.height = (e.data.clientHeight + 75) + 'px'; respond('resizePrepared'); }
			if (e.data.action === 'resize') f.style.height = (e.data.scrollHeight + 75) + 'px';
		});</script>`;
		await page.goto(host.page('/h5p', hostPage('An H5P host', iframe(), h5pHost)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame, 75);
	});

	test('a host that only understands Canvas lti.frameResize sizes it', async ({ page }) => {
		const canvasHost = `<script>
		window.addEventListener('message', function (e) {
			var d = typeof e.data === 'string' ? JSON.parse(e.data) : e.data;
			if (!d || d.subject !== 'lti.frameResize') return;
			var f = [].find.call(document.querySelectorAll('iframe'), function (i) { return i.contentWindow === e.source; });
			if (f) f.style.height = d.height + 'px';
		});</script>`;
		await page.goto(host.page('/canvas', hostPage('A Canvas-like host', iframe(), canvasHost)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
	});

	test('a host with no script shows all the content by scrolling inside the frame', async ({
		page
	}) => {
		await page.goto(
			host.page('/none', hostPage('No script', iframe('', 'width:100%;height:400px;border:0')))
		);
		const frame = await lessonFrame(page);
		expect(await frameHeight(page)).toBe(400);
		expect((await inner(frame)).scrolls).toBe(true);
		const check = frame.getByRole('button', { name: 'Check answers' });
		await check.scrollIntoViewIfNeeded();
		await expect(check).toBeInViewport();
	});

	test('after settling, an idle lesson sends no more resize messages (no feedback loop)', async ({
		page
	}) => {
		const counter = `<script>window.__resizes = 0; window.addEventListener('message', function (e) {
			if (e.data && e.data.type === 'resize') window.__resizes++; });</script>`;
		await page.goto(
			host.page('/count', hostPage('Counting', `${iframe()}${embedScript}`, counter))
		);
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		const settled = await page.evaluate(
			() => (window as unknown as { __resizes: number }).__resizes
		);
		// The bridge reports on the animation frame after any change: two frames with nothing
		// sent means nothing is pending.
		await afterTwoFrames(frame);
		expect(await page.evaluate(() => (window as unknown as { __resizes: number }).__resizes)).toBe(
			settled
		);
	});
});

test.describe('events for the host page', () => {
	const recorder = `<script>window.__events = [];
		['lesson-started','check-graded','lesson-completed','course-completed','ready'].forEach(function (n) {
			document.addEventListener('ub:' + n, function (e) { window.__events.push({ name: n, detail: e.detail }); });
		});</script>`;
	const events = (page: Page) =>
		page.evaluate(
			() => (window as unknown as { __events: { name: string; detail: unknown }[] }).__events
		);

	test('arrive with the right fields, and nothing personal', async ({ page }) => {
		await page.goto(
			host.page(
				'/events',
				hostPage('Events', `${iframe('data-ub-events')}${embedScript}`, recorder)
			)
		);
		const frame = await lessonFrame(page);
		await expect
			.poll(async () => (await events(page)).map((e) => e.name))
			.toContain('lesson-started');

		await answerAll(frame, lesson, 'wrong');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		const max = lesson.check.questions.length;
		await expect
			.poll(async () =>
				(await events(page)).filter((e) => e.name === 'check-graded').map((e) => e.detail)
			)
			.toEqual([{ lesson: lesson.slug, score: 0, max, passed: false }]);

		await frame.getByRole('button', { name: 'Try again' }).click();
		await answerAll(frame, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect
			.poll(async () =>
				(await events(page)).filter((e) => e.name !== 'ready').map((e) => [e.name, e.detail])
			)
			.toEqual([
				['lesson-started', { lesson: lesson.slug }],
				['check-graded', { lesson: lesson.slug, score: 0, max, passed: false }],
				['check-graded', { lesson: lesson.slug, score: max, max, passed: true }],
				['lesson-completed', { lesson: lesson.slug }]
			]);
	});

	test('are not sent unless the host opts in', async ({ page }) => {
		const raw = `<script>window.__events = []; window.__messages = [];
			window.addEventListener('message', function (e) {
				if (e.data && e.data.protocol) window.__messages.push(e.data.type);
				if (e.data && e.data.type === 'event') window.__events.push(e.data); });</script>`;
		await page.goto(host.page('/quiet', hostPage('Quiet', `${iframe()}${embedScript}`, raw)));
		const frame = await lessonFrame(page);
		await answerAll(frame, lesson, 'right');
		const before = await page.evaluate(
			() => (window as unknown as { __messages: string[] }).__messages.length
		);
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		// Events go out before the resize that grading causes: once that resize has arrived, any
		// event would have too.
		await expect
			.poll(() =>
				page.evaluate(
					(n) => (window as unknown as { __messages: string[] }).__messages.slice(n),
					before
				)
			)
			.toContain('resize');
		expect(await events(page)).toEqual([]);
	});

	test('a hostile sibling frame on another origin can neither open the gate nor sign up for events', async ({
		page
	}) => {
		// The sibling is served from a different origin than the host page (127.0.0.1 vs localhost).
		// It says hello to the lesson (events on, gating off) and sends junk, then tells the host it
		// is done. Only the lesson's real parent may introduce itself, so nothing may change.
		host.page(
			'/sibling',
			`<!doctype html><html lang="en"><title>Sibling</title><body><script>
			var lesson = parent.frames[0];
			var rounds = 0;
			(function send() {
				lesson.postMessage({ protocol: 'understanding-benzodiazepines', version: 1, type: 'hello', events: true, gating: 'off' }, '*');
				lesson.postMessage('garbage', '*');
				lesson.postMessage({ context: 'h5p', action: 'resizePrepared' }, '*');
				lesson.postMessage(null, '*');
				if (++rounds < 20) setTimeout(send, 20); else parent.postMessage('sibling-done', '*');
			})();
		</script></body></html>`
		);
		const siblingUrl = host.origin.replace('localhost', '127.0.0.1') + '/sibling';
		const second = lessons[1]!;
		const recorder = `<script>window.__events = []; window.addEventListener('message', function (e) {
			if (e.data === 'sibling-done') window.__siblingDone = true;
			if (e.data && e.data.type === 'event') window.__events.push(e.data); });</script>`;
		await page.goto(
			host.page(
				'/hostile',
				hostPage(
					'Hostile neighbour',
					`<iframe src="${SITE}/embed/${second.slug}/" title="Lesson 2" style="width:100%;height:30rem;border:0"></iframe>
					<iframe src="${siblingUrl}" title="Sibling"></iframe>`,
					recorder
				)
			)
		);
		const frame = page.frameLocator('iframe').first();
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(second.title);
		await page.waitForFunction(
			() => (window as unknown as { __siblingDone?: boolean }).__siblingDone
		);
		await afterTwoFrames(page.frames()[1]!);
		await expect(frame.getByText(/These questions open after you pass/)).toBeVisible();
		await expect(frame.getByRole('button', { name: 'Check answers' })).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)
		).toEqual([]);
	});
});

test.describe('embed.js trusts only the course’s own frames', () => {
	const recorder = `<script>window.__ub = []; window.__done = 0;
		['lesson-started','check-graded','lesson-completed','course-completed','ready'].forEach(function (n) {
			document.addEventListener('ub:' + n, function (e) { window.__ub.push({ name: n, detail: e.detail }); });
		});
		window.addEventListener('message', function (e) { if (e.data === 'done') window.__done++; });</script>`;
	const ubEvents = (page: Page) =>
		page.evaluate(() => (window as unknown as { __ub: { name: string; detail: unknown }[] }).__ub);
	const waitDone = (page: Page, n = 1) =>
		page.waitForFunction((n) => (window as unknown as { __done: number }).__done >= n, n);
	/** What a forger sends: every kind of message the protocol has, with absurd values. */
	const forgeries = `var P = 'understanding-benzodiazepines';
		parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'course-completed', detail: { lessons: 4 } }, '*');
		parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'lesson-completed', detail: { lesson: 'gaba' } }, '*');
		parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'check-graded', detail: { lesson: '<img src=x onerror=alert(1)>', score: 9, max: 9, passed: true } }, '*');
		parent.postMessage({ protocol: P, version: 1, type: 'resize', height: 99999 }, '*');
		parent.postMessage({ protocol: P, version: 1, type: 'ready', lesson: 'gaba', events: true }, '*');
		parent.postMessage('done', '*');`;

	test('a frame from another site, whose address even contains /embed/, is ignored', async ({
		page
	}) => {
		host.page('/evil/embed/x/', `<!doctype html><title>Evil</title><script>${forgeries}</script>`);
		const evil = host.origin.replace('localhost', '127.0.0.1') + '/evil/embed/x/';
		await page.goto(
			host.page(
				'/neighbour',
				hostPage(
					'Neighbour',
					// embed.js first (not async), so it listens before the evil frame speaks.
					`${syncEmbedScript}${iframe('data-ub-events')}<iframe src="${evil}" title="Evil" data-ub-embed style="height:100px;border:0"></iframe>`,
					recorder
				)
			)
		);
		const frame = await lessonFrame(page);
		await waitDone(page);
		await expectFitted(page, frame);
		const events = await ubEvents(page);
		expect(events.map((e) => e.name)).not.toContain('course-completed');
		expect(events.map((e) => e.name)).not.toContain('lesson-completed');
		expect(events.map((e) => e.name)).not.toContain('check-graded');
		expect(
			await page
				.locator('iframe')
				.nth(1)
				.evaluate((f) => f.getBoundingClientRect().height)
		).toBe(100);
	});

	test('a lesson frame that navigated to another site is no longer believed', async ({ page }) => {
		host.page('/evil/page', `<!doctype html><title>Evil</title><script>${forgeries}</script>`);
		const evil = host.origin.replace('localhost', '127.0.0.1') + '/evil/page';
		await page.goto(
			host.page(
				'/hijacked',
				hostPage('Hijacked', `${iframe('data-ub-events')}${embedScript}`, recorder)
			)
		);
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		const height = await frameHeight(page);
		const before = (await ubEvents(page)).length;
		// Same iframe element, same contentWindow, another origin: only the origin check stops it.
		await page.evaluate((url) => {
			(document.querySelector('iframe')!.contentWindow as Window).location.href = url;
		}, evil);
		await waitDone(page);
		expect((await ubEvents(page)).slice(before)).toEqual([]);
		expect(await frameHeight(page)).toBe(height);
	});

	test("a page of the course's own origin gets no absurd height and no malformed event through", async ({
		page
	}) => {
		const fake = `${SITE}/embed/made-up-for-this-test/`;
		await page.route(fake, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><title>Fake</title><script>var P = 'understanding-benzodiazepines';
				parent.postMessage({ protocol: P, version: 1, type: 'resize', height: 300 }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'resize', height: 99999 }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'resize', height: -5 }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'resize', height: 'huge' }, '*');
				parent.postMessage({ protocol: P, version: 2, type: 'resize', height: 500 }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'check-graded', detail: { lesson: '<img src=x onerror=alert(1)>', score: 1, max: 2, passed: true } }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'check-graded', detail: { lesson: 'gaba', score: 3, max: 2, passed: true } }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'made-up', detail: {} }, '*');
				parent.postMessage({ protocol: P, version: 1, type: 'event', name: 'check-graded', detail: { lesson: 'gaba', score: 1, max: 2, passed: false, html: '<b>x</b>' } }, '*');
				parent.postMessage('done', '*');</script>`
			})
		);
		await page.goto(
			host.page(
				'/own-origin',
				hostPage(
					'Own origin',
					`${syncEmbedScript}<iframe src="${fake}" title="Fake" data-ub-events style="height:100px;border:0"></iframe>`,
					recorder
				)
			)
		);
		await waitDone(page);
		expect(await frameHeight(page)).toBe(300);
		expect((await ubEvents(page)).filter((e) => e.name !== 'ready')).toEqual([
			{ name: 'check-graded', detail: { lesson: 'gaba', score: 1, max: 2, passed: false } }
		]);
	});

	test('messages from the host page itself are not taken for a lesson’s', async ({ page }) => {
		await page.goto(
			host.page('/forged', hostPage('Forged', `${iframe()}${embedScript}`, recorder))
		);
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		const before = await frameHeight(page);
		await page.evaluate(
			(script) => new Function(script.replaceAll('parent.', 'window.'))(),
			forgeries
		);
		await waitDone(page);
		expect(await frameHeight(page)).toBe(before);
		expect((await ubEvents(page)).map((e) => e.name)).not.toContain('course-completed');
	});
});

test.describe('hosts without embed.js (EMBEDDING.md)', () => {
	const listener = (helloWhen: string) => `<script>window.__messages = [];
		window.addEventListener('message', function (e) {
			var frame = document.querySelector('iframe');
			if (e.source !== frame.contentWindow || e.origin !== '${SITE}') return;
			if (e.data && e.data.protocol === 'understanding-benzodiazepines') window.__messages.push(e.data);
		});
		function hello(version) {
			document.querySelector('iframe').contentWindow.postMessage(
				{ protocol: 'understanding-benzodiazepines', version: version, type: 'hello', events: true }, '${SITE}');
		}
		${helloWhen}</script>`;
	const messages = (page: Page) =>
		page.evaluate(
			() =>
				(window as unknown as { __messages: { type: string; name?: string; version: number }[] })
					.__messages
		);

	test('a hello sent on the frame’s load event is answered, and events follow', async ({
		page
	}) => {
		await page.goto(
			host.page(
				'/on-load',
				hostPage(
					'Hello on load',
					iframe(),
					listener(`document.addEventListener('DOMContentLoaded', function () {
						document.querySelector('iframe').addEventListener('load', function () { hello(1); });
					});`)
				)
			)
		);
		await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('ready');
		const frame = await lessonFrame(page);
		await answerAll(frame, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect
			.poll(async () => (await messages(page)).filter((m) => m.type === 'event').map((m) => m.name))
			.toEqual(['lesson-started', 'check-graded', 'lesson-completed']);
	});

	test('a hello sent long after load is answered too', async ({ page }) => {
		await page.goto(host.page('/late-hello', hostPage('Late hello', iframe(), listener(''))));
		const frame = await lessonFrame(page);
		await answerAll(frame, lesson, 'wrong');
		expect((await messages(page)).filter((m) => m.type !== 'resize')).toEqual([]);
		await page.evaluate(() => (window as unknown as { hello: (v: number) => void }).hello(1));
		await expect.poll(async () => (await messages(page)).map((m) => m.type)).toContain('ready');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect
			.poll(async () => (await messages(page)).filter((m) => m.type === 'event').map((m) => m.name))
			.toContain('check-graded');
	});

	test('a hello in a protocol version the frame does not document gets no answer', async ({
		page
	}) => {
		await page.goto(host.page('/versions', hostPage('Versions', iframe(), listener(''))));
		await lessonFrame(page);
		await page.evaluate(() => {
			const hello = (window as unknown as { hello: (v: unknown) => void }).hello;
			for (const v of [2, -1, Number.NaN, 1e308, '1', 0]) hello(v);
			// Messages from one window arrive in order: once this one is answered, so were those.
			hello(1);
		});
		await expect
			.poll(async () => (await messages(page)).filter((m) => m.type === 'ready').length)
			.toBe(1);
		await afterTwoFrames(page.frames()[1]!);
		expect((await messages(page)).filter((m) => m.type === 'ready')).toHaveLength(1);
	});
});

test.describe('moving between lessons inside the frame', () => {
	test('embed.js brings the top of the frame into view, so the next lesson starts at its beginning', async ({
		page
	}) => {
		await page.setViewportSize({ width: 800, height: 600 });
		const second = lessons[1]!;
		await page.goto(
			host.page(
				'/moving',
				hostPage(
					'Moving on',
					`<p style="height:300px">Host text above the lesson.</p><iframe src="${SITE}/embed/${second.slug}/" title="Lesson 2" data-ub-embed style="display:block;width:100%;height:40rem;border:0"></iframe>${embedScript}`
				)
			)
		);
		const frame = page.frameLocator('iframe');
		// Lesson 2 is locked: its note links back to lesson 1, near the bottom of the frame.
		const back = frame.getByRole('link', { name: `Lesson 1: ${lesson.title}` }).last();
		await back.scrollIntoViewIfNeeded();
		const frameTop = () =>
			page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().top));
		expect(await frameTop()).toBeLessThan(-1000);
		await back.click();
		await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await expect.poll(frameTop).toBeGreaterThanOrEqual(-1);
		expect(await frameTop()).toBeLessThan(600);
	});
});

test.describe('gating', () => {
	test('gating turned off by an embedding page applies to that embedding only', async ({
		page
	}) => {
		// A host on the course's own site, so the frame shares the full site's storage.
		const second = lessons[1]!;
		const hostUrl = `${SITE}/a-host-page-for-this-test/`;
		await page.route(hostUrl, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: hostPage(
					'Same-site host',
					`<iframe src="${SITE}/embed/${second.slug}/" title="Lesson 2" data-ub-embed data-ub-gating="off" style="width:100%;height:40rem;border:0"></iframe><script src="${SITE}/embed.js"></script>`
				)
			})
		);
		await page.goto(hostUrl);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('button', { name: 'Check answers' })).toBeVisible();
		await page.goto(`/lessons/${second.slug}/`);
		await expect(page.getByText(/These questions open after you pass/)).toBeVisible();
		await page.goto('/');
		await expect(page.getByTestId('lesson-status').nth(1)).toHaveText(/Locked/);
	});

	test('an embedder can turn the mastery gate off', async ({ page }) => {
		const second = lessons[1]!;
		const url = `${SITE}/embed/${second.slug}/`;
		await page.goto(
			host.page(
				'/open',
				hostPage(
					'Open gate',
					`<iframe src="${url}" title="Lesson 2" data-ub-embed data-ub-gating="off" style="width:100%;height:40rem;border:0"></iframe>${embedScript}`
				)
			)
		);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByRole('button', { name: 'Check answers' })).toBeVisible();
	});
});

test.describe('keyboard, focus and accessibility inside the frame', () => {
	test('Tab enters, crosses and leaves the frame in both directions; nothing takes focus on load', async ({
		page
	}) => {
		await page.goto(host.page('/tab', hostPage('Tabbing', betweenLinks)));
		await lessonFrame(page);
		expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('BODY');
		// Crossing a whole lesson takes hundreds of presses; the course overview shows the same
		// frame boundary in a few dozen.
		await page.goto(
			host.page(
				'/tab-overview',
				hostPage(
					'Tabbing',
					`<a href="#" id="before">Before</a><iframe src="${SITE}/embed/" title="Course" data-ub-embed style="width:100%;height:40rem;border:0"></iframe><a href="#" id="after">After</a>${embedScript}`
				)
			)
		);
		await page.frameLocator('iframe').getByRole('heading', { level: 1 }).waitFor();
		await page.locator('#before').focus();
		let inside = 0;
		for (let i = 0; i < 300; i++) {
			await page.keyboard.press('Tab');
			const where = await page.evaluate(
				() => document.activeElement?.id || document.activeElement?.nodeName
			);
			if (where === 'after') break;
			if (where === 'IFRAME') inside++;
		}
		await expect(page.locator('#after')).toBeFocused();
		expect(inside).toBeGreaterThan(5);
		for (let i = 0; i < 300; i++) {
			await page.keyboard.press('Shift+Tab');
			if (await page.evaluate(() => document.activeElement?.id === 'before')) break;
		}
		await expect(page.locator('#before')).toBeFocused();
	});

	test('axe passes inside the frame, in every check state', async ({ page }) => {
		await page.goto(host.page('/axe', hostPage('Axe host', `${iframe()}${embedScript}`)));
		const frame = await lessonFrame(page);
		// The first scan takes in the host page and the whole frame; after that only the check
		// inside the frame changes, and only it is scanned.
		const scan = async (state: string, whole = false) => {
			const axe = new AxeBuilder({ page }).withTags(AXE_TAGS);
			if (!whole) axe.include(['iframe', '.check']);
			const { violations } = await axe.analyze();
			expect(
				violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target) })),
				state
			).toEqual([]);
		};
		// (The error state is the same component as on the site page, scanned there.)
		await scan('unanswered', true);
		await answerAll(frame, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		await scan('passed');
	});

	test('the embed pages are complete pages: lang, title, one main, no site navigation, the strict CSP', async ({
		page,
		expectAccessible
	}) => {
		const violations = await recordViolations(page);
		for (const path of ['/embed/', ...lessons.map((l) => `/embed/${l.slug}/`)]) {
			await page.goto(path);
			await expectStrictPolicy(page);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page).toHaveTitle(/ – Understanding benzodiazepines$/);
			await expect(page.getByRole('main')).toHaveCount(1);
			await expect(page.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
			await expect(page.getByRole('link', { name: /Open the full course/ })).toHaveAttribute(
				'target',
				'_blank'
			);
			// Every lesson's body is scanned on its site page; here the embed's own frame around it.
			if (path === '/embed/' || path === `/embed/${lesson.slug}/`) await expectAccessible(path);
		}
		expect(violations).toEqual([]);
	});
});

test.describe('storage inside a third-party frame', () => {
	test('with storage blocked (sandboxed frame) the lesson still works and says progress is not kept', async ({
		page
	}) => {
		await page.goto(
			host.page('/sandboxed', hostPage('Sandboxed', iframe('sandbox="allow-scripts allow-popups"')))
		);
		const frame = page.frameLocator('iframe');
		await expect(frame.getByText(/not letting the page save your progress/)).toBeVisible();
		const f = await lessonFrame(page);
		await answerAll(f, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByRole('heading', { name: /^You passed/ })).toBeVisible();
	});
});

test.describe('the "Embed this lesson" panel', () => {
	test('offers a copy-ready snippet with a unique title, lazy loading and no fixed scrolling', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(`/facilitator/#embed-${lesson.slug}`);
		await appReady(page);
		const panel = page.locator(`#embed-${lesson.slug}`);
		await panel.getByText('Embed this lesson in your own page').click();
		const code = page.getByRole('textbox', { name: `Code to embed lesson ${lesson.number}` });
		await expect(code).toHaveValue(new RegExp(`src="${SITE}/embed/${lesson.slug}/"`));
		const snippet = await code.inputValue();
		expect(snippet).toContain(`title="${title}"`);
		expect(snippet).toContain('loading="lazy"');
		expect(snippet).toContain('allow="fullscreen"');
		expect(snippet).not.toContain('scrolling="no"');
		expect(snippet).toContain(`${SITE}/embed.js`);
		await page.getByRole('button', { name: 'Copy the code' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Copied the code to your clipboard.' })
		).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

		// And the copied snippet works as it is on another origin.
		await page.goto(host.page('/pasted', hostPage('Pasted snippet', snippet)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
	});
});
