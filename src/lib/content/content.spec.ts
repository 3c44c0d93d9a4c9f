/**
 * Checks on the real lessons: the bar every lesson must clear before it ships.
 * They read the source files, so they run without a build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import readabilityScores from 'readability-scores';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCourse, loadGlossary, loadReferences } from '../course/loader';
import { forbiddenRules, findForbidden } from './forbidden.js';
import { lessonSentences, wordCount } from './plainText.js';

const src = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(src, path), 'utf8');
const references = loadReferences(read('content/references.yaml'));
const glossary = loadGlossary(read('content/glossary.yaml'));
const dirs = readdirSync(join(src, 'lessons'))
	.filter((d) => /^\d+-/.test(d))
	.sort();
const files = Object.fromEntries(
	dirs.flatMap((dir) =>
		['lesson.md', 'check.yaml'].map((f) => [
			`/src/lessons/${dir}/${f}`,
			read(`lessons/${dir}/${f}`)
		])
	)
);
const course = loadCourse(files, new Set(references.map((r) => r.id)));

/**
 * What a learner reads for a lesson as fact: prose, frontmatter and the check, less the text of
 * wrong options, which state misconceptions on purpose (their feedback corrects them).
 */
function learnerText(dir: string): string {
	const markdown = read(`lessons/${dir}/lesson.md`).replace(/\*\*|__/g, '');
	const check = parse(read(`lessons/${dir}/check.yaml`)) as {
		questions: {
			prompt: string;
			options: { text: string; correct?: boolean; feedback: string }[];
		}[];
	};
	const checkText = check.questions.flatMap((q) => [
		q.prompt,
		...q.options.flatMap((o) => (o.correct ? [o.text, o.feedback] : [o.feedback]))
	]);
	return [markdown, ...checkText].join('\n');
}

describe('the forbidden-content rules', () => {
	it.each(forbiddenRules.map((r) => [r.id, r] as const))('%s trips on its sample', (_id, rule) => {
		expect(findForbidden(rule.sample).map((f) => f.rule.id)).toContain(rule.id);
	});

	it('let safe wording through', () => {
		const safe = [
			'Never take an extra dose; talk to your prescriber.',
			'Don’t stop suddenly. Your prescriber will plan small steps, usually over months.',
			'Clonazepam is not approved for depression.',
			'Physical dependence can happen even when the medicine is taken exactly as prescribed.'
		].join(' ');
		expect(findForbidden(safe)).toEqual([]);
	});
});

describe.each(dirs)('lesson %s', (dir) => {
	const markdown = read(`lessons/${dir}/lesson.md`);
	const lesson = course.lessons.find((l) => l.dir === dir)!;
	const sentences = lessonSentences(markdown);

	it('contains no forbidden content', () => {
		expect(
			findForbidden(learnerText(dir)).map((f) => `${f.rule.id}: "${f.match}" (${f.rule.why})`)
		).toEqual([]);
	});

	it('reads at grade 8 or below (Flesch–Kincaid)', () => {
		const { fleschKincaid } = readabilityScores(sentences.join('\n'), { onlyFleschKincaid: true });
		expect(fleschKincaid).toBeLessThanOrEqual(8);
	});

	it('cites at least one source, and every citation is in the register', () => {
		const cited = [...markdown.matchAll(/<Cite id="([^"]+)"/g)].map((m) => m[1]!);
		expect(cited.length).toBeGreaterThan(0);
		const known = new Set(references.map((r) => r.id));
		expect(cited.filter((id) => !known.has(id))).toEqual([]);
		// Frontmatter sources list what the prose cites, so the references page can say where.
		expect(cited.filter((id) => !lesson.sources.includes(id))).toEqual([]);
	});

	it('uses only glossary terms that exist', () => {
		const used = [...markdown.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]!);
		const known = new Set(glossary.map((g) => g.id));
		expect(used.filter((id) => !known.has(id))).toEqual([]);
	});

	it('never starts a line with a citation, which Markdown would turn into its own paragraph', () => {
		expect(markdown.split('\n').filter((line) => /^\s*<(Cite|Term)\b/.test(line))).toEqual([]);
	});

	it('keeps every component tag whole: no blank line inside a tag or an inline SVG', () => {
		const tags = [...markdown.matchAll(/<(Figure|Callout)\b[^>]*>|<svg[\s\S]*?<\/svg>/g)].map(
			(m) => m[0]
		);
		expect(tags.filter((tag) => /\n\s*\n/.test(tag)).map((t) => t.slice(0, 60))).toEqual([]);
	});

	it('spells out every abbreviation at its first use (WCAG 3.1.4)', () => {
		// Country names need no spelling out; GABA and its receptors are glossary terms.
		const known = new Set(['US', 'UK', 'EU', 'GABA', 'GABA-A', 'GABA-B']);
		const text = markdown
			.replace(/^---[\s\S]*?\n---\n/, '')
			.replace(/<script[\s\S]*?<\/script>|<svg[\s\S]*?<\/svg>/g, '')
			.replace(/<[^>]*?\b(?:id|kind)="[^"]*"[^>]*>/g, ' ');
		const seen = new Set<string>();
		const unexplained: string[] = [];
		for (const match of text.matchAll(/\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b/g)) {
			const word = match[0];
			if (seen.has(word) || known.has(word)) continue;
			seen.add(word);
			// First use must be the spelled-out name followed by the abbreviation in brackets.
			if (text[match.index - 1] !== '(') unexplained.push(word);
		}
		expect(unexplained).toEqual([]);
	});

	it('sends the reader to their prescriber', () => {
		expect(learnerText(dir)).toMatch(/prescriber/i);
	});

	it('has a summary and a knowledge check', () => {
		expect(markdown).toMatch(/^## Summary$/m);
		expect(lesson.check.questions.length).toBeGreaterThanOrEqual(5);
		expect(wordCount(sentences)).toBeGreaterThan(300);
	});
});
