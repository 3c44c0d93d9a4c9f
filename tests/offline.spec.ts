/**
 * Offline after the first visit (the service worker), reading pages without JavaScript, and a
 * new deployment offered to the learner without losing their progress.
 */
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { answerAll, expect, progressAfter, seedProgress, test } from './fixtures';
import { firstLesson, lessonPath, lessons } from './course';
import { serve } from '../scripts/serve.js';

// The rest of the suite blocks service workers (they would precache the site in every test).
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker has installed and controls the page. */
async function untilOffline(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true })
			);
		}
	});
}

test('after a first visit, lessons, their checks, the glossary and the embeds work with the network off', async ({
	page,
	context
}) => {
	await page.goto('/');
	await untilOffline(page);
	await context.setOffline(true);

	// A lesson never opened before, loaded whole while offline.
	const second = lessons[1]!;
	const response = await page.goto(lessonPath(second));
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);

	// The first lesson's check, graded offline, and the way on to the next.
	await page.goto(lessonPath(firstLesson));
	await answerAll(page, firstLesson, 'right');
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
	// Moving on in the browser fetches the next lesson's prose: from the cache.
	await page
		.getByTestId('check-result')
		.getByRole('link', { name: /^Next lesson/ })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
	await expect(page.locator('.prose h2').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();

	for (const path of ['/glossary/', '/help/', `/embed/${firstLesson.slug}/`]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await expect(
		page.getByRole('button', { name: 'Check answers' }).or(page.getByTestId('check-result'))
	).toBeVisible();
});

test('pages made for reading load no script at all', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	for (const path of ['/glossary/', '/references/', '/about/', '/help/', '/accessibility/']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		// The display settings still apply before first paint (the inline script in app.html).
		await expect(page.locator('html')).toHaveClass('js');
	}
	expect(scripts).toEqual([]);
});

test('a new deployment is offered politely, and taking it keeps the learner’s progress', async ({
	page
}) => {
	// A copy of the site on a server of its own, so that this test can deploy a "new version",
	// and under a sub-path, as on a static host's project page: the worker must work from there.
	const dir = mkdtempSync(join(tmpdir(), 'ub-deploy-'));
	cpSync('build', dir, { recursive: true });
	const server = await serve({ dir, port: 0, live: true, base: '/courses/benzodiazepines' });
	try {
		await seedProgress(page, progressAfter([firstLesson]));
		await page.goto(server.url);
		await untilOffline(page);
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Passed/);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
			`${server.url}service-worker.js`
		);
		const notice = page
			.getByRole('status')
			.filter({ hasText: 'A new version of this course is ready' });
		await expect(notice).toHaveCount(0);

		// The next deployment: a different service worker, which the browser finds on its next check.
		appendFileSync(join(dir, 'service-worker.js'), '\n// the next deployment\n');
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
		await expect(notice).toBeVisible();
		// Listening before the click: the reloaded page comes from the cache and may be loaded
		// before the click's promise settles.
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Reload to use it' }).click();
		await reloaded;
		await expect(page.getByTestId('lesson-status').first()).toHaveText(/Passed/);
		await expect(notice).toHaveCount(0);
	} finally {
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
