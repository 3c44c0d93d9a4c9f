/**
 * The educators' workshop kit: the facilitator page, present mode and the presenter view,
 * workshop links and their QR codes, and clearing a shared device.
 */
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
	answerAll,
	appReady,
	expect,
	optionInput,
	progressAfter,
	seedProgress,
	test
} from './fixtures';
import { correctOptions, firstLesson, lessonPath, lessons } from './course';
import { serve } from '../scripts/serve.js';

/** Reads a QR code the way a phone does: from its picture on the screen. */
async function decodeQr(code: Locator): Promise<string | null> {
	const png = PNG.sync.read(await code.screenshot());
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const position = (page: Page) => page.getByTestId('position');

test.describe('the facilitator page', () => {
	test('is linked from the footer and the About page, passes axe, and has notes for every lesson', async ({
		page,
		expectAccessible
	}) => {
		await page.goto('/about/');
		await page.getByRole('main').getByRole('link', { name: 'The page for educators' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'For educators: running a workshop'
		);
		await expect(
			page.getByRole('contentinfo').getByRole('link', { name: 'For educators' })
		).toBeVisible();
		for (const lesson of lessons) {
			const section = page.getByRole('region', {
				name: `Lesson ${lesson.number}: ${lesson.title}`
			});
			await expect(section.getByRole('heading', { name: 'Aims' })).toBeVisible();
			await expect(section.getByRole('heading', { name: 'If it comes up' })).toBeVisible();
			await expect(section.getByRole('link', { name: 'Present this lesson' })).toBeVisible();
		}
		await expectAccessible('facilitator');
	});

	test('learners’ pages carry no educator tools: no open-all on the home page, no embed box on a lesson', async ({
		page
	}) => {
		await page.goto('/');
		await appReady(page);
		await expect(page.getByText(/open every lesson/i)).toHaveCount(0);
		await page.goto(lessonPath(firstLesson));
		await expect(page.getByText('Embed this lesson in your own page')).toHaveCount(0);
		await page.getByRole('link', { name: 'Share or embed this lesson' }).click();
		await expect(page.getByText('Embed this lesson in your own page').first()).toBeVisible();
	});
});

test.describe('present mode', () => {
	for (const size of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 }
	]) {
		test(`a whole lesson by keyboard at ${size.width}×${size.height}: every part shown whole, answers revealed, nothing saved`, async ({
			page,
			expectAccessible
		}) => {
			await page.setViewportSize(size);
			await page.goto(`/present/${firstLesson.slug}/`);
			await appReady(page);
			const total = Number((await position(page).textContent())!.match(/of (\d+)/)![1]);
			const questions = firstLesson.check.questions.length;
			expect(total).toBeGreaterThan(questions + 2);
			if (size.width === 1280) await expectAccessible('present: first part');

			for (let part = 1; part <= total; part++) {
				await expect(position(page)).toHaveText(`Part ${part} of ${total}`);
				await expect(page.getByTestId('present-status')).toContainText(`Part ${part} of ${total}`);
				// Nothing cut off: the slide fits the screen, or (a long section) scrolls; never
				// wider than the screen.
				const fits = await page.locator('main').evaluate((stage) => ({
					wide: stage.scrollWidth > stage.clientWidth + 1,
					overflow: getComputedStyle(stage).overflowY
				}));
				expect(fits, `part ${part}`).toEqual({ wide: false, overflow: 'auto' });
				const reveal = page.getByRole('button', { name: 'Reveal the answer' });
				if (part > total - questions) {
					const question = firstLesson.check.questions[part - 1 - (total - questions)]!;
					await expect(page.getByRole('heading', { name: question.prompt })).toBeVisible();
					await reveal.click();
					for (const right of correctOptions(question)) {
						await expect(page.getByRole('main').getByText(right.feedback)).toBeVisible();
					}
					await expect(page.getByRole('main').getByText('Right answer').first()).toBeVisible();
				} else {
					await expect(reveal).toHaveCount(0);
				}
				if (size.width === 1280 && part > 1) {
					await expectAccessible(`present: part ${part}`, { include: 'main' });
				}
				// PageDown and Space move on from a part that fits (the first two); the arrow after.
				await page.keyboard.press(part === 1 ? 'PageDown' : part === 2 ? ' ' : 'ArrowRight');
			}
			// Back, first, last and a number.
			await page.keyboard.press('Home');
			await expect(position(page)).toHaveText(`Part 1 of ${total}`);
			await page.keyboard.press('End');
			await expect(position(page)).toHaveText(`Part ${total} of ${total}`);
			await page.keyboard.press('ArrowLeft');
			await page.keyboard.press('PageUp');
			await expect(position(page)).toHaveText(`Part ${total - 2} of ${total}`);
			// A number goes to its part on Enter only: a digit alone moves nothing (WCAG 2.1.4).
			await page.keyboard.press('3');
			await expect(page.getByText('Go to part 3: press Enter')).toBeVisible();
			await expect(position(page)).toHaveText(`Part ${total - 2} of ${total}`);
			await page.keyboard.press('Enter');
			await expect(position(page)).toHaveText(`Part 3 of ${total}`);
			await page.keyboard.press('1');
			await page.keyboard.press('2');
			await page.keyboard.press('Enter');
			await expect(position(page)).toHaveText(`Part 12 of ${total}`);
			// Nothing was scored or saved.
			expect(
				await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/progress')))
			).toEqual([]);
			// Escape takes back a number being typed; a second Escape leaves.
			await page.keyboard.press('5');
			await page.keyboard.press('Escape');
			await expect(page.getByText('Go to part 5: press Enter')).toHaveCount(0);
			await page.keyboard.press('2');
			await page.keyboard.press('Enter');
			await expect(position(page)).toHaveText(`Part 2 of ${total}`);
			await page.keyboard.press('Escape');
			await expect(page).toHaveURL(/\/facilitator\/#lesson-/);
		});
	}

	test('in the high-contrast theme with reduced motion: a revealed answer passes axe, nothing moves', async ({
		page,
		expectAccessible
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto('/settings/');
		await page.getByRole('radio', { name: 'High contrast' }).check();
		await page.goto(`/present/${firstLesson.slug}/`);
		await appReady(page);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
		await page.keyboard.press('End');
		await page.getByRole('button', { name: 'Reveal the answer' }).click();
		await expect(page.getByRole('main').getByText('Right answer').first()).toBeVisible();
		await expectAccessible('present: high contrast, answer revealed', { include: 'main' });
		await page.keyboard.press('ArrowLeft');
		expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
	});

	test('the first tab stop skips the controls to the slide, where the keys still move it', async ({
		page
	}) => {
		await page.goto(`/present/${firstLesson.slug}/#part-2`);
		await appReady(page);
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Skip to the slide' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main')).toBeFocused();
		// The address still names the part shown, so a reload comes back to it.
		await expect(page).toHaveURL(/#part-2$/);
		await expect(position(page)).toHaveText(/^Part 2 of/);
		await page.keyboard.press('ArrowRight');
		await expect(position(page)).toHaveText(/^Part 3 of/);
	});

	test('focus never falls to the page: Next at the end, Previous at the start, Reveal', async ({
		page
	}) => {
		await page.goto(`/present/${firstLesson.slug}/`);
		await appReady(page);
		const next = page.getByRole('button', { name: 'Next' });
		const previous = page.getByRole('button', { name: 'Previous' });
		await expect(previous).toHaveAttribute('aria-disabled', 'true');
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowLeft');
		await next.focus();
		await page.keyboard.press('Enter');
		const total = Number((await position(page).textContent())!.match(/of (\d+)/)![1]);
		await expect(position(page)).toHaveText(`Part ${total} of ${total}`);
		await expect(next).toHaveAttribute('aria-disabled', 'true');
		await expect(next).toBeFocused();
		// Pressing it there does nothing, and focus stays.
		await page.keyboard.press('Enter');
		await expect(position(page)).toHaveText(`Part ${total} of ${total}`);
		await expect(next).toBeFocused();

		// Reveal, by keyboard: focus moves to the question, whose answers follow it.
		const question = firstLesson.check.questions.at(-1)!;
		await page.getByRole('button', { name: 'Reveal the answer' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { name: question.prompt })).toBeFocused();
		await expect(page.getByRole('main').getByText('Right answer').first()).toBeVisible();

		await page.keyboard.press('Home');
		await previous.focus();
		await page.keyboard.press('Enter');
		await expect(previous).toBeFocused();
		await expect(position(page)).toHaveText(`Part 1 of ${total}`);
	});

	test('a part taller than the screen is read down with PageDown or the arrows before moving on', async ({
		page
	}) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto(`/present/${firstLesson.slug}/`);
		await appReady(page);
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		const stage = page.getByRole('main', { name: 'Slide' });
		await page.keyboard.press('ArrowRight');
		await expect(position(page)).toHaveText(/^Part 2 of/);
		const overflow = () =>
			stage.evaluate((el) => ({ top: el.scrollTop, more: el.scrollHeight - el.clientHeight }));
		await expect.poll(async () => (await overflow()).more).toBeGreaterThan(50);
		// PageDown reads on down the part first, and only at its end moves to the next.
		await page.keyboard.press('PageDown');
		await expect(position(page)).toHaveText(/^Part 2 of/);
		await expect.poll(async () => (await overflow()).top).toBeGreaterThan(0);
		for (let i = 0; i < 20 && (await position(page).textContent())!.startsWith('Part 2 '); i++) {
			await page.keyboard.press('PageDown');
		}
		await expect(position(page)).toHaveText(/^Part 3 of/);
		// The new part starts at its top; the slide itself takes focus, so arrows scroll it.
		expect((await overflow()).top).toBe(0);
		await stage.focus();
		await page.keyboard.press('ArrowDown');
		await expect.poll(async () => (await overflow()).top).toBeGreaterThan(0);
	});

	test('each move is said once: by the status, not again by the page-title announcer', async ({
		page
	}) => {
		await page.goto(`/present/${firstLesson.slug}/`);
		await appReady(page);
		const announcer = page.locator('#svelte-announcer');
		const before = (await announcer.count()) ? await announcer.textContent() : '';
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('present-status')).toContainText(/^Part 3 of/);
		await expect(page).toHaveURL(/#part-3$/);
		expect((await announcer.count()) ? await announcer.textContent() : '').toBe(before);
	});

	test('the presenter view follows the projector, and drives it', async ({ page, context }) => {
		await page.goto(`/present/${firstLesson.slug}/`);
		await appReady(page);
		const [presenter] = await Promise.all([
			context.waitForEvent('page'),
			page.getByRole('button', { name: 'Presenter view' }).click()
		]);
		await appReady(presenter);
		await expect(presenter.getByRole('heading', { level: 1 })).toContainText('Presenter view');
		await expect(presenter.getByTestId('clock')).toHaveText(/^\d\d:\d\d$/);
		await expect(presenter.getByRole('heading', { name: 'Aims' })).toBeVisible();

		// The projector moves on: the presenter follows.
		await page.bringToFront();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(presenter.getByTestId('presenter-now')).toHaveText(/.+/);
		await expect(presenter.getByRole('heading', { name: /^Now: part 3 of/ })).toBeVisible();
		await expect(presenter.getByTestId('presenter-status')).toHaveText(/^Now part 3 of \d+: .+/);

		// The presenter drives the projector.
		await presenter.bringToFront();
		await presenter.getByRole('button', { name: 'Next' }).click();
		await expect(position(page)).toHaveText(/^Part 4 of/);

		// At a question the notes say what it probes, and the presenter reveals its answer.
		const total = Number((await position(page).textContent())!.match(/of (\d+)/)![1]);
		const questions = firstLesson.check.questions;
		const probed = firstLesson.facilitator!.misconceptions[0]!;
		const index = questions.findIndex((q) => q.id === probed.question);
		const part = total - questions.length + index + 1;
		await page.bringToFront();
		for (const digit of String(part)) await page.keyboard.press(digit);
		await page.keyboard.press('Enter');
		await presenter.bringToFront();
		await expect(
			presenter.getByRole('heading', {
				name: `Now: part ${part} of ${total}, Question ${index + 1} of ${questions.length}`
			})
		).toBeVisible();
		await expect(presenter.getByText(probed.belief)).toBeVisible();
		await presenter.getByRole('button', { name: 'Reveal the answer' }).click();
		await expect(
			page.getByRole('main').getByText(correctOptions(questions[index]!)[0]!.feedback)
		).toBeVisible();
		await expect(presenter.getByTestId('presenter-status')).toHaveText('Answer revealed.');
		await expect(presenter.getByRole('heading', { name: /^Now: part/ })).toBeFocused();
	});
});

