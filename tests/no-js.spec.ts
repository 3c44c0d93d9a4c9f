/** With JavaScript off (or failed to load), every lesson is still there to read. */
import { expect, test } from '@playwright/test';
import { lessonPath, lessons } from './course';

test('the home page lists the lessons and links to the first', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.getByRole('link', { name: /^Start the course/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessons[0]!.title);
});

for (const lesson of lessons) {
	test(`lesson ${lesson.number} can be read in full, with its questions and a note on checking them`, async ({
		page
	}) => {
		await page.goto(lessonPath(lesson));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
		await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
		for (const question of lesson.check.questions) {
			await expect(page.getByText(question.prompt, { exact: true })).toBeVisible();
		}
		await expect(page.getByText('Checking your answers needs JavaScript')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Check answers' })).toHaveCount(0);
		await expect(
			page.getByText("Don't stop or change your dose on your own").first()
		).toBeVisible();
		await expect(
			page.getByRole('banner').getByRole('link', { name: 'Get help now' })
		).toBeVisible();
	});
}

test('glossary terms are plain links to the glossary', async ({ page }) => {
	await page.goto(lessonPath(lessons[0]!));
	const terms = page.locator('a[href*="glossary/#"]');
	await expect(terms.first()).toBeVisible();
	await expect(page.getByRole('button', { name: /What does/ })).toHaveCount(0);
	const href = await terms.first().getAttribute('href');
	await terms.first().click();
	await expect(page).toHaveURL(new RegExp(`glossary/#${href!.split('#')[1]}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
});

test('nothing invites a click that does nothing: no button shows, and no text asks for one', async ({
	page
}) => {
	for (const path of ['/', lessonPath(lessons[0]!), '/complete/', '/settings/']) {
		await page.goto(path);
		// Open every disclosure, so what hides inside is looked at too.
		await page
			.locator('details')
			.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
		const visible = await page
			.locator('button')
			.evaluateAll((all) => all.filter((b) => b.checkVisibility()).map((b) => b.textContent));
		expect(visible, path).toEqual([]);
		await expect(page.getByText(/choose "Check answers"/)).toBeHidden();
	}
	// The display settings need JavaScript to apply: their choices are not offered without it.
	await expect(page.getByRole('radio')).toHaveCount(0);
	await expect(page.getByText('These settings need JavaScript')).toBeVisible();
});
