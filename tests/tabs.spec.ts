/**
 * Two tabs of the site open at once (two pages of one browser context, sharing storage): every
 * change in one reaches the other, and no tab writes older progress over newer.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
	answerAll,
	appReady,
	expect,
	optionInput,
	passLesson,
	test,
	toTheQuestions
} from './fixtures';
import { firstLesson, lessonPath, lessons, wrongOptions } from './course';

async function twoTabs(context: BrowserContext, path: string): Promise<[Page, Page]> {
	const a = await context.newPage();
	const b = await context.newPage();
	for (const tab of [b, a]) {
		await tab.goto(path);
		await appReady(tab);
	}
	return [a, b];
}

const status = (page: Page, n: number) => page.getByTestId('lesson-status').nth(n);

/**
 * The learner switches to this tab. A tab in the background gets no animation frames, and
 * Playwright waits on frames before it clicks, so acting in a background tab crawls.
 */
async function switchTo(tab: Page): Promise<Page> {
	await tab.bringToFront();
	return tab;
}

test('a pass in one tab is kept when the learner goes on in another tab', async ({ context }) => {
	const [a, b] = await twoTabs(context, lessonPath(firstLesson));
	await passLesson(await switchTo(a), firstLesson);
	// Tab B, opened before the pass, shows it without a reload …
	await switchTo(b);
	await expect(b.getByTestId('check-result').getByRole('heading')).toHaveText(/^You passed/);
	// … and whatever B does next keeps it.
	await b.getByRole('button', { name: 'Answer the questions again' }).click();
	const q = firstLesson.check.questions[0]!;
	await optionInput(b, q, q.options[0]!).check();
	await b.getByRole('link', { name: 'Understanding benzodiazepines' }).click();
	for (const tab of [a, b]) {
		await (await switchTo(tab)).goto('/');
		await expect(status(tab, 0)).toHaveText(/Passed/);
		await expect(status(tab, 1)).toHaveText(/Not started/);
	}
});

test('"Start over" in one tab sticks: the other tab follows and cannot bring the old progress back', async ({
	context
}) => {
	const [a, b] = await twoTabs(context, lessonPath(firstLesson));
	await passLesson(await switchTo(a), firstLesson);
	await a.goto('/');
	await appReady(a);
	await a.getByRole('button', { name: 'Start over' }).click();
	await a.getByRole('button', { name: 'Yes, clear my progress' }).click();
	await expect(status(a, 0)).toHaveText(/Not started/);
	await switchTo(b);
	await expect(
		b.getByRole('status').filter({ hasText: 'cleared in another tab or window' })
	).toBeVisible();
	await expect(b.getByRole('button', { name: 'Check answers' })).toBeVisible();
	const q = firstLesson.check.questions[0]!;
	await optionInput(b, q, q.options[1]!).check();
	await (await switchTo(a)).reload();
	await expect(status(a, 0)).toHaveText(/In progress/);
	await expect(status(a, 1)).toHaveText(/Locked/);
});

test('a lesson read ahead in another tab opens as soon as the one before is passed', async ({
	context
}) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await b.goto(lessonPath(lessons[1]!));
	await toTheQuestions(b);
	await expect(b.getByText(/These questions open after you pass/)).toBeVisible();
	await passLesson(await switchTo(a), firstLesson);
	await switchTo(b);
	await expect(b.getByRole('button', { name: 'Check answers' })).toBeVisible();
});

test('display settings chosen in one tab apply in the other at once', async ({ context }) => {
	const [a, b] = await twoTabs(context, '/settings/');
	await (await switchTo(a)).getByRole('radio', { name: 'High contrast' }).check();
	await expect(b.locator('html')).toHaveAttribute('data-theme', 'contrast');
	await expect(b.getByRole('radio', { name: 'High contrast' })).toBeChecked();
});

test('answers chosen in one tab appear in the other, and a check graded in one is graded in both', async ({
	context
}) => {
	const [a, b] = await twoTabs(context, lessonPath(firstLesson));
	await answerAll(await switchTo(a), firstLesson, 'wrong');
	await switchTo(b);
	for (const question of firstLesson.check.questions) {
		await expect(optionInput(b, question, wrongOptions(question)[0]!)).toBeChecked();
	}
	await b.getByRole('button', { name: 'Check answers' }).click();
	const max = firstLesson.check.questions.length;
	for (const tab of [b, a]) {
		await switchTo(tab);
		await expect(tab.getByTestId('check-result').getByRole('heading')).toHaveText(
			`Not passed yet: 0 out of ${max} right`
		);
	}
});