test.describe('workshop links', () => {
	test('a QR code for chosen lessons reads back as the link; a participant gets just those lessons, gating as chosen, their own progress untouched, under a sub-path', async ({
		page,
		context
	}) => {
		// The site under a sub-path, as on a static host's project page.
		const dir = mkdtempSync(join(tmpdir(), 'ub-workshop-'));
		cpSync('build', dir, { recursive: true });
		const server = await serve({ dir, port: 0, base: '/courses/benzo' });
		try {
			const [, second, , fourth] = lessons;
			// The learner's own progress on this device: lesson 1 passed.
			await seedProgress(page, progressAfter([firstLesson]));
			await page.goto(`${server.url}facilitator/`);
			await appReady(page);
			for (const lesson of lessons) {
				const box = page.getByRole('checkbox', {
					name: `Lesson ${lesson.number}: ${lesson.title}`
				});
				if (lesson !== second && lesson !== fourth) await box.uncheck();
			}
			await page.getByRole('radio', { name: /Open every chosen lesson/ }).check();
			const qr = page.getByTestId('qr-code').first();
			await expect(qr.locator('svg')).toBeVisible();
			const link = await decodeQr(qr);
			expect(link).toBe(
				`${server.url}workshop/#lessons=${second!.slug},${fourth!.slug}&gating=off`
			);
			await expect(page.getByText(link!, { exact: true })).toBeVisible();

			// Paper for the same lessons: handouts and an answer key for just those two.
			const only = `?lessons=${second!.slug},${fourth!.slug}`;
			await expect(page.getByRole('link', { name: 'their answer key' })).toHaveAttribute(
				'href',
				`/courses/benzo/answer-key/${only}`
			);
			const handouts = page.getByRole('link', { name: 'the handouts for these lessons' });
			await expect(handouts).toHaveAttribute('href', `/courses/benzo/handouts/${only}`);
			const paper = await context.newPage();
			await paper.goto(`${server.url}handouts/${only}`);
			await expect(paper.locator('article.handout-lesson h2').filter({ visible: true })).toHaveText(
				[`Lesson 2: ${second!.title}`, `Lesson 4: ${fourth!.title}`]
			);
			await paper.close();

			// The printable sign carries the same link, in words and as a code.
			await page.getByTestId('sign-link').click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Join the workshop');
			expect(await decodeQr(page.getByTestId('qr-code'))).toBe(link);

			// A participant opens the link (a new tab, as from a phone's camera).
			const participant = await context.newPage();
			await participant.goto(link!);
			await expect(participant.getByRole('heading', { level: 1 })).toHaveText('Workshop');
			const items = participant.getByRole('main').getByRole('list').last().getByRole('listitem');
			await expect(items).toHaveCount(2);
			await expect(participant.getByTestId('lesson-status')).toHaveText([
				/Not started/,
				/Not started/
			]);
			// The gate is off: lesson 4's check is open at once.
			await participant.goto(`${server.url}lessons/${fourth!.slug}/`);
			await expect(participant.getByRole('complementary', { name: 'Workshop' })).toBeVisible();
			await expect(participant.getByRole('button', { name: 'Check answers' })).toBeVisible();
			await participant.goto(`${server.url}lessons/${second!.slug}/`);
			await answerAll(participant, second!, 'right');
			await participant.getByRole('button', { name: 'Check answers' }).click();
			await expect(participant.getByRole('heading', { name: /^You passed/ })).toBeVisible();
			// The home page shows the workshop's lessons only.
			await participant.goto(server.url);
			await expect(participant.getByTestId('lesson-status')).toHaveText([/Passed/, /In progress/]);

			// Leaving the workshop: the learner's own course, as it was.
			await participant.getByRole('button', { name: 'Leave the workshop' }).click();
			await expect(participant.getByTestId('lesson-status')).toHaveCount(lessons.length);
			await expect(participant.getByTestId('lesson-status')).toHaveText([
				/Passed/,
				/Not started/,
				/Locked/,
				/Locked/
			]);
		} finally {
			await server.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('with no lesson chosen the status says so, and the code comes back with a choice', async ({
		page
	}) => {
		await page.goto('/facilitator/');
		await appReady(page);
		const status = page.getByTestId('workshop-link-status');
		await expect(status).toHaveAttribute('role', 'status');
		await expect(status).toHaveText('');
		for (const lesson of lessons) {
			await page
				.getByRole('checkbox', { name: `Lesson ${lesson.number}: ${lesson.title}` })
				.uncheck();
		}
		await expect(status).toHaveText('Choose at least one lesson.');
		await expect(page.locator('.workshop-link').getByTestId('qr-code')).toHaveCount(0);
		await page.getByRole('checkbox', { name: `Lesson 1: ${firstLesson.title}` }).check();
		await expect(status).toHaveText('');
		await expect(page.locator('.workshop-link').getByTestId('qr-code')).toBeVisible();
	});

	test('a broken workshop link says what is wrong and where to go', async ({ page }) => {
		await page.goto('/workshop/#lessons=gaba,no-such-lesson');
		await expect(page.getByRole('alert')).toContainText(
			'names a lesson this course does not have: no-such-lesson'
		);
		await expect(page.getByRole('link', { name: 'see the whole course' })).toBeVisible();
		// The title says so too (A11Y.md: an error shown is named in the title).
		await expect(page).toHaveTitle(/^Error: Workshop – /);
		// A corrected link opened in the same tab (only the fragment differs) is read afresh.
		await page.goto('/workshop/#lessons=gaba');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page).toHaveTitle(/^Workshop – /);
		await expect(page.getByTestId('lesson-status')).toHaveCount(1);
		// The page's own anchors (the skip link) are not taken for a new workshop: the skip link
		// moves focus and leaves the address, and its workshop, as they are.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(page.getByRole('main')).toBeFocused();
		await expect(page).toHaveURL(/#lessons=gaba$/);
		await expect(page.getByTestId('lesson-status')).toHaveCount(1);
	});
});

test.describe('clearing a shared device', () => {
	test('clears progress and settings in every tab, and no tab can bring them back', async ({
		context
	}) => {
		const a = await context.newPage();
		await seedProgress(a, progressAfter([firstLesson]));
		await a.goto('/settings/');
		await appReady(a);
		await a.getByRole('radio', { name: 'High contrast' }).check();
		const b = await context.newPage();
		await b.goto(lessonPath(firstLesson));
		await expect(b.getByTestId('check-result')).toBeVisible();
		await expect(b.locator('html')).toHaveAttribute('data-theme', 'contrast');

		await a.bringToFront();
		await a.getByRole('button', { name: 'Clear this device' }).click();
		await expect(a.getByRole('button', { name: 'No, keep everything' })).toBeFocused();
		await a.getByRole('button', { name: 'Yes, clear this device' }).click();
		await expect(
			a.getByRole('status').filter({ hasText: 'This device has been cleared' })
		).toBeVisible();
		await expect(a.locator('html')).not.toHaveAttribute('data-theme', 'contrast');

		// The other tab follows at once …
		await b.bringToFront();
		await expect(b.getByRole('button', { name: 'Check answers' })).toBeVisible();
		await expect(b.locator('html')).not.toHaveAttribute('data-theme', 'contrast');
		// … and whatever it does next cannot bring the old progress back.
		const q = firstLesson.check.questions[0]!;
		await optionInput(b, q, q.options[0]!).check();
		await a.bringToFront();
		await a.goto('/');
		await expect(a.getByTestId('lesson-status').first()).toHaveText(/In progress/);
		await expect(a.getByTestId('lesson-status').nth(1)).toHaveText(/Locked/);
	});

	test('a tab in a workshop that clears the device leaves the workshop and says the device is clear', async ({
		page
	}) => {
		await page.goto('/workshop/#lessons=gaba');
		await expect(page.getByTestId('lesson-status')).toHaveCount(1);
		await page.goto('/clear/');
		await appReady(page);
		await page.getByRole('button', { name: 'Clear this device' }).click();
		await page.getByRole('button', { name: 'Yes, clear this device' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'This device has been cleared' })
		).toBeVisible();
		await expect(page).toHaveURL(/\/clear\/$/);
		// Said once: coming back to the page later does not say it again.
		await page.reload();
		await appReady(page);
		await expect(page.getByText('This device has been cleared')).toHaveCount(0);
		await page.goto('/');
		await expect(page.getByTestId('lesson-status')).toHaveCount(lessons.length);
	});

	test('the page a facilitator shows at the end has the same button', async ({ page }) => {
		await page.goto('/facilitator/');
		const qr = page.getByTestId('qr-code').last();
		await expect(qr.locator('svg')).toBeVisible();
		const link = await decodeQr(qr);
		expect(link).toMatch(/\/clear\/$/);
		await page.goto(link!);
		await expect(page.getByRole('button', { name: 'Clear this device' })).toBeVisible();
	});
});
