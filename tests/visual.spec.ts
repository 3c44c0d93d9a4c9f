/**
 * What axe cannot see: focus you can actually see, reflow, large text, text spacing, target
 * sizes, orientation, focus hidden behind things, and the learner's comfort settings.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { answerAll, expect, gotoReady, openLesson, test } from './fixtures';
import { firstLesson, lessonPath } from './course';
import { SITE } from './site';

/** Opens a page and waits until its scripts have taken over (clicks before that do nothing). */
import { pages } from './pages';

// --- helpers ---------------------------------------------------------------------------------

function luminance([r, g, b]: number[]): number {
	const [R, G, B] = [r!, g!, b!].map((c) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

function contrast(a: number[], b: number[]): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** Pixels that changed between two screenshots of the same area, and their best contrast. */
function compare(before: Buffer, after: Buffer) {
	const a = PNG.sync.read(before);
	const b = PNG.sync.read(after);
	let changed = 0;
	let best = 1;
	for (let i = 0; i < a.data.length; i += 4) {
		const pa = [a.data[i]!, a.data[i + 1]!, a.data[i + 2]!];
		const pb = [b.data[i]!, b.data[i + 1]!, b.data[i + 2]!];
		if (pa.some((v, k) => Math.abs(v - pb[k]!) > 8)) {
			changed++;
			best = Math.max(best, contrast(pa, pb));
		}
	}
	return { changed, best };
}

/**
 * WCAG 2.4.7 made measurable (A11Y.md item 17): for each of the first `count` tab stops, the
 * pixels that change on keyboard focus cover at least a 2 px perimeter of the element, with at
 * least 3:1 contrast between the unfocused and focused colours.
 */
async function expectVisibleFocus(page: Page, count: number) {
	for (let i = 0; i < count; i++) {
		await page.keyboard.press('Tab');
		const box = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const r = el.getBoundingClientRect();
			return { x: r.x, y: r.y, width: r.width, height: r.height, name: el.outerHTML.slice(0, 80) };
		});
		if (!box || box.width === 0) continue;
		const pad = 8;
		const clip = {
			x: Math.max(0, box.x - pad),
			y: Math.max(0, box.y - pad),
			width: box.width + 2 * pad,
			height: box.height + 2 * pad
		};
		const focused = await page.screenshot({ clip, animations: 'disabled' });
		// Blur keeps the sequential-navigation starting point, so the next Tab moves on.
		await page.evaluate(() => (document.activeElement as HTMLElement).blur());
		const unfocused = await page.screenshot({ clip, animations: 'disabled' });
		const { changed, best } = compare(unfocused, focused);
		const needed = 2 * 2 * (Math.min(box.width, 200) + Math.min(box.height, 200));
		expect(changed, `changed pixels on focus of ${box.name}`).toBeGreaterThanOrEqual(needed);
		expect(best, `focus contrast of ${box.name}`).toBeGreaterThanOrEqual(3);
	}
}

async function horizontalOverflow(page: Page) {
	return page.evaluate(() => {
		const { scrollWidth, clientWidth } = document.documentElement;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > clientWidth + 1)
			.slice(0, 5)
			.map((el) => el.outerHTML.slice(0, 80));
		return scrollWidth > clientWidth ? { scrollWidth, clientWidth, wide } : null;
	});
}

/** Elements that hide overflowing text (WCAG 1.4.4 / 1.4.12: nothing may be cut off). */
async function clippedText(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((el) => {
				const style = getComputedStyle(el);
				if (!/(hidden|clip)/.test(style.overflow + style.overflowX + style.overflowY)) return false;
				if (el.closest('.visually-hidden')) return false;
				return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
			})
			.map((el) => el.outerHTML.slice(0, 80))
	);
}

async function setBrowserTextSize(page: Page, px: number) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: px } });
}

// --- tests -----------------------------------------------------------------------------------

test.describe('visible focus (WCAG 2.4.7, 1.4.11)', () => {
	test('the first tab stops of the home page show a clear focus indicator', async ({ page }) => {
		await page.goto('/');
		await expectVisibleFocus(page, 8);
	});

	test('quiz controls show a clear focus indicator', async ({ page }) => {
		await openLesson(page, firstLesson);
		await page.locator('#check-title').evaluate((el) => {
			el.setAttribute('tabindex', '-1');
			(el as HTMLElement).focus();
		});
		await expectVisibleFocus(page, 4);
	});

	test('focus stays visible in forced-colours mode', async ({ page }) => {
		await page.emulateMedia({ forcedColors: 'active' });
		await page.goto('/');
		await expectVisibleFocus(page, 6);
	});
});

