/**
 * The course, read once at build time from src/lessons and src/content. Server-only, so the
 * YAML parser and the schemas never reach the browser; pages get plain data.
 */
import { error } from '@sveltejs/kit';
import { loadCourse, loadGlossary, loadReferences } from '$lib/course/loader';
import type { CourseIndex } from '$lib/course/progress';
import { checkKey } from '$lib/course/scoring';
import type { Course, Lesson, LessonSummary } from '$lib/course/types';
import { checkVersion } from '$lib/course/version';
import glossaryText from '../../content/glossary.yaml?raw';
import referencesText from '../../content/references.yaml?raw';

const files = import.meta.glob<string>('/src/lessons/*/*.{md,yaml}', {
	query: '?raw',
	import: 'default',
	eager: true
});

/**
 * The lesson files to build: every lesson, or only those named in COURSE_LESSONS (slugs joined
 * by commas), for a SCORM package of chosen lessons (scripts/package-scorm.js). They keep their
 * course order and are numbered afresh; a name that is no lesson stops the build.
 */
export function chooseLessons(all: Record<string, string>, names = ''): Record<string, string> {
	const wanted = names
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	if (!wanted.length) return all;
	const slugOf = (path: string) => /^\/src\/lessons\/\d+-([^/]+)\//.exec(path)?.[1];
	const known = new Set(Object.keys(all).map(slugOf));
	const unknown = wanted.filter((slug) => !known.has(slug));
	if (unknown.length) {
		const names = [...known].filter(Boolean).join(', ');
		throw new Error(
			`COURSE_LESSONS: no lesson named ${unknown.join(', ')} (the lessons: ${names})`
		);
	}
	return Object.fromEntries(Object.entries(all).filter(([path]) => wanted.includes(slugOf(path)!)));
}

export const references = loadReferences(referencesText);
export const glossary = loadGlossary(glossaryText);
export const course: Course = loadCourse(
	chooseLessons(files, process.env.COURSE_LESSONS),
	new Set(references.map((r) => r.id))
);

/** Prerender entries for a route with a page per lesson (`[slug]`). */
export const lessonEntries = () => course.lessons.map(({ slug }) => ({ slug }));

/** The lesson a `[slug]` route names, or the 404 page. */
export function lessonBySlug(slug: string): Lesson {
	const lesson = course.lessons.find((l) => l.slug === slug);
	if (!lesson) error(404, `There is no lesson called "${slug}".`);
	return lesson;
}

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
