/**
 * A first visit to a lesson is light until the learner starts using it: its app starts on first
 * use (src/lib/server/paintFirst.ts), the course engine loads on the next (src/lib/course/firstUse.ts),
 * nothing done before either arrives is lost, and a return visit, which has progress to show,
 * starts at once.
 */
import { appReady, expect, optionInput, test } from './fixtures';
import { correctOptions, firstLesson, lessonPath } from './course';
import { FRAME_TIMEOUT } from '../src/lib/server/paintFirst';

test('a first visit loads the course engine when the learner starts, and keeps the answer that started it', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	await page.goto(lessonPath(firstLesson));
	await appReady(page);
	await page.waitForLoadState('networkidle');
	const loadedFirst = scripts.length;
	// The questions show as the page was built; nothing is checked or saved yet.
	await expect(page.getByRole('button', { name: 'Check answers' })).toHaveCount(0);

	const question = firstLesson.check.questions[0]!;
	const option = correctOptions(question)[0]!;
	await optionInput(page, question, option).check();
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
	expect(scripts.length, 'the engine loads on first use').toBeGreaterThan(loadedFirst);
	await expect(optionInput(page, question, option)).toBeChecked();

	// A return visit (a new navigation, so no scroll is restored and nothing is touched) shows the
	// saved answer and an open check at once.
	await page.goto('about:blank');
	await page.goto(lessonPath(firstLesson));
	await expect(optionInput(page, question, option)).toBeChecked();
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
});

test('when the engine cannot load (the connection dropped), the page says so and keeps the lesson', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(lessonPath(firstLesson));
	await appReady(page);
	await page.waitForLoadState('networkidle');
	// From now on no script arrives.
	await page.route('**/*.js', (route) => route.abort('internetdisconnected'));
	const question = firstLesson.check.questions[0]!;
	await optionInput(page, question, correctOptions(question)[0]!).check();
	await expect(
		page.getByRole('status').filter({ hasText: 'Part of this page did not load' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstLesson.title);
	expect(errors).toEqual([]);
});

test('"Check answers" pressed the moment a lesson arrives still takes the learner to what it shows', async ({
	page
}) => {
	await page.goto('/');
	await appReady(page);
	// A slow connection from now on: the lesson's code, and the check's parts after it, come late.
	await page.route('**/*.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 800));
		await route.continue();
	});
	await page.getByRole('link', { name: /^Start the course/ }).click();
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByTestId('error-summary')).toBeFocused();
});

// src/lib/server/paintFirst.ts: the page's own HTML is painted before any of its code is asked for.
test('a lesson is painted before its scripts are requested, and then starts', async ({ page }) => {
	await page.goto(lessonPath(firstLesson));
	await appReady(page);
	const { paint, scripts } = await page.evaluate(() => ({
		// When the first frame was rendered (`paintTime`), not when the screen showed it.
		paint:
			(performance.getEntriesByName('first-paint')[0] as { paintTime?: number } | undefined)
				?.paintTime ?? Infinity,
		scripts: performance
			.getEntriesByType('resource')
			.filter((r) => /\.js$/.test(r.name))
			.map((r) => r.startTime)
	}));
	expect(scripts.length).toBeGreaterThan(0);
	// On a machine too busy to paint within FRAME_TIMEOUT, the timer asks for them then.
	expect(Math.min(...scripts)).toBeGreaterThanOrEqual(Math.min(paint, FRAME_TIMEOUT));
});

test('a page that starts after its first paint still starts where no frame is drawn (a frame out of view)', async ({
	page
}) => {
	await page.addInitScript(() => {
		window.requestAnimationFrame = () => 0;
	});
	// A page that does not wait for first use: it starts after the first paint, or on the timer.
	await page.goto('/settings/');
	await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
});

test("a first visit fetches the lesson's scripts but runs none of them until the learner starts", async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	await page.goto(lessonPath(firstLesson));
	await page.waitForLoadState('networkidle');
	expect(scripts.length, 'fetched after the first paint').toBeGreaterThan(0);
	await expect(page.locator('html')).not.toHaveAttribute('data-app');
	// The page is whole meanwhile: the lesson and its questions, as built.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstLesson.title);
	await expect(page.locator(`#q-${firstLesson.check.questions[0]!.id}`)).toBeVisible();

	await page.mouse.move(20, 20);
	await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
});

