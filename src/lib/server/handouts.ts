/**
 * The data of the printable pages (issue 10): the handouts (each lesson's prose, sources and
 * questions as a worksheet) and the answer key, for the whole course or one lesson. These pages
 * run no script, so nothing here reaches the browser but the HTML.
 */
import type { Lesson } from '$lib/course/types';
import type { HandoutLesson, KeyLesson } from '$lib/print/types';
import { course, lessonBySlug, lessonEntries } from './course';
import { scopeIds, shiftHeadings } from './handoutHtml';
import { renderProse } from './prose';
import { lessonSources } from './sources';

/** One page per lesson, prerendered (nothing links to them from learners' pages). */
export const entries = lessonEntries;

/**
 * A lesson as a handout shows it. `root` is the site's root as seen from the page (".." from
 * /handouts/); `nested` puts the lesson under a page heading of its own, one level down.
 */
function handoutLesson(
	lesson: Lesson,
	{ root, nested }: { root: string; nested: boolean }
): HandoutLesson {
	const prose = renderProse(lesson.dir, { newTab: false, root, printable: true });
	return {
		slug: lesson.slug,
		number: lesson.number,
		title: lesson.title,
		minutes: lesson.minutes,
		reviewed: lesson.reviewed,
		objectives: lesson.objectives,
		prose: scopeIds(shiftHeadings(prose, nested ? 1 : 0), `${lesson.slug}-`),
		sources: lessonSources(lesson),
		questions: lesson.check.questions.map(({ id, prompt, kind, options }) => ({
			id,
			prompt,
			kind,
			options: options.map(({ id, text }) => ({ id, text }))
		}))
	};
}

/** A lesson as the answer key shows it: every question, every option and its explanation. */
function keyLesson(lesson: Lesson): KeyLesson {
	const { slug, number, title, check } = lesson;
	return { slug, number, title, questions: check.questions };
}

export const handoutCourse = () => ({
	total: course.lessons.length,
	lessons: course.lessons.map((l) => handoutLesson(l, { root: '..', nested: true }))
});

export const keyCourse = () => ({
	total: course.lessons.length,
	lessons: course.lessons.map(keyLesson)
});

export const handoutPage = (slug: string) => ({
	total: course.lessons.length,
	lesson: handoutLesson(lessonBySlug(slug), { root: '../..', nested: false })
});

export const keyPage = (slug: string) => ({
	total: course.lessons.length,
	lesson: keyLesson(lessonBySlug(slug))
});
