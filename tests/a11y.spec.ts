/**
 * axe (WCAG 2.0–2.2 A/AA plus best-practice) on every page and on every state of a knowledge
 * check, and the structural checks axe does not make.
 */
import {
	answerAll,
	appReady,
	expect,
	expectStrictPolicy,
	openLesson,
	progressAfter,
	recordViolations,
	seedProgress,
	test,
	toTheQuestions
} from './fixtures';
import { firstLesson, lessonPath, lessons } from './course';
import { pages } from './pages';

test.describe('every page', () => {
	for (const path of pages) {
		test(`${path} passes axe, has one h1, no skipped heading levels, lang, a title, help in the banner, and runs under the strict CSP`, async ({
			page,
			expectAccessible
		}) => {
			const violations = await recordViolations(page);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expectAccessible(path);
			const levels = await page
				.getByRole('heading')
				.evaluateAll((hs) =>
					hs.map((h) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)))
				);
			expect(levels.filter((l) => l === 1)).toHaveLength(1);
			for (let i = 1; i < levels.length; i++)
				expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
			await expect(page).toHaveTitle(/\S.* – Understanding benzodiazepines$/);
			// The "Get help now" link is in the banner, in the same place, on every page.
			const links = page.getByRole('banner').getByRole('link');
			await expect(links.last()).toHaveText('Get help now');
			await expect(links).toHaveCount(4);
			await expectStrictPolicy(page);
			expect(violations).toEqual([]);
		});
	}

	test('titles differ from page to page', async ({ request }) => {
		const titles = new Set<string>();
		for (const path of pages) {
			const html = await (await request.get(path)).text();
			titles.add(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
		}
		expect(titles.size).toBe(pages.length);
	});
});