test("a keyboard learner's first Tab starts the app, and lands on the skip link", async ({
	page
}) => {
	await page.goto(lessonPath(firstLesson));
	await page.waitForLoadState('networkidle');
	await expect(page.locator('html')).not.toHaveAttribute('data-app');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
});

test('an app that starts when the learner scrolls leaves them where they scrolled to', async ({
	page
}) => {
	// The app has run on this page once (SvelteKit keeps its place in this tab's history) …
	await page.goto(lessonPath(firstLesson));
	await appReady(page);
	// … and the learner reloads it: still a first visit, so the app waits for first use.
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('html')).not.toHaveAttribute('data-app');
	// The page is scrolled down, and the scroll is the first use. (Scrolled from the page, so it
	// has landed before the app starts; a wheel's scroll may land after.)
	await page.evaluate(() => scrollTo(0, 1500));
	// SvelteKit restores a scroll position as it starts, before the app marks itself ready.
	await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
	expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
});

test('what the learner does before the scripts arrive is done once they have, every tick counted', async ({
	page
}) => {
	// A slow connection: no script arrives until the learner has done all of the below.
	let arrive!: () => void;
	const arrived = new Promise<void>((resolve) => (arrive = resolve));
	await page.route('**/*.js', async (route) => {
		await arrived;
		await route.continue();
	});
	await page.goto(lessonPath(firstLesson), { waitUntil: 'domcontentloaded' });
	const tip = page.locator('.tip-button').first();
	const question = firstLesson.check.questions[0]!;
	const option = correctOptions(question)[0]!;
	// A question with several right answers: every box ticked counts, not only the last.
	const several = firstLesson.check.questions.find((q) => q.kind === 'multiple')!;
	const ticks = correctOptions(several);
	expect(ticks.length).toBeGreaterThan(1);
	await tip.click();
	await optionInput(page, question, option).check();
	for (const tick of ticks) await optionInput(page, several, tick).check();
	await expect(page.locator('html'), 'the app was not running yet').not.toHaveAttribute('data-app');
	arrive();

	await expect(tip, 'the definition opens').toHaveAttribute('aria-expanded', 'true', {
		timeout: 15_000
	});
	await expect(page.locator(`#${await tip.getAttribute('aria-controls')}`)).not.toBeEmpty();
	await expect(optionInput(page, question, option)).toBeChecked();
	// The answers reached the session: checking now asks only for the other questions.
	await page.getByRole('button', { name: 'Check answers' }).click({ timeout: 15_000 });
	const summary = page.getByTestId('error-summary');
	await expect(summary).toBeFocused({ timeout: 15_000 });
	await expect(summary.getByRole('link')).toHaveCount(firstLesson.check.questions.length - 2);
	await expect(summary.getByRole('link', { name: /question 1$/ })).toHaveCount(0);
	// What was saved is what was on screen: back on the page, every tick is there.
	await page.unrouteAll();
	await page.reload();
	for (const tick of ticks) await expect(optionInput(page, several, tick)).toBeChecked();
	await expect(optionInput(page, question, option)).toBeChecked();
});

test('a learner who tabs into the questions before the engine arrives keeps their place', async ({
	page
}) => {
	await page.goto(lessonPath(firstLesson));
	await appReady(page);
	await page.waitForLoadState('networkidle');
	const question = firstLesson.check.questions[0]!;
	const inputs = page.locator(`#q-${question.id} input`);
	const labels = () => page.locator(`#q-${question.id} label`).allTextContents();
	const shown = await labels();

	// Focus arriving in the questions is the learner's first use: the engine loads now.
	await inputs.first().focus();
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
	await expect(inputs.first()).toBeFocused();
	expect(await labels(), 'the options stay where the learner saw them').toEqual(shown);
	await page.keyboard.press('ArrowDown');
	await expect(inputs.nth(1)).toBeFocused();
});
