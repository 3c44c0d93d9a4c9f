/**
 * Embedding, tested with a real cross-origin host: the host page is served from
 * http://localhost:PORT and frames lessons from http://127.0.0.1:4173.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { AXE_TAGS, answerAll, expect, test } from './fixtures';
import { firstLesson, lessons } from './course';
import { hostPage, startHostServer, type HostServer } from './host-server';

const SITE = 'http://127.0.0.1:4173';
const lesson = firstLesson;
const src = `${SITE}/embed/${lesson.slug}/`;
const title = `Lesson ${lesson.number}: ${lesson.title} – Understanding benzodiazepines`;
const iframe = (attrs = '', style = 'display:block;width:100%;height:40rem;border:0') =>
	`<iframe src="${src}" title="${title}" loading="lazy" allow="fullscreen" data-ub-embed ${attrs} style="${style}"></iframe>`;
const embedScript = `<script src="${SITE}/embed.js" async></script>`;
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
		// Watch for a second with nothing changing.
		await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
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
		const raw = `<script>window.__events = []; window.addEventListener('message', function (e) {
			if (e.data && e.data.type === 'event') window.__events.push(e.data); });</script>`;
		await page.goto(host.page('/quiet', hostPage('Quiet', `${iframe()}${embedScript}`, raw)));
		const frame = await lessonFrame(page);
		await answerAll(frame, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
		expect(await events(page)).toEqual([]);
	});

	test('a hostile sibling frame on another origin can neither open the gate nor sign up for events', async ({
		page
	}) => {
		// The sibling is served from a different origin than the host page (127.0.0.1 vs localhost).
		// It says hello to the lesson (events on, gating off) and sends junk, over and over. Only the
		// lesson's real parent may introduce itself, so nothing may change.
		host.page(
			'/sibling',
			`<!doctype html><html lang="en"><title>Sibling</title><body><script>
			var lesson = parent.frames[0];
			setInterval(function () {
				lesson.postMessage({ protocol: 'understanding-benzodiazepines', version: 1, type: 'hello', events: true, gating: 'off' }, '*');
				lesson.postMessage('garbage', '*');
				lesson.postMessage({ context: 'h5p', action: 'resizePrepared' }, '*');
				lesson.postMessage(null, '*');
			}, 50);
		</script></body></html>`
		);
		const siblingUrl = host.origin.replace('localhost', '127.0.0.1') + '/sibling';
		const second = lessons[1]!;
		const recorder = `<script>window.__events = []; window.addEventListener('message', function (e) {
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
		// Let the sibling send its messages for a while, then check nothing gave way.
		await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
		await expect(frame.getByText(/These questions open after you pass/)).toBeVisible();
		await expect(frame.getByRole('button', { name: 'Check answers' })).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)
		).toEqual([]);
	});

	test('embed.js ignores messages that do not come from a lesson frame', async ({ page }) => {
		await page.goto(host.page('/forged', hostPage('Forged', `${iframe()}${embedScript}`)));
		const frame = await lessonFrame(page);
		await expectFitted(page, frame);
		const before = await frameHeight(page);
		await page.evaluate(() => {
			window.postMessage(
				{ protocol: 'understanding-benzodiazepines', version: 1, type: 'resize', height: 5 },
				'*'
			);
			window.postMessage(
				{ protocol: 'understanding-benzodiazepines', version: 1, type: 'resize', height: 'huge' },
				'*'
			);
			window.postMessage('just a string', '*');
		});
		await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
		expect(await frameHeight(page)).toBe(before);
	});
});

test.describe('gating', () => {
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
		const scan = async (state: string) => {
			const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
			expect(
				violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target) })),
				state
			).toEqual([]);
		};
		await scan('unanswered');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await scan('error');
		await answerAll(frame, lesson, 'right');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		await scan('passed');
	});

	test('the embed pages are complete pages: lang, title, one main, no site navigation', async ({
		page,
		expectAccessible
	}) => {
		for (const path of ['/embed/', ...lessons.map((l) => `/embed/${l.slug}/`)]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page).toHaveTitle(/ – Understanding benzodiazepines$/);
			await expect(page.getByRole('main')).toHaveCount(1);
			await expect(page.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
			await expect(page.getByRole('link', { name: /Open the full course/ })).toHaveAttribute(
				'target',
				'_blank'
			);
			await expectAccessible(path);
		}
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
		await page.goto(`/lessons/${lesson.slug}/`);
		await page.getByText('Embed this lesson in your own page').click();
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
