/**
 * A first visit to a lesson is light until the learner starts using it (src/lib/course/firstUse.ts):
 * the course engine loads then, nothing done before it arrives is lost, and a return visit, which
 * has progress to show, starts at once.
 */
import { appReady, expect, optionInput, test } from './fixtures';
import { correctOptions, firstLesson, lessonPath } from './course';

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
	expect(Math.min(...scripts)).toBeGreaterThanOrEqual(paint);
});

test('a page still starts where no frame is ever drawn (a frame out of view)', async ({ page }) => {
	await page.addInitScript(() => {
		window.requestAnimationFrame = () => 0;
	});
	await page.goto(lessonPath(firstLesson));
	await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
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