/** The rules whose verdict a change of colours alone can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

test.describe('every theme', () => {
	for (const theme of ['dark', 'contrast'] as const) {
		test(`the ${theme} theme passes axe (contrast included) on the main pages and a graded check`, async ({
			page,
			expectAccessible
		}) => {
			await page.goto('/settings/');
			await appReady(page);
			await page.evaluate((t) => {
				localStorage.setItem(
					'understanding-benzodiazepines/settings',
					JSON.stringify({ theme: t })
				);
			}, theme);
			// A theme changes colours only: the pages were scanned whole in the default theme, so
			// here the colour rules run.
			for (const path of ['/', lessonPath(firstLesson), '/help/', '/settings/']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				await expectAccessible(`${theme}: ${path}`, { rules: COLOUR_RULES });
			}
			await openLesson(page, firstLesson);
			await answerAll(page, firstLesson, 'wrong');
			await page.getByRole('button', { name: 'Check answers' }).click();
			await expect(page.getByTestId('check-result')).toBeVisible();
			await expectAccessible(`${theme}: graded wrong`, { include: '.check', rules: COLOUR_RULES });
		});
	}

	test('the device asking for more contrast gets the high-contrast colours', async ({ page }) => {
		await page.emulateMedia({ contrast: 'more', colorScheme: 'light' });
		await page.goto('/');
		expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
	});
});

test.describe('every state of a knowledge check', () => {
	const check = (page: import('@playwright/test').Page) =>
		page.getByRole('button', { name: 'Check answers' });

	test('unanswered, error, graded wrong, graded right and passed all pass axe', async ({
		page,
		expectAccessible
	}) => {
		// The lesson page is scanned whole once (above, and here unanswered); after that only the
		// check changes, so only the check is scanned.
		await openLesson(page, firstLesson);
		await expectAccessible('unanswered', { include: '.check' });

		await check(page).click();
		await expect(page.getByTestId('error-summary')).toBeFocused();
		await expectAccessible('error', { include: '.check' });

		await answerAll(page, firstLesson, 'wrong');
		await check(page).click();
		await expect(page.getByRole('heading', { name: /^Not passed yet/ })).toBeVisible();
		// The review is drawn a frame after the result: scan it too.
		await expect(page.getByTestId('check-review')).toBeVisible();
		await expectAccessible('graded wrong', { include: '.check' });

		await page.getByRole('button', { name: 'Try again' }).click();
		await expectAccessible('after try again', { include: '.check' });

		await answerAll(page, firstLesson, 'right');
		await check(page).click();
		await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
		await expect(page.getByTestId('check-review')).toBeVisible();
		await expectAccessible('graded right, lesson passed', { include: '.check' });
	});

	test('a locked check, the course summary and the cleared notice pass axe', async ({
		page,
		expectAccessible
	}) => {
		await page.goto(lessonPath(lessons[1]!));
		await toTheQuestions(page);
		await expect(page.getByText(/These questions open after you pass/)).toBeVisible();
		await expectAccessible('locked check', { include: '.check' });
		await seedProgress(page, progressAfter(lessons));
		await page.goto('/complete/');
		await expect(page.getByText('You have finished the course')).toBeVisible();
		await expectAccessible('course complete', { include: 'main' });

		await page.getByRole('button', { name: 'Start over' }).click();
		await expectAccessible('start-over dialog open', { include: 'dialog' });
		await page.getByRole('button', { name: 'Yes, clear my progress' }).click();
		await expect(page.getByText('Your progress has been cleared')).toBeVisible();
		await expectAccessible('progress cleared notice', { include: '.notice-region' });
	});

	test('the check in each state, as a screen reader meets it (aria snapshot)', async ({ page }) => {
		await openLesson(page, firstLesson);
		const q = firstLesson.check.questions[0]!;
		const total = firstLesson.check.questions.length;
		const group = page.getByRole('group', { name: new RegExp(q.prompt.replace(/[?]/g, '\\?')) });
		await expect(group).toMatchAriaSnapshot(`
			- group "Question 1 of ${total} ${q.prompt}":
			  - text: Question 1 of ${total} ${q.prompt}
			  - paragraph: Choose one answer.
			${q.options.map((o) => `  - radio "${o.text}"\n			  - text: ${o.text}`).join('\n			')}
		`);

		await check(page).click();
		await expect(group).toMatchAriaSnapshot(`
			- group "Question 1 of ${total} ${q.prompt}":
			  - text: Question 1 of ${total} ${q.prompt}
			  - paragraph: Choose one answer.
			  - paragraph: "Error: Choose an answer for question 1."
			${q.options.map((o) => `  - radio "${o.text}"\n			  - text: ${o.text}`).join('\n			')}
		`);

		await answerAll(page, firstLesson, 'right');
		await check(page).click();
		await expect(page.getByTestId('check-result')).toMatchAriaSnapshot(`
			- region /^You passed. ${total} out of ${total} right$/:
			  - heading /^You passed. ${total} out of ${total} right$/ [level=3]
			  - paragraph: /Well done/
			  - link /^(Next lesson|See your course summary)/
			  - button "Review the lesson"
			  - button "Answer the questions again"
		`);
	});

	test('a failed check, as a screen reader meets it (aria snapshot)', async ({ page }) => {
		await openLesson(page, firstLesson);
		const total = firstLesson.check.questions.length;
		await answerAll(page, firstLesson, 'wrong');
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByTestId('check-result')).toMatchAriaSnapshot(`
			- region /^Not passed yet. 0 out of ${total} right$/:
			  - heading /^Not passed yet. 0 out of ${total} right$/ [level=3]
			  - paragraph: /You need \\d+ out of ${total} to pass/
			  - button "Try again"
			  - button "Review the lesson"
		`);
		const q = firstLesson.check.questions[0]!;
		await expect(page.locator(`#review-${q.id} .verdict`)).toMatchAriaSnapshot(`
			- paragraph:
			  - strong: Not quite
		`);
	});

	test('the live region exists from the start, empty, and is the same node after grading', async ({
		page
	}) => {
		await openLesson(page, firstLesson);
		const status = page.getByTestId('check-status');
		await expect(status).toHaveAttribute('role', 'status');
		await expect(status).toHaveText('');
		const node = await status.elementHandle();
		await answerAll(page, firstLesson, 'right');
		await check(page).click();
		await expect(status).toHaveText('Answers checked.');
		expect(await node!.evaluate((n) => n.isConnected)).toBe(true);
	});

	test('no time limit: the result stays put half an hour later', async ({ page }) => {
		await page.clock.install();
		await openLesson(page, firstLesson);
		await answerAll(page, firstLesson, 'wrong');
		await check(page).click();
		const url = page.url();
		await page.clock.fastForward('30:00');
		await expect(page.getByTestId('check-result')).toBeVisible();
		expect(page.url()).toBe(url);
		await expect(page.getByRole('timer')).toHaveCount(0);
	});
});
