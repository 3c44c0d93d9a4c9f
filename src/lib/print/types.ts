/** What the printable pages (/handouts/, /answer-key/) show of each lesson (issue 10). */
import type { LessonSource, Question, QuestionKind } from '$lib/course/types';

/** A question as a worksheet shows it: the options to tick, never which are right. */
export interface WorksheetQuestion {
	id: string;
	prompt: string;
	kind: QuestionKind;
	options: { id: string; text: string }[];
}

export interface HandoutLesson {
	slug: string;
	number: number;
	title: string;
	minutes: number;
	/** Date of the last medical review, YYYY-MM-DD. */
	reviewed: string;
	objectives: string[];
	/** The lesson's prose as HTML, made for this page (links, heading levels, ids). */
	prose: string;
	sources: LessonSource[];
	questions: WorksheetQuestion[];
}

export interface KeyLesson {
	slug: string;
	number: number;
	title: string;
	/** Every question with its options in their authored order, each marked right or wrong. */
	questions: Question[];
}
