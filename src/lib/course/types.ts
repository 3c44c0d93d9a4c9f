/** The course as the site uses it: built once from the lesson files by `loadCourse`. */
import type { FacilitatorNotes } from './schema';

export type { FacilitatorNotes };

export type QuestionKind = 'single' | 'multiple';

export interface Option {
	id: string;
	text: string;
	correct: boolean;
	feedback: string;
}

export interface Question {
	id: string;
	prompt: string;
	kind: QuestionKind;
	options: Option[];
}

export interface Check {
	/** Percentage of questions that must be answered correctly to pass. */
	passMark: number;
	questions: Question[];
}

export interface LessonSummary {
	slug: string;
	/** 1-based position in the course. */
	number: number;
	title: string;
	summary: string;
	minutes: number;
	takeaways: string[];
	/** Date of the last medical review, YYYY-MM-DD. */
	reviewed: string;
	questionCount: number;
}

/** Enough of another lesson to link to it: "Lesson 2: Tolerance…". */
export interface LessonLink {
	slug: string;
	number: number;
	title: string;
}

export interface Lesson extends Omit<LessonSummary, 'questionCount'> {
	/** The folder under src/lessons, e.g. "10-gaba". */
	dir: string;
	objectives: string[];
	/** The lesson's `##` sections, in order, with their heading ids (for "On this page"). */
	sections: { id: string; title: string }[];
	sources: string[];
	check: Check;
	/** Notes for educators running a workshop; never sent to learners' pages. */
	facilitator: FacilitatorNotes | null;
	prev: string | null;
	next: string | null;
}

export interface Course {
	lessons: Lesson[];
}

/** A source a lesson cites, as its printed list shows it (issue 10). */
export interface LessonSource {
	/** Its number in the register, as the lesson's citations show it: [1] is the first. */
	number: number;
	title: string;
	publisher: string;
	year: number;
	url?: string;
}

/** What a lesson page's server load gives it (the prose comes from its universal load). */
export interface LessonPageData {
	lesson: Lesson;
	prev: LessonLink | null;
	next: LessonLink | null;
	/** How many lessons the course has. */
	total: number;
	/** Shown inside another site's frame (/embed/…). */
	embedded: boolean;
	/** The sources this lesson cites, for the list printed after it. */
	sources: LessonSource[];
}
