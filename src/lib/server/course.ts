/**
 * The course, read once at build time from src/lessons and src/content. Server-only, so the
 * YAML parser and the schemas never reach the browser; pages get plain data.
 */
import { loadCourse, loadGlossary, loadReferences } from '$lib/course/loader';
import type { CourseKey } from '$lib/course/courseMachine';
import type { Course, LessonSummary } from '$lib/course/types';
import glossaryText from '../../content/glossary.yaml?raw';
import referencesText from '../../content/references.yaml?raw';

const files = import.meta.glob<string>('/src/lessons/*/*.{md,yaml}', {
	query: '?raw',
	import: 'default',
	eager: true
});

export const references = loadReferences(referencesText);
export const glossary = loadGlossary(glossaryText);
export const course: Course = loadCourse(files, new Set(references.map((r) => r.id)));

export function summaries({ lessons }: Course): LessonSummary[] {
	return lessons.map((l) => ({
		slug: l.slug,
		number: l.number,
		title: l.title,
		summary: l.summary,
		minutes: l.minutes,
		takeaways: l.takeaways,
		reviewed: l.reviewed,
		questionCount: l.check.questions.length,
		passMark: l.passMark
	}));
}

export function courseKey({ lessons }: Course): CourseKey {
	return {
		lessons: lessons.map((l) => ({
			slug: l.slug,
			passMark: l.passMark,
			questions: l.check.questions.map((q) => ({
				id: q.id,
				kind: q.kind,
				options: q.options.map((o) => o.id),
				correct: q.options.filter((o) => o.correct).map((o) => o.id)
			}))
		}))
	};
}
