/**
 * The real course, for the browser tests. The lessons' text comes through the loader, like the
 * build's; the answer key does not: it is read straight from each check.yaml by a convention the
 * content tests hold every option to (a right option's feedback begins "Right", a wrong one's
 * never does). So a loader that marked the wrong option correct would fail the browser tests
 * instead of steering them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readLessonFiles } from '../src/lib/content/lessonFiles.js';
import { loadCourse, loadReferences } from '../src/lib/course/loader';
import type { Lesson, Option, Question } from '../src/lib/course/types';

const root = join(import.meta.dirname, '..', 'src');
const lessonFiles = readLessonFiles(join(root, 'lessons'));

export const references = loadReferences(
	readFileSync(join(root, 'content', 'references.yaml'), 'utf8')
);
export const course = loadCourse(lessonFiles, new Set(references.map((r) => r.id)));
export const lessons: Lesson[] = course.lessons;
export const firstLesson = lessons[0]!;

/** Per question id, the texts of its right options, by the "Right…" feedback convention. */
const rightTexts = new Map<string, string[]>();
for (const lesson of course.lessons) {
	const check = parse(lessonFiles[`/src/lessons/${lesson.dir}/check.yaml`]!) as {
		questions: { id: string; options: { text: string; feedback: string }[] }[];
	};
	for (const q of check.questions) {
		const right = q.options.filter((o) => /^Right\b/.test(o.feedback)).map((o) => o.text);
		if (right.length === 0) {
			throw new Error(`${lesson.dir}/check.yaml: ${q.id} has no "Right…" feedback`);
		}
		rightTexts.set(`${lesson.dir}/${q.id}`, right);
	}
}

const keyOf = (q: Question) => {
	const lesson = lessons.find((l) => l.check.questions.includes(q))!;
	return rightTexts.get(`${lesson.dir}/${q.id}`)!;
};

export const lessonPath = (lesson: Lesson) => `/lessons/${lesson.slug}/`;

export const correctOptions = (q: Question): Option[] =>
	q.options.filter((o) => keyOf(q).includes(o.text));
/** A wrong answer: for single questions any wrong option, for multiple the first wrong one alone. */
export const wrongOptions = (q: Question): Option[] => [
	q.options.find((o) => !keyOf(q).includes(o.text))!
];

/** Right answers needed to pass: the fewest that reach the check's pass mark (a percentage). */
export function needed(lesson: Lesson): number {
	const { passMark, questions } = lesson.check;
	let n = 0;
	while (n * 100 < passMark * questions.length) n++;
	return n;
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
