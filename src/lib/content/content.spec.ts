/**
 * Checks on the real lessons and every other text a learner sees: the bar the content must
 * clear before it ships. They read the source files, so they run without a build; the built
 * pages get `scripts/content-scan.js`. Every rule is shown to fail on samples first, so a rule
 * that stops working fails its own test (CONTRIBUTING.md: a test must be able to fail).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readabilityScores from 'readability-scores';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCourse, loadGlossary, loadReferences } from '../course/loader';
import { findForbidden, forbiddenRules, negativeStem } from './forbidden.js';
import { collectLearnerText, readLearnerFiles, SITE_PAGES } from './learnerText.js';
import { readLessonFiles } from './lessonFiles.js';
import {
	componentTags,
	lessonBlocks,
	lessonSentences,
	longSentences,
	wordCount
} from './plainText.js';
import {
	bareNumbers,
	builtPageProblems,
	phoneComponents,
	phoneProblem,
	uncitedBlocks
} from './siteRules.js';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const references = loadReferences(read('src/content/references.yaml'));
const registered = new Set(references.map((r) => r.id));
const glossary = loadGlossary(read('src/content/glossary.yaml'));
const course = loadCourse(readLessonFiles(join(root, 'src/lessons')), registered);
const dirs = course.lessons.map((l) => l.dir);
const learnerFiles = readLearnerFiles(root);
const helpPage = read(SITE_PAGES[0]!);

const ids = (rules: { id: string }[]) => rules.map((r) => r.id);

// --- The rules, each shown to work on samples -----------------------------------------------

describe('the forbidden-content rules', () => {
	it('each has samples that must trip it and near-misses that must not', () => {
		for (const rule of forbiddenRules) {
			expect(rule.trips.length, rule.id).toBeGreaterThanOrEqual(1);
			expect(rule.passes.length, rule.id).toBeGreaterThanOrEqual(1);
		}
		expect(new Set(ids(forbiddenRules)).size).toBe(forbiddenRules.length);
	});

	describe.each(forbiddenRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
		it.each(rule.trips)('trips on “%s”', (sample) => {
			expect(ids(findForbidden(sample).map((f) => f.rule))).toContain(id);
		});

		it.each(rule.passes)('lets “%s” through', (sample) => {
			expect(ids(findForbidden(sample).map((f) => f.rule))).not.toContain(id);
		});

		it(
			rule.everywhere
				? 'holds even for text that quotes a claim on purpose'
				: 'leaves a quoted claim (a myth, a wrong option) to its correction',
			() => {
				const found = ids(findForbidden(rule.trips[0]!, { quoted: true }).map((f) => f.rule));
				if (rule.everywhere) expect(found).toContain(id);
				else expect(found).not.toContain(id);
			}
		);
	});
});

describe('the negative-stem rule', () => {
	it.each(negativeStem.trips)('trips on “%s”', (prompt) => {
		expect(prompt).toMatch(negativeStem.pattern);
	});
	it.each(negativeStem.passes)('lets “%s” through', (prompt) => {
		expect(prompt).not.toMatch(negativeStem.pattern);
	});
});

describe('the phone-link rule', () => {
	it.each([
		['911', '911'],
		['+18002221222', '1-800-222-1222'],
		['+35318092166', '01 809 2166'],
		['116123', '116 123'],
		['000', '000'],
		['+448088088000', '0808 808 8000']
	])('accepts tel:%s shown as “%s”', (number, visible) => {
		expect(phoneProblem(number, visible)).toBeNull();
	});

	it.each([
		['1-800-222-1222', '1-800-222-1222', 'not a phone number'],
		['+18002221221', '1-800-222-1222', 'does not match'],
		['911', 'Call 911', 'number alone'],
		['988', '', 'shows no number'],
		['tel:999', '999', 'not a phone number']
	])('rejects tel:%s shown as “%s”', (number, visible, why) => {
		expect(phoneProblem(number, visible)).toContain(why);
	});

	it('finds numbers written as plain text where a link belongs', () => {
		expect(bareNumbers('<li>Poison Help, 1-800-222-1222, free</li>')).toEqual(['1-800-222-1222']);
		expect(bareNumbers('<p>Call 01 809 2166 today.</p>')).toEqual(['01 809 2166']);
		expect(
			bareNumbers('<Phone number="+18002221222" shown="1-800-222-1222" /> in 2025, 15 in 1,000')
		).toEqual([]);
	});
});

describe('the help-page citation rule', () => {
	it('finds a paragraph or list item without a citation', () => {
		expect(uncitedBlocks('<p>Call the emergency number.</p>')).toEqual([
			'Call the emergency number.'
		]);
		expect(uncitedBlocks('<ul><li>Time it. <Cite id="S35" /></li><li>Stay.</li></ul>')).toEqual([
			'Stay.'
		]);
	});

	it('lets a list be covered by the cited paragraph that leads into it', () => {
		expect(
			uncitedBlocks('<p>While you wait <Cite id="S35" />:</p>\n<ul><li>Time it.</li></ul>')
		).toEqual([]);
		expect(uncitedBlocks('<p>While you wait:</p><h2>x</h2><ul><li>Time it.</li></ul>')).toEqual([
			'While you wait:',
			'Time it.'
		]);
	});
});

describe('the built-page scan', () => {
	it('fails a page that shows a dose, a bad phone link or a styled figure', () => {
		const page = [
			'<p>Take 2 mg at night.</p>',
			'<a href="tel:911" class="phone s-1">999</a>',
			'<a href="tel:+18002221222">1-800-222-1222</a>',
			'<figure><div class="picture"><svg><circle style="fill: red" /></svg></div></figure>'
		].join('');
		const problems = builtPageProblems(page).join('\n');
		expect(problems).toContain('dose-amount');
		expect(problems).toContain('does not match tel:911');
		expect(problems).toContain('is not a <Phone> link');
		expect(problems).toContain('style attribute');
	});

	it('passes a page with only safe text, good phone links and classed figures', () => {
		const page =
			'<p>Talk to your prescriber.</p><a class="phone s-1" href="tel:+18002221222">1-800-222-1222</a>' +
			'<figure><svg><circle class="f-fill-text" /></svg></figure>' +
			'<textarea>&lt;iframe style="width:100%"&gt;</textarea><p>Zoom up to 400% to read.</p>';
		expect(builtPageProblems(page)).toEqual([]);
	});
});

// --- What the checks read --------------------------------------------------------------------

describe('the scan of learner-visible text', () => {
	it('reads every file a learner sees text from', () => {
		const files = Object.keys(learnerFiles);
		for (const dir of dirs) {
			for (const name of ['lesson.md', 'check.yaml', 'facilitator.yaml']) {
				expect(files).toContain(`src/lessons/${dir}/${name}`);
			}
		}
		expect(files).toEqual(
			expect.arrayContaining([
				'src/content/glossary.yaml',
				'src/content/references.yaml',
				...SITE_PAGES
			])
		);
	});

	it('finds forbidden text planted in each kind of file, and says where', () => {
		const planted = 'quit cold turkey';
		const files = {
			'src/lessons/10-x/lesson.md': `---\ntitle: T\nsummary: S\nobjectives: [O]\ntakeaways: [You can ${planted}.]\n---\n\nYou can ${planted}.\n\n<Callout title="Or ${planted}">\n\nx\n\n</Callout>\n`,
			'src/lessons/10-x/check.yaml': `questions:\n  - prompt: Can you ${planted}?\n    options:\n      - text: Yes, ${planted}.\n        feedback: Not quite.\n      - text: No.\n        correct: true\n        feedback: Right. Never ${planted}.\n`,
			'src/lessons/10-x/facilitator.yaml': `misconceptions:\n  - belief: You can ${planted}.\n    fact: Never ${planted}.\nhandling:\n  - situation: x\n    response: Never ${planted}.\n`,
			'src/content/glossary.yaml': `- id: x\n  term: X\n  short: x\n  long: People ${planted}.\n`,
			'src/content/references.yaml': `- id: S1\n  title: How to ${planted}\n  publisher: x\n  year: 2020\n  supports: x\n`,
			'src/routes/(site)/help/+page.svelte': `<script>let a = 1;</script>\n<p>Never ${planted}.</p>`
		};
		const where = collectLearnerText(files)
			.filter((p) => findForbidden(p.text, { quoted: p.quoted }).length)
			.map((p) => `${p.file} ${p.where}`);
		expect(where).toEqual(
			expect.arrayContaining([
				'src/lessons/10-x/lesson.md takeaways',
				'src/lessons/10-x/lesson.md prose',
				'src/lessons/10-x/lesson.md <Callout title>',
				'src/lessons/10-x/check.yaml questions[0].prompt',
				'src/lessons/10-x/check.yaml questions[0].options[0].text',
				'src/lessons/10-x/check.yaml questions[0].options[1].feedback',
				'src/lessons/10-x/facilitator.yaml misconceptions[0].belief',
				'src/lessons/10-x/facilitator.yaml handling[0].response',
				'src/content/glossary.yaml [0] x',
				'src/content/references.yaml [0] S1',
				'src/routes/(site)/help/+page.svelte page'
			])
		);
	});

	it('treats wrong options, myth claims and misconceptions as quoted, and the rest as fact', () => {
		const pieces = collectLearnerText({
			'src/lessons/10-x/lesson.md':
				'<Myth claim="It treats depression." sources="S1">\n\nIt does not.\n\n</Myth>\n',
			'src/lessons/10-x/check.yaml':
				'questions:\n  - prompt: P?\n    options:\n      - text: Wrong\n        feedback: F\n      - text: Right one\n        correct: true\n        feedback: Right.\n'
		});
		const quoted = pieces.filter((p) => p.quoted).map((p) => p.text);
		expect(quoted.sort()).toEqual(['It treats depression.', 'Wrong']);
	});
});

// --- Every text a learner sees ---------------------------------------------------------------

describe('every learner-visible text', () => {
	const pieces = collectLearnerText(learnerFiles);

	it('contains no forbidden content', () => {
		expect(
			pieces.flatMap((p) =>
				findForbidden(p.text, { quoted: p.quoted }).map(
					(f) => `${p.file} ${p.where}: ${f.rule.id}: "${f.match}"`
				)
			)
		).toEqual([]);
	});

	it('has no sentence over 25 words (issue 12)', () => {
		expect(
			pieces
				.filter((p) => !p.file.endsWith('references.yaml'))
				.flatMap((p) => longSentences(p.text).map((s) => `${p.file} ${p.where}: ${s}`))
		).toEqual([]);
	});
});

// --- The source register ---------------------------------------------------------------------

describe('the source register', () => {
	it('gives every entry a DOI or web address', () => {
		expect(references.filter((r) => !r.url).map((r) => r.id)).toEqual([]);
	});

	it('links the label page, not an API query, and names the Cochrane review right (issue 12)', () => {
		const byId = new Map(references.map((r) => [r.id, r]));
		expect(byId.get('S1')?.url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\//);
		expect(byId.get('S38')?.title).toContain('Benzodiazepines versus placebo for panic disorder');
		expect(byId.get('S38')?.url).toBe('https://doi.org/10.1002/14651858.CD010677.pub2');
	});

	it('has every source the help page cites', () => {
		const cited = [...helpPage.matchAll(/<Cite id="([^"]+)"/g)].map((m) => m[1]!);
		expect(cited.length).toBeGreaterThan(0);
		expect(cited.filter((id) => !registered.has(id))).toEqual([]);
	});
});

// --- The help page ---------------------------------------------------------------------------

describe('the help page', () => {
	it('numbers every medical statement to its source', () => {
		expect(uncitedBlocks(helpPage)).toEqual([]);
	});

	it('makes every phone number a well-formed tap-to-call link', () => {
		const phones = phoneComponents(helpPage);
		expect(phones.length).toBeGreaterThan(10);
		expect(phones.flatMap((p) => phoneProblem(p.number, p.visible) ?? [])).toEqual([]);
		expect(bareNumbers(helpPage)).toEqual([]);
		for (const code of ['911', '999', '112', '988', '111', '000']) {
			expect(phones.map((p) => p.number)).toContain(code);
		}
	});

	it('makes every website a link', () => {
		const outsideLinks = helpPage
			.replace(/<script[\s\S]*?<\/script>/g, '')
			.replace(/<a\b[\s\S]*?<\/a>/g, '')
			.replace(/<[^>]*>/g, ' ');
		expect(
			outsideLinks.match(/\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|gov|info|ca|ie|uk|scot|au)\b/g)
		).toBeNull();
	});

	it('keeps the Irish poisons line to its opening hours, with what to do at other times', () => {
		const text = helpPage.replace(/\s+/g, ' ');
		expect(text).toMatch(/8am to 10pm/);
		expect(text).toMatch(/GP out-of-hours service|emergency department/);
	});
});

// --- Each lesson -----------------------------------------------------------------------------

describe.each(dirs)('lesson %s', (dir) => {
	const markdown = read(`src/lessons/${dir}/lesson.md`);
	const lesson = course.lessons.find((l) => l.dir === dir)!;
	const sentences = lessonSentences(markdown);
	const blocks = lessonBlocks(markdown);
	const myths = componentTags(markdown).filter((t) => t.tag === 'Myth');
	const cited = [
		...[...markdown.matchAll(/<Cite id="([^"]+)"/g)].map((m) => m[1]!),
		...myths.flatMap((m) => (m.attributes.sources ?? '').split(/[\s,]+/).filter(Boolean))
	];

	it('reads at grade 7 or below (Flesch–Kincaid)', () => {
		const { fleschKincaid } = readabilityScores(sentences.join('\n'), { onlyFleschKincaid: true });
		expect(fleschKincaid).toBeLessThanOrEqual(7);
	});

	it('cites its sources, every one in the register and in its frontmatter', () => {
		expect(cited.length).toBeGreaterThan(0);
		expect(cited.filter((id) => !registered.has(id))).toEqual([]);
		// Frontmatter sources list what the prose cites, so the references page can say where.
		expect(cited.filter((id) => !lesson.sources.includes(id))).toEqual([]);
	});

	it('corrects a few claims from the web, each with a source (“What you may have read”)', () => {
		expect(myths.length).toBeGreaterThanOrEqual(3);
		for (const myth of myths) {
			expect(myth.attributes.claim, 'a myth states its claim').toBeTruthy();
			const sources = (myth.attributes.sources ?? '').split(/[\s,]+/).filter(Boolean);
			expect(sources.length, `“${myth.attributes.claim}” cites a source`).toBeGreaterThan(0);
		}
	});

	it('uses only glossary terms that exist', () => {
		const used = [...markdown.matchAll(/<Term id="([^"]+)"/g)].map((m) => m[1]!);
		const known = new Set(glossary.map((g) => g.id));
		expect(used.filter((id) => !known.has(id))).toEqual([]);
	});

	it('never starts a line with a citation, which Markdown would turn into its own paragraph', () => {
		expect(markdown.split('\n').filter((line) => /^\s*<(Cite|Term|Phone)\b/.test(line))).toEqual(
			[]
		);
	});

	it('keeps every component tag whole: no blank line inside a tag or an inline SVG', () => {
		const tags = [...markdown.matchAll(/<(Figure|Callout|Myth)\b[^>]*>|<svg[\s\S]*?<\/svg>/g)].map(
			(m) => m[0]
		);
		expect(tags.filter((tag) => /\n\s*\n/.test(tag)).map((t) => t.slice(0, 60))).toEqual([]);
	});

	it('colours its figures with classes, never style attributes (a strict CSP drops them)', () => {
		const svgs = [...markdown.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
		expect(svgs.filter((svg) => /\sstyle="/.test(svg)).length).toBe(0);
	});

	it('makes every phone number a well-formed tap-to-call link', () => {
		expect(
			phoneComponents(markdown).flatMap((p) => phoneProblem(p.number, p.visible) ?? [])
		).toEqual([]);
		expect(bareNumbers(markdown.replace(/^---[\s\S]*?\n---\n/, ''))).toEqual([]);
	});

	it('spells out every abbreviation at its first use (WCAG 3.1.4)', () => {
		// Country names need no spelling out; GABA and its receptors are glossary terms.
		const known = new Set(['US', 'UK', 'EU', 'GABA', 'GABA-A', 'GABA-B']);
		const text = blocks
			.filter((b) => b.attribute !== 'alt')
			.map((b) => b.text)
			.join('\n');
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

	it('says in its own words not to stop or change the dose on your own, and names the prescriber', () => {
		const prose = blocks.map((b) => b.text).join('\n');
		expect(prose).toMatch(/(?:don't|do not|never) (?:stop|change|lower|cut)[^.]*on your own/i);
		expect(prose).toMatch(/prescriber/i);
	});

	it('has a summary and a knowledge check of 6 to 8 questions', () => {
		expect(markdown).toMatch(/^## Summary$/m);
		expect(lesson.check.questions.length).toBeGreaterThanOrEqual(6);
		expect(lesson.check.questions.length).toBeLessThanOrEqual(8);
		expect(wordCount(sentences)).toBeGreaterThan(300);
	});
});

// --- Each knowledge check --------------------------------------------------------------------

describe.each(dirs)('the knowledge check of %s', (dir) => {
	const lesson = course.lessons.find((l) => l.dir === dir)!;
	const questions = lesson.check.questions;

	it('starts every correct option’s feedback with “Right” and no wrong option’s (the answer key the browser tests read)', () => {
		for (const q of questions) {
			for (const o of q.options) {
				expect(o.feedback.startsWith('Right'), `${q.id}/${o.id}`).toBe(o.correct);
			}
		}
	});

	it('asks every question positively', () => {
		expect(questions.map((q) => q.prompt).filter((p) => negativeStem.pattern.test(p))).toEqual([]);
	});

	it('gives the emergency numbers or the help link wherever feedback mentions an emergency', () => {
		const missing = questions.flatMap((q) =>
			q.options
				.filter((o) => /emergency/i.test(o.feedback))
				.filter((o) => !/\b(?:911|999|112)\b|Get help now/.test(o.feedback))
				.map((o) => `${q.id}/${o.id}`)
		);
		expect(missing).toEqual([]);
	});
});

describe('the people in the scenarios', () => {
	it('are different people in each lesson, so no one story runs across lessons', () => {
		const common = new Set(
			'A After An Any Before Call Choose During For He Her His How If In It Its Lately More One She Some Their They This Two What When Which Who Why With Clonazepam GABA GABA-A US UK EU CBT'.split(
				' '
			)
		);
		const lessonsOf = new Map<string, Set<string>>();
		for (const lesson of course.lessons) {
			for (const q of lesson.check.questions) {
				for (const [name] of q.prompt.matchAll(/\b[A-Z][a-z]+\b/g)) {
					if (common.has(name)) continue;
					if (!lessonsOf.has(name)) lessonsOf.set(name, new Set());
					lessonsOf.get(name)!.add(lesson.slug);
				}
			}
		}
		expect([...lessonsOf].filter(([, slugs]) => slugs.size > 1).map(([name]) => name)).toEqual([]);
	});
});

// --- Facilitator notes -----------------------------------------------------------------------

describe.each(dirs)('the facilitator notes of %s', (dir) => {
	const notes = parse(read(`src/lessons/${dir}/facilitator.yaml`)) as {
		minutes: number;
		aims: string[];
		prompts: string[];
		misconceptions: { question: string; belief: string; fact: string; sources: string[] }[];
		handling: { situation: string; response: string }[];
		sources: string[];
	};
	const lesson = course.lessons.find((l) => l.dir === dir)!;

	it('keep to the agreed shape', () => {
		expect(Object.keys(notes).sort()).toEqual(
			['aims', 'handling', 'minutes', 'misconceptions', 'prompts', 'sources'].sort()
		);
		expect(Number.isInteger(notes.minutes) && notes.minutes > 0).toBe(true);
		expect(notes.aims.length).toBeGreaterThanOrEqual(2);
		expect(notes.aims.length).toBeLessThanOrEqual(4);
		expect(notes.prompts.length).toBeGreaterThanOrEqual(3);
		expect(notes.prompts.length).toBeLessThanOrEqual(5);
		for (const m of notes.misconceptions) {
			expect(Object.keys(m).sort()).toEqual(['belief', 'fact', 'question', 'sources']);
			expect(m.fact).not.toMatch(/<[^>]+>/);
		}
		for (const h of notes.handling)
			expect(Object.keys(h).sort()).toEqual(['response', 'situation']);
	});

	it('point at questions and sources that exist', () => {
		const questionIds = new Set(lesson.check.questions.map((q) => q.id));
		expect(
			notes.misconceptions.map((m) => m.question).filter((id) => !questionIds.has(id))
		).toEqual([]);
		const all = [...notes.sources, ...notes.misconceptions.flatMap((m) => m.sources)];
		expect(all.filter((id) => !registered.has(id))).toEqual([]);
		expect(
			notes.misconceptions.flatMap((m) => m.sources).filter((id) => !notes.sources.includes(id))
		).toEqual([]);
	});

	it('send dose questions to the prescriber and distress to urgent help', () => {
		const responses = notes.handling.map((h) => h.response).join('\n');
		expect(notes.handling.some((h) => /dose|cut down/i.test(h.situation))).toBe(true);
		expect(notes.handling.some((h) => /suicide|distress/i.test(h.situation))).toBe(true);
		expect(responses).toMatch(/prescriber/i);
		expect(responses).toMatch(/\/help\//);
		expect(responses).toMatch(/\b911\b/);
		expect(responses).toMatch(/\b999\b/);
		expect(responses).toMatch(/\b112\b/);
	});
});
