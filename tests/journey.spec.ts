import {
	answerAll,
	appReady,
	expect,
	openLesson,
	optionInput,
	passLesson,
	progressAfter,
	questionGroup,
	seedProgress,
	test,
	toTheQuestions
} from './fixtures';
import { correctOptions, firstLesson, lessonPath, lessons, needed, wrongOptions } from './course';

const lesson = firstLesson;
const checkButton = (page: import('@playwright/test').Page) =>
	page.getByRole('button', { name: 'Check answers' });

test.describe('the home page', () => {
	test('lists every lesson in order with its title, summary, minutes and status', async ({
		page
	}) => {
		await page.goto('/');
		const items = page.getByRole('main').getByRole('list').first().getByRole('listitem');
		await expect(items).toHaveCount(lessons.length);
		for (const [i, l] of lessons.entries()) {
			const item = items.nth(i);
			await expect(item.getByRole('heading')).toHaveText(`Lesson ${l.number}: ${l.title}`);
			await expect(item).toContainText(l.summary);
			await expect(item).toContainText(`About ${l.minutes} minutes`);
			await expect(item.getByTestId('lesson-status')).toContainText(
				i === 0 ? 'Not started' : 'Locked'
			);
		}
	});

	test('offers one clear button to start, then to resume where the learner left off', async ({
		page
	}) => {
		await page.goto('/');
		await page.getByRole('link', { name: /^Start the course/ }).click();
		await expect(page).toHaveURL(lessonPath(lesson));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		// The learner starts reading: a lesson is started once it is used (on a first visit its
		// app starts then; src/lib/server/paintFirst.ts).
		await page.mouse.wheel(0, 400);
		await appReady(page);
		await page.getByRole('link', { name: 'Course', exact: true }).click();
		await expect(page.getByRole('link', { name: new RegExp(`^Resume: Lesson 1`) })).toBeVisible();
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/In progress/);
	});
});

