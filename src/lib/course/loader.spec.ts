import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessonFiles } from '../content/lessonFiles.js';
import { CourseError, loadCourse, loadGlossary, loadReferences } from './loader';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const REFERENCES = new Set(['S1', 'S2']);

/** Reads a fixture folder into the same path → text map the build gets from import.meta.glob. */
const readFixture = (name: string) => readLessonFiles(join(FIXTURES, name, 'lessons'));

function problemsOf(name: string): string[] {
	try {
		loadCourse(readFixture(name), REFERENCES);
	} catch (error) {
		if (error instanceof CourseError) return error.problems;
		throw error;
	}
	throw new Error(`fixture "${name}" loaded without problems`);
}

describe('loadCourse with valid lessons', () => {
	const course = loadCourse(readFixture('valid'), REFERENCES);

	it('reads a lesson’s facilitator notes, and has none for a lesson without them', () => {
		expect(course.lessons[0]!.facilitator).toMatchObject({
			minutes: 20,
			misconceptions: [{ question: 'first', sources: ['S1'] }]
		});
		expect(course.lessons[1]!.facilitator).toBeNull();
	});

	it('orders lessons by their folder number and strips it from the slug', () => {
		expect(course.lessons.map((l) => [l.number, l.slug, l.title])).toEqual([
			[1, 'first', 'First lesson'],
			[2, 'second', 'Second lesson']
		]);
	});

	it('links each lesson to the one before and after', () => {
		expect(course.lessons.map((l) => [l.prev, l.next])).toEqual([
			[null, 'second'],
			['first', null]
		]);
	});

	it('skips draft folders that start with xx-', () => {
		expect(course.lessons.some((l) => l.dir.startsWith('xx-'))).toBe(false);
	});

	it('gives options letter ids and defaults "correct" to false', () => {
		expect(course.lessons[0]!.check.questions[0]!.options).toEqual([
			{ id: 'a', text: 'This one', correct: true, feedback: 'Yes, because.' },
			{ id: 'b', text: 'That one', correct: false, feedback: 'No, because.' }
		]);
	});

	it('reads the reviewed date as an ISO date string', () => {
		expect(course.lessons[0]!.reviewed).toBe('2026-11-21');
	});
});

// A catalogue of what lesson authors get wrong. Every message names the file and the field.
describe('loadCourse rejects a bad lesson with a message naming the file and field', () => {
	const first = 'src/lessons/10-first';
	const catalogue: [fixture: string, message: string][] = [
		['missing-title', `${first}/lesson.md: title: is missing`],
		['empty-title', `${first}/lesson.md: title: title is missing or empty`],
		['duplicate-slug', `src/lessons/20-first: duplicate slug "first" (also used by ${first})`],
		['duplicate-number', 'src/lessons/10-second: number 10 is also used by src/lessons/10-first'],
		[
			'no-correct-option',
			`${first}/check.yaml: questions[0]: has no correct option: mark at least one option "correct: true"`
		],
		[
			'two-correct-in-single',
			`${first}/check.yaml: questions[0]: is a single-answer question with more than one correct option`
		],
		[
			'option-without-feedback',
			`${first}/check.yaml: questions[0].options[1].feedback: is missing: every option explains why it is right or wrong`
		],
		[
			'unknown-source',
			`${first}/lesson.md: sources: unknown source id "S999" (add it to src/content/references.yaml)`
		],
		['no-sources', `${first}/lesson.md: sources: sources needs at least one source id`],
		['missing-check', `${first}/check.yaml: is missing: every lesson ends in a knowledge check`],
		['missing-lesson', `${first}/lesson.md: is missing`],
		[
			'bad-folder-name',
			'src/lessons/gaba: folder name must be a number and a slug, like "10-gaba"'
		],
		['broken-yaml', `${first}/check.yaml: is not valid YAML:`],
		['no-frontmatter', `${first}/lesson.md: has no frontmatter`],
		['minutes-not-number', `${first}/lesson.md: minutes: minutes must be a number`],
		['unknown-field', `${first}/lesson.md: sumary: is not a known field (check the spelling)`],
		['pass-mark-out-of-range', `${first}/check.yaml: passMark: passMark must be between 1 and 100`],
		['duplicate-question-id', `${first}/check.yaml: questions: two questions share the same id`],
		['one-option', `${first}/check.yaml: questions[0].options: options needs at least two options`],
		['bad-kind', `${first}/check.yaml: questions[0].kind: kind must be "single" or "multiple"`],
		['bad-date', `${first}/lesson.md: reviewed: reviewed must be a date like 2026-11-21`],
		['no-lessons', 'src/lessons: has no lessons'],
		[
			'facilitator-unknown-question',
			`${first}/facilitator.yaml: misconceptions[0].question: "second" is not a question in check.yaml`
		],
		[
			'facilitator-unknown-source',
			`${first}/facilitator.yaml: unknown source id "S404" (add it to src/content/references.yaml)`
		],
		['facilitator-missing-field', `${first}/facilitator.yaml: minutes: is missing`]
	];

	it.each(catalogue)('%s', (fixture, message) => {
		const problems = problemsOf(fixture);
		expect(
			problems.some((p) => p.startsWith(message)),
			problems.join('\n')
		).toBe(true);
	});

	it('reports every problem at once, not only the first', () => {
		const second = Object.entries(readFixture('unknown-source')).map(
			([path, text]) => [path.replace('10-first', '20-second'), text] as const
		);
		const files = { ...readFixture('missing-title'), ...Object.fromEntries(second) };
		expect(() => loadCourse(files, REFERENCES)).toThrow(/2 problem/);
	});
});

describe('loadReferences', () => {
	it('reads the real source register', () => {
		const text = readFileSync(join(import.meta.dirname, '../../content/references.yaml'), 'utf8');
		const refs = loadReferences(text);
		expect(refs.length).toBeGreaterThan(5);
		expect(refs.map((r) => r.id)).toContain('S1');
	});

	it('rejects a duplicate id and a missing title', () => {
		const text = [
			'- { id: S1, title: A, publisher: P, year: 2020, supports: X }',
			'- { id: S1, title: "", publisher: P, year: 2020, supports: X }'
		].join('\n');
		expect(() => loadReferences(text, 'refs.yaml')).toThrow(
			/refs.yaml: \[1\].title: title is missing/
		);
		expect(() => loadReferences(text, 'refs.yaml')).toThrow(/two references share the same id/);
	});
});

describe('loadGlossary', () => {
	it('rejects an entry without a short definition, naming the field', () => {
		const text = '- { id: taper, term: Taper, long: Lowering a dose slowly. }';
		expect(() => loadGlossary(text, 'glossary.yaml')).toThrow(
			/glossary.yaml: \[0\].short: is missing/
		);
	});
});
