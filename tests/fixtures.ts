/**
 * One place for what every browser test shares: the axe scan with its WCAG tags, and the
 * helpers that answer a knowledge check through its accessible roles and names.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { Lesson, Option, Question } from '../src/lib/course/types';
import { correctOptions, escapeRegExp, wrongOptions } from './course';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Fixtures {
	/** Scans the page as it is now and fails on any violation; `state` names it in the report. */
	expectAccessible: (state: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
	expectAccessible: async ({ page }, use, testInfo) => {
		await use(async (state) => {
			// Scan what the learner gets once scripts have run (status pills, glossary buttons).
			if (await page.evaluate(() => document.documentElement.classList.contains('js'))) {
				await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
			}
			// No rule is disabled: a rule that must be turned off gets a comment here saying why.
			const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
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
	return questionGroup(page, question).getByRole(role, { name: option.text, exact: true });
}

/** Ticks the given options of every question by clicking their labels. */
export async function answerAll(page: Scope, lesson: Lesson, pick: 'right' | 'wrong') {
	for (const question of lesson.check.questions) {
		const options = pick === 'right' ? correctOptions(question) : wrongOptions(question);
		for (const option of options) await optionInput(page, question, option).check();
	}
}

export async function openLesson(page: Page, lesson: Lesson) {
	await page.goto(`/lessons/${lesson.slug}/`);
	await expect(page.getByRole('button', { name: 'Check answers' })).toBeVisible();
}

export async function passLesson(page: Page, lesson: Lesson) {
	await openLesson(page, lesson);
	await answerAll(page, lesson, 'right');
	await page.getByRole('button', { name: 'Check answers' }).click();
	await expect(page.getByRole('heading', { name: /^You passed/ })).toBeVisible();
}
