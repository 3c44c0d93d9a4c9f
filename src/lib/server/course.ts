/**
 * The course, read once at build time from src/lessons and src/content. Server-only, so the
 * YAML parser and the schemas never reach the browser; pages get plain data.
 */
import { loadCourse, loadGlossary, loadReferences } from '$lib/course/loader';
import type { CourseIndex } from '$lib/course/progress';
import { checkKey } from '$lib/course/scoring';
import type { Course, LessonSummary } from '$lib/course/types';
import { checkVersion } from '$lib/course/version';
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
		questionCount: l.check.questions.length
	}));
}

/** What every page needs of every lesson: order, title, version, size and pass mark; no answers. */
export function courseIndex({ lessons }: Course): CourseIndex {
	return {
		lessons: lessons.map((l) => ({
			slug: l.slug,
			number: l.number,
			title: l.title,
			version: checkVersion(checkKey(l.check)),
			questions: l.check.questions.length,
			passMark: l.check.passMark
		}))
	};
}
