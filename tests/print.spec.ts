/**
 * Paper (issue 10): a lesson page printed, the handouts and the answer key. Printing is emulated
 * (`emulateMedia`) where what matters is what shows, and real (`page.pdf`) where it is how the
 * sheets break; the PDF's pages are rendered to images with Poppler's pdftoppm and measured.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import axe from 'axe-core';
import { PNG } from 'pngjs';
import { STORAGE_KEY } from '../src/lib/course/persistence';
import { SETTINGS_KEY } from '../src/lib/settings/settings';
import { correctOptions, firstLesson, lessons, references } from './course';
import {
	AXE_TAGS,
	expect,
	expectStrictPolicy,
	openLesson,
	recordViolations,
	test
} from './fixtures';
import { learnerPages } from './pages';
import { HOW_TO_GET_PDFTOPPM } from '../scripts/tools.js';

/** What no sheet of paper should show: things to press, move between or type into. */
const CONTROLS = [
	'button',
	'nav',
	'textarea',
	'select',
	'dialog',
	'input:not([type="radio"], [type="checkbox"])',
	// A figure's summary prints as the label of its description, which is printed open.
	'details:not(.figure details)',
	'.skip-link',
	'.notice-region > *',
	'.update-region > *',
	'.tip-button'
].join(', ');

/** The rules of the full axe scan (tests/fixtures.ts) less colour contrast. */
const STRUCTURE_RULES = axe
	.getRules(AXE_TAGS)
	.filter(({ ruleId, tags }) => ruleId !== 'color-contrast' && !tags.includes('experimental'))
	.map(({ ruleId }) => ruleId);

const visibleControls = (page: Page) =>
	page
		.locator(CONTROLS)
		.evaluateAll((all) =>
			all.filter((el) => el.checkVisibility()).map((el) => el.outerHTML.slice(0, 70))
		);

/**
 * For each page of a PDF, the tallest band of the sheet with no ink in it, as a share of the
 * sheet's height: a sheet whose text stops halfway down scores over 0.5. Rendered in grey at
 * 40 dpi (a line of text is still several rows of ink), margins included.
 */
function blankShares(pdf: Buffer, dir: string): number[] {
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'handout.pdf');
	writeFileSync(file, pdf);
	try {
		execFileSync('pdftoppm', ['-r', '40', '-gray', '-png', file, join(dir, 'sheet')]);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new Error(HOW_TO_GET_PDFTOPPM, { cause: error });
		}
		throw error;
	}
	return readdirSync(dir)
		.filter((name) => /^sheet-\d+\.png$/.test(name))
		.sort()
		.map((name) => {
			const { width, height, data } = PNG.sync.read(readFileSync(join(dir, name)));
			let run = 0;
			let longest = 0;
			for (let y = 0; y < height; y++) {
				let ink = false;
				for (let x = 0; x < width && !ink; x++) ink = data[(y * width + x) * 4]! < 230;
				run = ink ? 0 : run + 1;
				longest = Math.max(longest, run);
			}
			return longest / height;
		});
}

