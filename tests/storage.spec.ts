/** Saved progress that cannot be used, and storage that refuses: clear words, never a crash. */
import type { Page } from '@playwright/test';
import {
	answerAll,
	expect,
	gotoReady,
	openLesson,
	progressAfter,
	seedProgress,
	test
} from './fixtures';
import { firstLesson, lessons } from './course';
import { STORAGE_KEY as KEY } from '../src/lib/course/persistence';
import { checkKey } from '../src/lib/course/scoring';
import { correctOptions } from './course';

test.describe('saved progress that cannot be read at all', () => {
	const cases: [name: string, value: string, message: RegExp][] = [
		['text that is not JSON', '{"format":2,"less', /could not be read/],
		['an empty object', '{}', /could not be read/],
		['a save format from a newer version', '{"format":9,"lessons":{}}', /different version/],
		['a version number the site never wrote', '{"version":0,"snapshot":{}}', /different version/]
	];
	for (const [name, value, message] of cases) {
		test(`${name}: starts fresh with a visible notice, and no error`, async ({ page }) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.addInitScript(([k, v]) => localStorage.setItem(k!, v!), [KEY, value]);
			await page.goto('/');
			await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
			await expect(page.getByTestId('lesson-status').first()).toHaveText(/Not started/);
			await page.getByRole('button', { name: 'Dismiss this message' }).click();
			await expect(page.getByRole('status').filter({ hasText: message })).toHaveCount(0);
			expect(errors).toEqual([]);
		});
	}
});

test.describe('saved progress that partly fits', () => {
	test('a lesson whose questions changed starts fresh, is named, and the others keep their pass', async ({
		page
	}) => {
		const saved = progressAfter(lessons.slice(0, 2));
		saved.lessons[lessons[1]!.slug]!.version = 'an-older-check';
		await seedProgress(page, saved);
		await page.goto('/');
		await expect(
			page.getByRole('status').filter({ hasText: /questions in lesson 2 have changed/ })
		).toBeVisible();
		const statuses = page.getByTestId('lesson-status');
		await expect(statuses.nth(0)).toHaveText(/Passed/);
		await expect(statuses.nth(1)).toHaveText(/Not started/);
		// Said once: the dropped lesson is dropped from storage too.
		await page.reload();
		await expect(statuses.nth(0)).toHaveText(/Passed/);
		await expect(page.getByRole('status').filter({ hasText: /have changed/ })).toHaveCount(0);
	});

	test('an impossible score is not shown as truth: that lesson starts fresh, named', async ({
		page
	}) => {
		const saved = progressAfter(lessons.slice(0, 2));
		saved.lessons[firstLesson.slug]!.bestScore = 999999;
		await seedProgress(page, saved);
		await page.goto('/');
		await expect(
			page.getByRole('status').filter({ hasText: /progress in lesson 1 could not be read/ })
		).toBeVisible();
		await expect(page.getByText(/999999/)).toHaveCount(0);
		await expect(page.getByTestId('lesson-status').nth(1)).toHaveText(/Passed/);
	});

	test('progress saved by the first version of the site (XState snapshots) carries over', async ({
		page
	}) => {
		const lesson = firstLesson;
		const answers = Object.fromEntries(
			lesson.check.questions.map((q) => [q.id, correctOptions(q).map((o) => o.id)])
		);
		const order = Object.fromEntries(
			lesson.check.questions.map((q) => [q.id, q.options.map((o) => o.id)])
		);
		const max = lesson.check.questions.length;
		const formatOne = {
			version: 1,
			snapshot: {
				status: 'active',
				value: { lesson: 'graded' },
				historyValue: {},
				children: {},
				context: {
					course: {
						lessons: lessons.map((l) => ({ slug: l.slug, ...checkKey(l.check) }))
					},
					current: lesson.slug,
					openAll: false,
					progress: {
						[lesson.slug]: {
							visited: true,
							answers,
							order,
							attempts: 1,
							result: { score: max, max, passed: true, correct: Object.keys(answers) },
							bestScore: max,
							passed: true
						}
					}
				}
			}
		};
		await page.addInitScript(
			([k, v]) => localStorage.setItem(k!, v!),
			[KEY, JSON.stringify(formatOne)]
		);
		await page.goto('/');
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Passed/);
		await expect(page.getByRole('status').filter({ hasText: /./ })).toHaveCount(0);
	});
});

/** A browser whose localStorage throws on every use (some private modes, blocked cookies). */
async function refuseStorage(page: Page) {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			}
		});
	});
}

test.describe('storage that refuses', () => {
	test('when localStorage throws, the check still works and the page says progress is not kept', async ({
		page
	}) => {
		await refuseStorage(page);
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await openLesson(page, firstLesson);
		await expect(page.getByText(/not letting the page save your progress/)).toBeVisible();
		await answerAll(page, firstLesson, 'right');
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
		expect(errors).toEqual([]);
	});

	test('"Clear this device" on a browser that refuses storage clears, and still says progress is not kept', async ({
		page
	}) => {
		await refuseStorage(page);
		await gotoReady(page, '/clear/');
		const warning = page.getByText(/not letting the page save your progress/);
		await expect(warning).toBeVisible();
		await page.getByRole('button', { name: 'Clear this device' }).click();
		await page.getByRole('button', { name: 'Yes, clear this device' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'This device has been cleared' })
		).toBeVisible();
		await expect(warning).toBeVisible();
	});

	test('when saving starts failing mid-session, the page says so, keeps trying, and keeps the pass once it can', async ({
		page
	}) => {
		await page.clock.install();
		await openLesson(page, firstLesson);
		await page.evaluate(() => {
			const setItem = Storage.prototype.setItem;
			(window as unknown as { restoreStorage: () => void }).restoreStorage = () =>
				(Storage.prototype.setItem = setItem);
			Storage.prototype.setItem = () => {
				throw new DOMException('Quota exceeded', 'QuotaExceededError');
			};
		});
		await answerAll(page, firstLesson, 'right');
		const notice = page.getByRole('status').filter({ hasText: /not being saved at the moment/ });
		await expect(notice).toBeVisible();
		await page.getByRole('button', { name: 'Check answers' }).click();
		await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
		await page.evaluate(() =>
			(window as unknown as { restoreStorage: () => void }).restoreStorage()
		);
		await page.clock.runFor(5000);
		await expect(
			page.getByRole('status').filter({ hasText: 'Your progress is being saved again.' })
		).toBeVisible();
		await page.goto('/');
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Passed/);
	});
});
