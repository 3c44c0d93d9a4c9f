/**
 * One place for what every browser test shares: the axe scan with its WCAG tags, and the
 * helpers that answer a knowledge check through its accessible roles and names.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Frame, type Locator, type Page } from '@playwright/test';
import { createActor } from 'xstate';
import { courseMachine } from '../src/lib/course/courseMachine';
import { savedPart, type CourseEvent } from '../src/lib/course/context';
import { STORAGE_KEY } from '../src/lib/course/persistence';
import { stamp } from '../src/lib/course/saved';
import { emptyStored, type StoredProgress } from '../src/lib/course/stored';
import { checkKey } from '../src/lib/course/scoring';
import type { Lesson, Option, Question } from '../src/lib/course/types';
import { checkVersion } from '../src/lib/course/version';
import { correctOptions, escapeRegExp, lessons, wrongOptions } from './course';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Fixtures {
	/**
	 * Scans the page as it is now and fails on any violation; `state` names it in the report.
	 * After a full scan of a page, `include` limits a scan to what changed (a CSS selector), and
	 * `rules` to the rules a change can affect (colours, for a theme): same verdicts, less time.
	 */
	expectAccessible: (state: string, only?: { include?: string; rules?: string[] }) => Promise<void>;
}

export const test = base.extend<Fixtures>({
	expectAccessible: async ({ page }, use, testInfo) => {
		await use(async (state, { include, rules } = {}) => {
			// Scan what the learner gets once scripts have run (status pills, glossary buttons).
			// (Pages that ship no JavaScript at all are scanned as they are.)
			// (SvelteKit's start-up script is the one that sets its `__sveltekit_…` global.)
			const scripted = await page.evaluate(() =>
				[...document.scripts].some((s) => s.textContent?.includes('__sveltekit_'))
			);
			if (scripted) {
				await appReady(page);
			}
			// No rule is disabled: a rule that must be turned off gets a comment here saying why.
			// A page without frames is scanned in place ("legacy" mode); only frames need axe's
			// cross-frame run, which opens a page of its own to merge results and takes twice as long.
			const frames = await page.locator('iframe').count();
			const builder = new AxeBuilder({ page }).setLegacyMode(frames === 0);
			if (rules) builder.withRules(rules);
			else builder.withTags(AXE_TAGS);
			if (include) builder.include(include);
			const results = await builder.analyze();
			if (results.incomplete.length) {
				await testInfo.attach(`axe incomplete: ${state}`, {
					body: JSON.stringify(
						results.incomplete.map((r) => ({ id: r.id, nodes: r.nodes.length })),
						null,
						2
					),
					contentType: 'application/json'
				});
			}
			const found = results.violations.map((v) => ({
				rule: v.id,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
			expect(found, `axe violations in state "${state}"`).toEqual([]);
		});
	}
});

export { expect };

/** A page, or a lesson inside an iframe: both answer to the same role queries. */
export type Scope = Page | Frame;

export function questionGroup(page: Scope, question: Question): Locator {
	return page.getByRole('group', { name: new RegExp(escapeRegExp(question.prompt)) });
}

export function optionInput(page: Scope, question: Question, option: Option): Locator {
	const role = question.kind === 'single' ? 'radio' : 'checkbox';
	// The option by its role and name, inside its question's fieldset (found by id: a role query
	// over a whole long lesson costs more, and the group's name has tests of its own).
	return page.locator(`#q-${question.id}`).getByRole(role, { name: option.text, exact: true });
}

/**
 * Waits until the app runs in `page`: hydrated, with its session started unless a first visit to
 * a lesson waits for first use (the root layout's marker). A link followed before that is a full
 * page load. A first visit to some pages starts its app on the learner's first use
 * (src/lib/server/paintFirst.ts): the pointer moves over the page, as a learner's would. (A frame
 * starts at once.)
 */
export async function appReady(page: Scope) {
	if ('mouse' in page) await page.mouse.move(1, 1);
	await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

/** Opens `path` and waits until the app runs there. */
export async function gotoReady(page: Page, path: string) {
	await page.goto(path);
	await appReady(page);
}

/** Ticks the given options of every question by clicking their labels. */
export async function answerAll(page: Scope, lesson: Lesson, pick: 'right' | 'wrong') {
	for (const question of lesson.check.questions) {
		const options = pick === 'right' ? correctOptions(question) : wrongOptions(question);
		for (const option of options) await optionInput(page, question, option).check();
	}
}

/**
 * Opens a lesson and goes to its questions, as a learner does: on a first visit that is what
 * loads the course engine (src/lib/course/firstUse.ts), and the check opens.
 */
export async function openLesson(page: Page, lesson: Lesson) {
	await page.goto(`/lessons/${lesson.slug}/`);
	await toTheQuestions(page);
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
}

/** Scrolls to a lesson's questions, as a learner does (and so starts a first visit's session). */
export async function toTheQuestions(page: Scope) {
	await page.locator('#check-title').scrollIntoViewIfNeeded();
}

export async function passLesson(page: Page, lesson: Lesson) {
	await openLesson(page, lesson);
	await answerAll(page, lesson, 'right');
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
}

/**
 * Progress as a learner's device would hold it after passing `passed` (by their right answers),
 * made with the course machine itself in Node: quicker than clicking through each lesson, and
 * the same data. One real walk through the whole course stays in keyboard.spec.ts.
 */
export function progressAfter(passed: Lesson[]): StoredProgress {
	const course = {
		lessons: lessons.map((l) => ({
			slug: l.slug,
			number: l.number,
			title: l.title,
			version: checkVersion(checkKey(l.check)),
			questions: l.check.questions.length,
			passMark: l.check.passMark
		}))
	};
	const actor = createActor(courseMachine, { input: { course } }).start();
	for (const lesson of passed) {
		const events: CourseEvent[] = [
			{ type: 'learner.open', slug: lesson.slug, check: checkKey(lesson.check) },
			...lesson.check.questions.map((q): CourseEvent => ({
				type: 'learner.answer',
				questionId: q.id,
				optionIds: correctOptions(q).map((o) => o.id)
			})),
			{ type: 'learner.submit' }
		];
		events.forEach((e) => actor.send(e));
	}
	const saved = savedPart(actor.getSnapshot().context);
	return stamp(saved, emptyStored('seeded', 1), course, 1000, true);
}

/** Puts `progress` on the device before the page's first script runs. */
export async function seedProgress(page: Page, progress: StoredProgress) {
	await page.addInitScript(
		([key, value]) => {
			// Once per page, so a reload keeps what the page itself saved since.
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem(key!, value!);
				sessionStorage.setItem('seeded', '1');
			}
		},
		[STORAGE_KEY, JSON.stringify(progress)]
	);
}

/** Collects every CSP violation the page reports, from before its first script runs. */
export async function recordViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(
				`${e.violatedDirective} ${e.blockedURI || 'inline'} on ${location.pathname}`
			)
		)
	);
	return violations;
}

/** The page carries the strict policy: scripts and styles from the site or by hash, no referrer. */
export async function expectStrictPolicy(page: Page) {
	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
	expect(policy).toMatch(/style-src 'self'( 'sha256-[^']+')*;/);
	expect(policy).not.toContain('unsafe-inline');
	await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
}