test('a printed lesson shows no controls but its sources and figure descriptions, black on white in the dark theme', async ({
	page
}) => {
	await page.addInitScript(
		([settings, progress]) => {
			localStorage.setItem(settings!, JSON.stringify({ theme: 'dark' }));
			// Unreadable progress, so the page shows a notice with a button.
			localStorage.setItem(progress!, '{broken');
		},
		[SETTINGS_KEY, STORAGE_KEY]
	);
	await openLesson(page, firstLesson);
	await expect(page.getByText('Your saved progress could not be read')).toBeVisible();
	// On screen, all of it is there to use; the sources are for paper only.
	expect((await visibleControls(page)).length).toBeGreaterThan(5);
	const sources = page.getByRole('heading', { name: 'Sources for this lesson' });
	await expect(sources).toBeHidden();
	const descriptions = page.locator('.figure details p');
	expect(await descriptions.count()).toBeGreaterThan(0);
	await expect(descriptions.first()).toBeHidden();

	await page.emulateMedia({ media: 'print' });
	expect(await visibleControls(page)).toEqual([]);
	await expect(page.getByText('choose "Check answers"')).toBeHidden();
	await expect(sources).toBeVisible();
	const cited = references.flatMap((r, i) =>
		firstLesson.sources.includes(r.id) ? [`[${i + 1}] ${r.title}.`] : []
	);
	const listed = await page
		.locator('.lesson-sources li')
		.evaluateAll((items) => items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ')));
	expect(listed.map((text, i) => text.slice(0, cited[i]?.length))).toEqual(cited);
	for (const description of await descriptions.all()) await expect(description).toBeVisible();
	const colours = await page.evaluate(() => {
		const style = (el: Element) => getComputedStyle(el);
		return [style(document.body).color, style(document.body).backgroundColor];
	});
	expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);

	// A link that leaves the site prints its address after it.
	await page.goto('/help/');
	const outside = page.locator('main a[href^="https://988lifeline.org"]');
	const after = () => outside.evaluate((a) => getComputedStyle(a, '::after').content);
	expect(await after()).toContain('https://988lifeline.org/');
	await page.emulateMedia({ media: 'screen' });
	expect(await after()).toBe('none');
});

test('every lesson handout prints on A4 with no sheet but the last more than half blank', async ({
	page
}, testInfo) => {
	const report: string[] = [];
	for (const lesson of lessons) {
		await page.goto(`/handouts/${lesson.slug}/`);
		const pdf = await page.pdf({ format: 'A4' });
		const shares = blankShares(pdf, testInfo.outputPath(lesson.slug));
		report.push(`${lesson.slug}: ${shares.map((s) => Math.round(s * 100)).join(' ')}`);
		const halfBlank = shares
			.slice(0, -1)
			.flatMap((share, i) => (share > 0.5 ? [`sheet ${i + 1}: ${Math.round(share * 100)}%`] : []));
		expect(halfBlank, `half-blank sheets in the ${lesson.slug} handout`).toEqual([]);
		expect(shares.length).toBeGreaterThan(1);
	}
	await testInfo.attach('blank share of each sheet, in percent', { body: report.join('\n') });
});

test('the answer key marks exactly the right options of every question, and explains each', async ({
	page,
	request
}) => {
	await page.goto('/answer-key/');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
	const shown = await page.locator('article[data-lesson]').evaluateAll((sections) =>
		sections.map((section) => ({
			slug: section.getAttribute('data-lesson'),
			questions: [...section.querySelectorAll('.question')].map((q) => ({
				prompt: q
					.querySelector('.prompt')!
					.textContent!.replace(q.querySelector('.number')!.textContent!, '')
					.trim(),
				options: [...q.querySelectorAll('.options > li')].map((li) => ({
					verdict: li.querySelector('.verdict')!.textContent!.trim(),
					text: li.querySelector('.text')!.textContent!.trim(),
					why: li.querySelector('.why')!.textContent!.trim()
				}))
			}))
		}))
	);
	// The right answers by the check files' "Right…" convention (tests/course.ts), not the loader's.
	expect(shown).toEqual(
		lessons.map((lesson) => ({
			slug: lesson.slug,
			questions: lesson.check.questions.map((q) => ({
				prompt: q.prompt,
				options: q.options.map((o) => ({
					verdict: correctOptions(q).some((c) => c.text === o.text)
						? 'Right answer:'
						: 'Wrong answer:',
					text: o.text,
					why: o.feedback
				}))
			}))
		}))
	);

	// Educators only: no learner's page links to it.
	for (const path of [...learnerPages, ...lessons.map((l) => `/embed/${l.slug}/`), '/embed/']) {
		const html = await (await request.get(path)).text();
		expect(html, path).not.toContain('answer-key');
	}
});