test.describe('a knowledge check', () => {
	test.beforeEach(async ({ page }) => openLesson(page, lesson));

	test('shows the prose, then every question as a group with native options and no answer chosen', async ({
		page
	}) => {
		await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
		for (const [i, question] of lesson.check.questions.entries()) {
			const group = questionGroup(page, question);
			await expect(group).toHaveAccessibleName(
				`Question ${i + 1} of ${lesson.check.questions.length} ${question.prompt}`
			);
			await expect(group).toHaveAccessibleDescription(
				question.kind === 'single' ? 'Choose one answer.' : 'Choose all that apply.'
			);
			const role = question.kind === 'single' ? 'radio' : 'checkbox';
			await expect(group.getByRole(role)).toHaveCount(question.options.length);
			for (const input of await group.getByRole(role).all()) await expect(input).not.toBeChecked();
		}
	});

	test('says up front how many right answers pass, from the pass mark', async ({ page }) => {
		const count = lesson.check.questions.length;
		await expect(page.getByRole('region', { name: 'Check your understanding' })).toContainText(
			`${count} questions. Answer them all, then choose "Check answers". You need ${needed(lesson)} right to pass.`
		);
	});

	test('choosing an option never grades it', async ({ page }) => {
		const question = lesson.check.questions[0]!;
		await optionInput(page, question, question.options[0]!).check();
		await page.keyboard.press('ArrowDown');
		await expect(page.getByTestId('check-status')).toHaveText('');
		await expect(page.getByTestId('check-result')).toHaveCount(0);
		await expect(checkButton(page)).toBeVisible();
	});

	test('checking with nothing chosen shows a clear error, focused, named in the title', async ({
		page
	}) => {
		await checkButton(page).click();
		const summary = page.getByTestId('error-summary');
		await expect(summary).toBeFocused();
		await expect(summary).toContainText('There is a problem');
		await expect(summary.getByRole('link')).toHaveCount(lesson.check.questions.length);
		await expect(page).toHaveTitle(/^Error: /);
		const first = lesson.check.questions[0]!;
		await expect(questionGroup(page, first)).toHaveAccessibleDescription(
			/Choose one answer\. Error: Choose an answer for question 1\./
		);
		await summary.getByRole('link', { name: 'Choose an answer for question 1' }).click();
		await expect(optionInput(page, first, first.options[0]!)).toBeFocused();
	});

	test('answering a question clears its error; the rest stay until answered', async ({ page }) => {
		await checkButton(page).click();
		const [first, second] = lesson.check.questions;
		await optionInput(page, first!, first!.options[0]!).check();
		await expect(questionGroup(page, first!)).toHaveAccessibleDescription('Choose one answer.');
		await expect(questionGroup(page, second!)).toHaveAccessibleDescription(/Error:/);
		await answerAll(page, lesson, 'right');
		await expect(page.getByTestId('error-summary')).toHaveCount(0);
		await expect(page).not.toHaveTitle(/^Error: /);
	});

	test('wrong answers: verdicts in words, explanations, the score, focus on the result', async ({
		page
	}) => {
		await answerAll(page, lesson, 'wrong');
		await checkButton(page).click();
		const result = page.getByTestId('check-result');
		await expect(result).toBeFocused();
		const max = lesson.check.questions.length;
		await expect(result.getByRole('heading')).toHaveText(`Not passed yet: 0 out of ${max} right`);
		await expect(result).toContainText(`You need ${needed(lesson)} out of ${max} to pass.`);
		await expect(page.getByTestId('check-status')).toHaveText('Answers checked.');
		for (const question of lesson.check.questions) {
			const review = page.locator(`#review-${question.id}`);
			await expect(review).toContainText('Not quite');
			const wrong = wrongOptions(question)[0]!;
			await expect(review).toContainText(wrong.feedback);
			for (const right of correctOptions(question)) {
				await expect(review).toContainText(right.feedback);
			}
			if (question.kind === 'multiple') {
				// The wrong answer given was one wrong option alone.
				const total = correctOptions(question).length;
				await expect(review).toContainText(
					`You found 0 of the ${total} right answers, and chose 1 that is not right.`
				);
			}
		}
		await expect(result.getByRole('button', { name: 'Try again' })).toBeVisible();
		await expect(result.getByRole('button', { name: 'Review the lesson' })).toBeVisible();
	});

	test('"Review the lesson" takes the learner back to the top of the lesson', async ({ page }) => {
		await answerAll(page, lesson, 'wrong');
		await checkButton(page).click();
		await page.getByRole('button', { name: 'Review the lesson' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
	});

	test('"Try again" clears the answers and reshuffles the options', async ({ page }) => {
		const labels = () =>
			page
				.locator('fieldset')
				.evaluateAll((sets) =>
					sets.map((s) => [...s.querySelectorAll('label')].map((l) => l.textContent).join('|'))
				);
		const before = await labels();
		await answerAll(page, lesson, 'wrong');
		await checkButton(page).click();
		await page.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeFocused();
		const after = await labels();
		expect(after).toHaveLength(before.length);
		for (const [i, order] of after.entries()) expect(order).not.toBe(before[i]);
		await expect(page.locator('fieldset input:checked')).toHaveCount(0);
		await expect(page.getByTestId('check-status')).toContainText('shuffled');
	});

	test('right answers pass the lesson and open the way on', async ({ page }) => {
		await answerAll(page, lesson, 'right');
		await checkButton(page).click();
		const result = page.getByTestId('check-result');
		const max = lesson.check.questions.length;
		await expect(result).toBeFocused();
		await expect(result.getByRole('heading')).toHaveText(`You passed: ${max} out of ${max} right`);
		for (const question of lesson.check.questions) {
			await expect(page.locator(`#review-${question.id}`)).toContainText('Correct');
		}
		const onward = lesson.next
			? result.getByRole('link', { name: /^Next lesson/ })
			: result.getByRole('link', { name: 'See your course summary' });
		await expect(onward).toBeVisible();
	});
});

test.describe('moving on', () => {
	test('an error shown in one lesson does not follow the learner to the next', async ({ page }) => {
		await seedProgress(page, progressAfter([lesson]));
		await page.goto(lessonPath(lesson));
		await page.getByRole('button', { name: 'Answer the questions again' }).click();
		await checkButton(page).click();
		await expect(page.getByTestId('error-summary')).toBeFocused();
		await expect(page).toHaveTitle(/^Error: /);
		await page.getByRole('link', { name: /^Next lesson/ }).click();
		const next = lessons[1]!;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title);
		await expect(checkButton(page)).toBeVisible();
		await expect(page.getByTestId('error-summary')).toHaveCount(0);
		await expect(page.locator('fieldset.has-error')).toHaveCount(0);
		await expect(page).toHaveTitle(new RegExp(`^Lesson ${next.number}: `));
		// And back: the first lesson has forgotten it too (it was left, not answered).
		await page.goBack();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await expect(page.getByTestId('error-summary')).toHaveCount(0);
		await expect(page).not.toHaveTitle(/^Error: /);
	});

	test('a double click on "Check answers" grades once and does not move the learner on', async ({
		page
	}) => {
		await openLesson(page, lesson);
		await answerAll(page, lesson, 'right');
		const url = page.url();
		await checkButton(page).dblclick();
		const result = page.getByTestId('check-result');
		await expect(result.getByRole('heading')).toHaveText(/^You passed/);
		expect(page.url()).toBe(url);
		// The page settles where it was, and the next lesson is still one deliberate click away.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await result.getByRole('link', { name: /^Next lesson/ }).click();
		await expect(page).not.toHaveURL(url);
	});
});

test.describe('progress on this device', () => {
	test('answers and results survive a reload and Back/Forward', async ({ page }) => {
		await openLesson(page, lesson);
		const question = lesson.check.questions[0]!;
		const option = question.options[1]!;
		await optionInput(page, question, option).check();
		await page.reload();
		await expect(optionInput(page, question, option)).toBeChecked();

		await page.getByRole('link', { name: 'Course', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Understanding benzodiazepines'
		);
		await page.goBack();
		await expect(optionInput(page, question, option)).toBeChecked();

		await answerAll(page, lesson, 'right');
		await checkButton(page).click();
		await page.reload();
		await expect(page.getByTestId('check-result').getByRole('heading')).toHaveText(/^You passed/);
		const home = page.getByRole('heading', { level: 1, name: 'Understanding benzodiazepines' });
		await page.getByRole('link', { name: 'Course', exact: true }).click();
		await expect(home).toBeVisible();
		await page.goBack();
		await expect(page.getByTestId('check-result')).toBeVisible();
		await page.goForward();
		await expect(home).toBeVisible();
		await page.goBack();
		await expect(page.getByTestId('check-result')).toBeVisible();
	});

	test('progress survives closing the tab', async ({ page, context }) => {
		await passLesson(page, lesson);
		await page.close();
		const again = await context.newPage();
		await again.goto('/');
		await expect(again.getByTestId('lesson-status').first()).toHaveText(/Passed/);
	});

	test('"Start over" asks first, then clears everything and says so', async ({ page }) => {
		await passLesson(page, lesson);
		await page.goto('/');
		// The button shows before the page's code is running; a click then would do nothing.
		await appReady(page);
		await page.getByRole('button', { name: 'Start over' }).click();
		const dialog = page.getByRole('dialog', { name: 'Start over?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'No, keep my progress' }).click();
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Passed/);

		await page.getByRole('button', { name: 'Start over' }).click();
		await dialog.getByRole('button', { name: 'Yes, clear my progress' }).click();
		await expect(dialog).toBeHidden();
		await expect(
			page.getByRole('status').filter({ hasText: 'progress has been cleared' })
		).toBeVisible();
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Not started/);
		await page.reload();
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Not started/);
	});
});

test.describe('the mastery gate', () => {
	test('the next lesson can be read but its check opens only after a pass', async ({ page }) => {
		const second = lessons[1]!;
		await page.goto(lessonPath(second));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
		await toTheQuestions(page);
		await expect(page.getByText(/These questions open after you pass/)).toBeVisible();
		await expect(checkButton(page)).toHaveCount(0);
		await passLesson(page, lesson);
		await page
			.getByTestId('check-result')
			.getByRole('link', { name: /^Next lesson/ })
			.click();
		await expect(checkButton(page)).toBeVisible();
	});
});

test.describe('the end of the course', () => {
	test('after every lesson is passed, a summary shows scores and take-aways', async ({ page }) => {
		await page.goto('/complete/');
		await expect(page.getByText(/You have passed 0 of/)).toBeVisible();
		// Every lesson but the last passed already (made with the machine); the last one by hand.
		await seedProgress(page, progressAfter(lessons.slice(0, -1)));
		await passLesson(page, lessons.at(-1)!);
		await page.getByRole('link', { name: 'See your course summary' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Course summary');
		await expect(page.getByText('You have finished the course')).toBeVisible();
		for (const l of lessons) {
			const max = l.check.questions.length;
			await expect(page.getByRole('row', { name: new RegExp(l.title) })).toContainText(
				`${max} out of ${max}`
			);
			for (const takeaway of l.takeaways) await expect(page.getByText(takeaway)).toBeVisible();
			await expect(
				page.getByRole('link', { name: `Review lesson ${l.number}: ${l.title}` })
			).toBeVisible();
		}
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'See your course summary' })).toBeVisible();
	});
});

test.describe('for educators', () => {
	test('"Open every lesson" opens every check at once, on this device', async ({ page }) => {
		await page.goto('/');
		await appReady(page);
		await expect(page.getByTestId('lesson-status').nth(1)).toHaveText(/Locked/);
		await page.goto('/facilitator/');
		await appReady(page);
		await page.getByText('For educators: open every lesson').click();
		await page.getByRole('button', { name: "Open every lesson's questions" }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Every lesson is open on this device.' })
		).toBeVisible();
		// The button is gone: focus is back on the summary, not on the page.
		await expect(page.getByText('For educators: open every lesson')).toBeFocused();
		await page.goto('/');
		await appReady(page);
		for (const status of await page.getByTestId('lesson-status').all()) {
			await expect(status).not.toHaveText(/Locked/);
		}
		await page.goto(lessonPath(lessons.at(-1)!));
		await expect(checkButton(page)).toBeVisible();
	});
});
