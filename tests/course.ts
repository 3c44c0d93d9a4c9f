/** The real course, read the same way the build reads it, so tests never hard-code answers. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCourse, loadReferences } from '../src/lib/course/loader';
import type { Lesson, Question } from '../src/lib/course/types';

const root = join(import.meta.dirname, '..', 'src');

function readLessons(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const dir of readdirSync(join(root, 'lessons'))) {
		for (const file of readdirSync(join(root, 'lessons', dir))) {
			files[`/src/lessons/${dir}/${file}`] = readFileSync(join(root, 'lessons', dir, file), 'utf8');
		}
	}
	return files;
}

export const references = loadReferences(
	readFileSync(join(root, 'content', 'references.yaml'), 'utf8')
);
export const course = loadCourse(readLessons(), new Set(references.map((r) => r.id)));
export const lessons: Lesson[] = course.lessons;
export const firstLesson = lessons[0]!;

export const lessonPath = (lesson: Lesson) => `/lessons/${lesson.slug}/`;

export const correctOptions = (q: Question) => q.options.filter((o) => o.correct);
/** A wrong answer: for single questions any wrong option, for multiple the first wrong one alone. */
export const wrongOptions = (q: Question) => [q.options.find((o) => !o.correct)!];

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
