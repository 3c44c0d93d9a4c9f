/**
 * Keyboard only: Tab, Shift+Tab, Space, Enter and arrows — no clicks. A learner who cannot use
 * a mouse must get from the home page through a lesson and its check.
 */
import type { Locator, Page } from '@playwright/test';
import { appReady, expect, optionInput, questionGroup, test } from './fixtures';
import { correctOptions, firstLesson, lessons } from './course';
import type { Lesson } from '../src/lib/course/types';

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 150) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** Answers every question right using only Tab, arrows and Space. */
async function answerByKeyboard(page: Page, lesson: Lesson) {
	for (const question of lesson.check.questions) {
		const group = questionGroup(page, question);
		if (question.kind === 'single') {
			const first = optionInput(page, question, question.options[0]!);
			await tabTo(page, first, 400);
			await page.keyboard.press('Space');
			const target = question.options.indexOf(correctOptions(question)[0]!);
			for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
			await expect(optionInput(page, question, question.options[target]!)).toBeChecked();
		} else {
			for (const option of question.options) {
				const box = optionInput(page, question, option);
				await tabTo(page, box, 400);
				if (correctOptions(question).includes(option)) await page.keyboard.press('Space');
			}
			for (const option of question.options) {
				const box = optionInput(page, question, option);
				await (correctOptions(question).includes(option)
					? expect(box).toBeChecked()
					: expect(box).not.toBeChecked());
			}
		}
		await expect(group).toBeVisible();
	}
}

test('nothing takes focus on load, and the skip link is the first tab stop', async ({ page }) => {
	await page.goto('/');
	expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('BODY');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
});

test('the whole course, home page to course summary, by keyboard alone', async ({ page }) => {
	// The one walk through every lesson in the suite: hundreds of key presses.
	test.setTimeout(90_000);
	await page.goto('/');
	// Once the app runs, so the navigations below are the client-side ones this test is about.
	await appReady(page);
	await tabTo(page, page.getByRole('link', { name: /^Start the course/ }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstLesson.title);

	// After a client-side navigation focus starts over at the top: the skip link comes first.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

	for (const lesson of lessons) {
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		// "Jump to the questions": a few Tab presses from the top, and one more to the first answer.
		await tabTo(page, page.getByRole('link', { name: 'Jump to the questions' }), 10);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeFocused();
		const q1 = lesson.check.questions[0]!;
		const check = page.getByRole('button', { name: 'Check answers' });

		if (lesson === firstLesson) {
			// An empty check: the error summary takes focus and links to the question.
			await tabTo(page, check, 400);
			await page.keyboard.press('Enter');
			await expect(page.getByTestId('error-summary')).toBeFocused();
			await page.keyboard.press('Tab');
			await page.keyboard.press('Enter');
			await expect(optionInput(page, q1, q1.options[0]!)).toBeFocused();
			await page.keyboard.press('Shift+Tab');
		} else {
			await page.keyboard.press('Tab');
			await expect(optionInput(page, q1, q1.options[0]!)).toBeFocused();
			await page.keyboard.press('Shift+Tab');
		}

		await answerByKeyboard(page, lesson);
		await tabTo(page, check, 400);
		await page.keyboard.press('Enter');
		const result = page.getByTestId('check-result');
		await expect(result).toBeFocused();
		await expect(result.getByRole('heading')).toHaveText(/^You passed/);
		const onward = result.getByRole('link', { name: /^(Next lesson|See your course summary)/ });
		await tabTo(page, onward, 5);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course summary');
	await expect(page.getByText('You have finished the course')).toBeVisible();
});

test('a glossary term opens its definition with the keyboard and Escape closes it', async ({
	page
}) => {
	await page.goto(`/lessons/${firstLesson.slug}/`);
	const tip = page.getByRole('button', { name: /^What does “GABA” mean\?/ });
	await tabTo(page, tip);
	await expect(tip).toHaveAttribute('aria-expanded', 'false');
	await page.keyboard.press('Enter');
	await expect(tip).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByRole('status').getByText(/^GABA: The brain's main calming/)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(tip).toHaveAttribute('aria-expanded', 'false');
	await expect(tip).toBeFocused();
});

test('"Start over" opens on the safe choice, Escape cancels, and confirming never drops focus to <body>', async ({
	page
}) => {
	await page.goto('/complete/');
	await page.goto('/');
	await appReady(page);
	const startOver = page.getByRole('button', { name: 'Start over' });
	await tabTo(page, startOver);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'No, keep my progress' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
	await expect(startOver).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Yes, clear my progress' })).toBeFocused();
	await page.keyboard.press('Enter');
	expect(await page.evaluate(() => document.activeElement?.nodeName)).not.toBe('BODY');
	const dismiss = page.getByRole('button', { name: 'Dismiss this message' });
	await dismiss.focus();
	await page.keyboard.press('Enter');
	await expect(dismiss).toHaveCount(0);
	expect(await page.evaluate(() => document.activeElement?.nodeName)).not.toBe('BODY');
});

test('the home page tab order follows the reading order (WCAG 2.4.3)', async ({ page }) => {
	await page.goto('/');
	await appReady(page);
	const stops: string[] = [];
	for (let i = 0; i < 11; i++) {
		await page.keyboard.press('Tab');
		stops.push(
			await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				return (el.getAttribute('aria-label') ?? el.innerText).replace(/\s+/g, ' ').trim();
			})
		);
	}
	expect(stops).toEqual([
		'Skip to main content',
		'Understanding benzodiazepines',
		'Course',
		'Display settings',
		'Get help now',
		`Start the course: ${`Lesson 1: ${lessons[0]!.title}`}`,
		'find urgent help',
		...lessons.map((l) => `Lesson ${l.number}: ${l.title}`)
	]);
});