test.describe('reflow, text size and spacing', () => {
	test('an open glossary definition stays inside a 320 px screen', async ({ page }) => {
		await page.setViewportSize({ width: 320, height: 640 });
		await page.goto(lessonPath(firstLesson));
		for (const tip of (await page.getByRole('button', { name: /^What does/ }).all()).slice(0, 4)) {
			await tip.click();
			await expect(tip).toHaveAttribute('aria-expanded', 'true');
			expect(await horizontalOverflow(page)).toBeNull();
			await page.keyboard.press('Escape');
			await expect(tip).toHaveAttribute('aria-expanded', 'false');
		}
	});

	test('at 200% text nothing is cut off or scrolls sideways (WCAG 1.4.4)', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		for (const path of ['/', lessonPath(firstLesson), '/help/', '/settings/']) {
			await page.goto(path);
			await setBrowserTextSize(page, 32);
			expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('36px');
			expect(await horizontalOverflow(page), path).toBeNull();
			expect(await clippedText(page), path).toEqual([]);
		}
	});

	test('at 320 px no page scrolls sideways (WCAG 1.4.10); no word is split mid-word there, nor at 200% text on a 640 px screen', async ({
		page
	}) => {
		// The parts of each visible word between hyphens ("GABA-" "A"): a break after a hyphen is
		// a proper break; a part whose letters sit on two lines was split.
		const splitWords = () =>
			page.evaluate(() => {
				const split: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				const range = document.createRange();
				while (walker.nextNode()) {
					const node = walker.currentNode as Text;
					const parent = node.parentElement;
					// An address or code shown to copy (a workshop link) has no words to keep whole: breaking
					// it anywhere is how it reflows at 320 px.
					if (!parent?.checkVisibility() || parent.closest('.visually-hidden, svg, code')) continue;
					for (const m of node.data.matchAll(/[^\s\u2010-\u2014-]+[\u2010-\u2014-]?/g)) {
						range.setStart(node, m.index);
						range.setEnd(node, m.index + m[0].length);
						const lines = new Set(
							[...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
						);
						if (lines.size > 1) split.push(m[0]);
					}
				}
				return split;
			});
		for (const path of pages) {
			await page.setViewportSize({ width: 320, height: 800 });
			await page.goto(path);
			expect(await horizontalOverflow(page), path).toBeNull();
			expect(await splitWords(), `${path} at 320 px`).toEqual([]);
			await page.setViewportSize({ width: 640, height: 800 });
			await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
			expect(await splitWords(), `${path} at 640 px, 200% text`).toEqual([]);
			await page.evaluate(() => (document.documentElement.style.fontSize = ''));
		}
	});

	test('the WCAG 1.4.12 text-spacing override loses nothing', async ({ browser }) => {
		// A reader's spacing comes from a user style sheet or an extension, which the page's
		// Content-Security-Policy does not bind; this test injects it as a <style> tag, which the
		// policy would block, so its page bypasses the policy the way an extension does.
		const context = await browser.newContext({ bypassCSP: true, baseURL: SITE });
		const page = await context.newPage();
		for (const path of ['/', lessonPath(firstLesson)]) {
			await page.goto(path);
			await page.addStyleTag({
				content: `* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important }
				p { margin-bottom: 2em !important }`
			});
			expect(await clippedText(page), path).toEqual([]);
			expect(await horizontalOverflow(page), path).toBeNull();
		}
		await context.close();
	});

	test('landscape on a phone (844 × 390) works without sideways scrolling (WCAG 1.3.4)', async ({
		page
	}) => {
		await page.setViewportSize({ width: 844, height: 390 });
		await openLesson(page, firstLesson);
		expect(await horizontalOverflow(page)).toBeNull();
		await answerAll(page, firstLesson, 'right');
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByTestId('check-result')).toBeInViewport();
	});
});

