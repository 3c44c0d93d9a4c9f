/** Saved progress that cannot be used, and storage that refuses: clear words, never a crash. */
import { answerAll, expect, openLesson, passLesson, test } from './fixtures';
import { firstLesson } from './course';

const KEY = 'understanding-benzodiazepines/progress';

test.describe('saved progress that no longer fits', () => {
	const cases: [name: string, value: string, message: RegExp][] = [
		['text that is not JSON', '{"version":1,"snap', /could not be read/],
		['an empty object', '{}', /could not be read/],
		['another version of the save format', '{"version":0,"snapshot":{}}', /different version/],
		[
			'a state the course does not have',
			JSON.stringify({ version: 1, snapshot: { status: 'active', value: 'exam', context: {} } }),
			/could not be read/
		]
	];
	for (const [name, value, message] of cases) {
		test(`${name}: starts fresh with a visible notice`, async ({ page }) => {
			await page.goto('/');
			// Wait until this page has read storage, or it could read (and clear) the bad value first.
			await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
			await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, value]);
			await page.reload();
			await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
			await expect(page.getByTestId('lesson-status').first()).toHaveText(/Not started/);
			await page.getByRole('button', { name: 'Dismiss this message' }).click();
			await expect(page.getByRole('status').filter({ hasText: message })).toHaveCount(0);
		});
	}

	test('progress from an older course (a question removed) starts fresh with a notice', async ({
		page
	}) => {
		await passLesson(page, firstLesson);
		await page.evaluate((k) => {
			const saved = JSON.parse(localStorage.getItem(k)!);
			saved.snapshot.context.course.lessons[0].questions.pop();
			localStorage.setItem(k, JSON.stringify(saved));
		}, KEY);
		await page.goto('/');
		await expect(page.getByText(/lessons have changed since your last visit/)).toBeVisible();
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Not started/);
	});
});

test.describe('storage that refuses', () => {
	test('when localStorage throws, the check still works and the page says progress is not kept', async ({
		page
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				}
			});
		});
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await openLesson(page, firstLesson);
		await expect(page.getByText(/not letting the page save your progress/)).toBeVisible();
		await answerAll(page, firstLesson, 'right');
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
		expect(errors).toEqual([]);
	});

	test('when saving fails mid-session (storage full), progress carries on in memory with a notice', async ({
		page
	}) => {
		await openLesson(page, firstLesson);
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('Quota exceeded', 'QuotaExceededError');
			};
		});
		await answerAll(page, firstLesson, 'right');
		await expect(page.getByText(/not letting the page save your progress/)).toBeVisible();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
	});
});
