/**
 * The strict Content-Security-Policy at work (every page is loaded under it, with its policy
 * checked, in a11y.spec.ts and embed.spec.ts), and the pages a static host needs beyond the
 * course: a 404 for unknown addresses and robots.txt.
 */
import { answerAll, appReady, expect, recordViolations, test, toTheQuestions } from './fixtures';
import { firstLesson, lessonPath } from './course';

test('under the policy a check still works, client-side navigation included', async ({ page }) => {
	const violations = await recordViolations(page);
	await page.goto('/');
	// Once the app runs, so that following the link is a client-side navigation.
	await appReady(page);
	await page.getByRole('link', { name: /^Start the course/ }).click();
	await expect(page).toHaveURL(new RegExp(`${lessonPath(firstLesson)}$`));
	// As a learner does.
	await toTheQuestions(page);
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByTestId('error-summary')).toBeFocused();
	await answerAll(page, firstLesson, 'right');
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
	// The settings script ran (theme before first paint), and SvelteKit's announcer is hidden.
	await expect(page.locator('html')).toHaveClass('js');
	await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');
	expect(violations).toEqual([]);
});

test('an unknown address gets the site’s own 404 page, styled, with a way back and the help link', async ({
	page,
	expectAccessible
}) => {
	const violations = await recordViolations(page);
	const response = await page.goto('/no/such/page/here/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page).toHaveTitle(/^Page not found – /);
	// Its stylesheet loaded from three folders deep: the header is laid out, not bare links.
	await expect(page.getByRole('banner')).toHaveCSS('border-bottom-style', 'solid');
	await page.getByRole('link', { name: 'Go to the course overview' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Understanding benzodiazepines');
	await page.goBack();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Get help now' })).toBeVisible();
	await expectAccessible('404');
	expect(violations).toEqual([]);
});

test('robots.txt lets search engines in', async ({ request }) => {
	const response = await request.get('/robots.txt');
	expect(response.status()).toBe(200);
	expect(await response.text()).toMatch(/^User-agent: \*\nAllow: \/$/m);
});