test.describe('targets and focus at phone size', () => {
	test('answer options and buttons are at least 44 px tall on a phone (WCAG 2.5.8, project bar 44 px)', async ({
		page
	}) => {
		await page.setViewportSize({ width: 375, height: 800 });
		await openLesson(page, firstLesson);
		const small = await page.locator('.option, .button').evaluateAll((els) =>
			els
				.map((el) => ({
					h: el.getBoundingClientRect().height,
					w: el.getBoundingClientRect().width,
					html: el.outerHTML.slice(0, 70)
				}))
				.filter(({ h, w }) => h > 0 && (h < 44 || w < 44))
		);
		expect(small).toEqual([]);
	});

	test('no focused element is hidden behind anything at 390 × 500 (WCAG 2.4.11)', async ({
		page
	}) => {
		await page.setViewportSize({ width: 390, height: 500 });
		await openLesson(page, firstLesson);
		const hidden: string[] = [];
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			// One round trip per key press: the focused element, if it is drawn but covered.
			const covered = await page.evaluate(() => {
				const el = document.activeElement;
				if (!el || el === document.body) return null;
				const r = el.getBoundingClientRect();
				if (r.width <= 1) return null;
				const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
				const points = [0.1, 0.5, 0.9].flatMap((fx) =>
					[0.1, 0.5, 0.9].map((fy) => [r.x + r.width * fx, r.y + r.height * fy])
				);
				const seen = points.some(([x, y]) => {
					const hit = document.elementFromPoint(x!, y!);
					return hit && (el.contains(hit) || hit.contains(el) || (label && label.contains(hit)));
				});
				return seen ? null : el.outerHTML.slice(0, 80);
			});
			if (covered) hidden.push(covered);
		}
		expect(hidden).toEqual([]);
	});
});

test.describe('comfort settings the learner controls', () => {
	test('follows the device: dark by default when the system is dark', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(bg).toBe('rgb(18, 23, 25)');
	});

	test('a chosen theme and text size apply at once and survive a reload', async ({ page }) => {
		await gotoReady(page, '/settings/');
		await page.getByRole('radio', { name: 'High contrast' }).check();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
		await expect(
			page.getByRole('status').filter({ hasText: 'Colours: High contrast. Saved on this device.' })
		).toBeAttached();
		await page.getByRole('radio', { name: 'Extra large' }).check();
		await page.reload();
		await expect(page.getByRole('radio', { name: 'High contrast' })).toBeChecked();
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
			'24px'
		);
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
			'rgb(255, 255, 255)'
		);
		await page.goto(lessonPath(firstLesson));
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
		expect(await horizontalOverflow(page)).toBeNull();
	});

	test('a dark choice wins over a light device', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await gotoReady(page, '/settings/');
		await page.getByRole('radio', { name: 'Dark', exact: true }).check();
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
			'rgb(18, 23, 25)'
		);
	});

	test('bad saved settings fall back to the defaults without breaking the page', async ({
		page
	}) => {
		await page.goto('/');
		await page.evaluate(() =>
			localStorage.setItem('understanding-benzodiazepines/settings', '{"theme":"neon","textSize":7')
		);
		await gotoReady(page, '/settings/');
		await expect(page.getByRole('radio', { name: 'Match my device' }).first()).toBeChecked();
		await expect(page.getByRole('radio', { name: 'Standard' })).toBeChecked();
	});

	/**
	 * The durations of the animations running once a graded check's result is on screen. The
	 * result fades in with a CSS animation, which `document.getAnimations()` lists while it runs
	 * (read after the result is visible, not straight after the click, before anything started).
	 */
	const animationsAfterGrading = async (page: Page) => {
		await openLesson(page, firstLesson);
		await answerAll(page, firstLesson, 'right');
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByTestId('check-result')).toBeVisible();
		return page.evaluate(() =>
			document
				.getAnimations()
				.map((a) => Number(a.effect?.getTiming().duration ?? 0))
				.filter((d) => d > 0)
		);
	};

	test('the result fades in when motion is allowed (so the next test can fail)', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		expect((await animationsAfterGrading(page)).length).toBeGreaterThan(0);
	});

	test('with the device asking for reduced motion, no transition runs', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		expect(await animationsAfterGrading(page)).toEqual([]);
	});

	test('with "Reduce motion" chosen here, no transition runs', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'no-preference' });
		await gotoReady(page, '/settings/');
		await page.getByRole('radio', { name: 'Reduce motion' }).check();
		expect(await animationsAfterGrading(page)).toEqual([]);
	});
});

test('client-side navigation is announced with the new page title (WCAG 4.1.3)', async ({
	page
}) => {
	// Once the app runs: a link followed before that is a full page load, which has no announcer.
	await gotoReady(page, '/');
	await page.getByRole('link', { name: /^Start the course/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstLesson.title);
	await expect(page.locator('#svelte-announcer')).toHaveText(await page.title());
	await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
	await expect(page.locator('#svelte-announcer')).toHaveText(/^Get help now/);
});