for (const kind of ['handouts', 'answer-key']) {
	test(`/${kind}/ pass axe, keep their headings in order and run under the strict CSP`, async ({
		page,
		expectAccessible
	}) => {
		const violations = await recordViolations(page);
		for (const path of [`/${kind}/${firstLesson.slug}/`, `/${kind}/`]) {
			await page.goto(path);
			// One lesson's page is scanned in full. The whole course repeats the same components
			// with the same styles, so there only what is new is scanned (landmarks, ids, headings):
			// every rule but colour contrast, which takes two thirds of the time on a page this long.
			await expectAccessible(path, path === `/${kind}/` ? { rules: STRUCTURE_RULES } : {});
			const levels = await page
				.getByRole('heading')
				.evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
			expect(
				levels.filter((l) => l === 1),
				path
			).toHaveLength(1);
			for (let i = 1; i < levels.length; i++) {
				expect(levels[i]!, `${path}: heading ${i + 1}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
			}
			await expectStrictPolicy(page);
		}
		expect(violations).toEqual([]);
	});
}

test('?lessons= picks the lessons of a handout and a key, in course order, with JavaScript on', async ({
	page
}) => {
	const [first, last] = [lessons[0]!, lessons.at(-1)!];
	const titles = (section: string) =>
		page.locator(`article${section} h2`).filter({ visible: true }).allTextContents();
	await page.goto(`/handouts/?lessons=${last.slug},${first.slug}`);
	await expect(page.getByText(`This copy has lessons 1 and ${last.number} of`)).toBeVisible();
	expect(await titles('.handout-lesson')).toEqual([
		`Lesson 1: ${first.title}`,
		`Lesson ${last.number}: ${last.title}`
	]);
	await expect(page).toHaveTitle(new RegExp(`^Lessons 1 and ${last.number}: Course handout`));
	await expect(page.locator('.contents li').filter({ visible: true })).toHaveCount(2);
	// The page runs no code of the course's: no glossary "?" button that would do nothing.
	await expect(page.locator('button').filter({ visible: true })).toHaveCount(0);

	await page.goto(`/answer-key/?lessons=${last.slug}`);
	expect(await titles('.key-lesson')).toEqual([`Lesson ${last.number}: ${last.title}`]);

	// A name that is no lesson's leaves the whole course.
	await page.goto('/answer-key/?lessons=no-such-lesson');
	expect(await titles('.key-lesson')).toHaveLength(lessons.length);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the handouts give every lesson and every question with a box per option, and nothing to press', async ({
		page
	}) => {
		await page.goto('/handouts/');
		for (const lesson of lessons) {
			await expect(
				page.getByRole('heading', { level: 2, name: `Lesson ${lesson.number}: ${lesson.title}` })
			).toBeVisible();
			for (const question of lesson.check.questions) {
				await expect(page.getByRole('heading', { name: question.prompt })).toBeVisible();
			}
		}
		const options = lessons.flatMap((l) => l.check.questions.flatMap((q) => q.options));
		await expect(page.locator('.worksheet .box')).toHaveCount(options.length);
		await expect(page.locator('button').filter({ visible: true })).toHaveCount(0);

		await page.goto(`/handouts/${firstLesson.slug}/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Handout: ${firstLesson.title}`
		);
		await expect(page.getByRole('heading', { name: 'Sources for this lesson' })).toBeVisible();
		await expect(page.locator('button').filter({ visible: true })).toHaveCount(0);
		// The figures' descriptions are open, and the glossary terms plain links.
		for (const p of await page.locator('.figure details p').all()) await expect(p).toBeVisible();
		await expect(page.locator('a[href^="../../glossary/#"]').first()).toBeVisible();
	});

	test('the answer key gives each question its right answers by letter', async ({ page }) => {
		await page.goto(`/answer-key/${firstLesson.slug}/`);
		// Named for what it is, so it is never taken for the learner's handout.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			`Answer key: ${firstLesson.title}`
		);
		const letters = firstLesson.check.questions.map((q) => {
			const right = correctOptions(q);
			const which = q.options.flatMap((o, i) =>
				right.includes(o) ? [String.fromCharCode(65 + i)] : []
			);
			return `${which.length > 1 ? 'Right answers' : 'Right answer'}: ${which.join(', ')}`;
		});
		await expect(page.locator('.answer')).toHaveText(letters);
	});
});
