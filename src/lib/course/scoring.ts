/** Grading a knowledge check. Pure functions over the answer key; no UI, no state. */
import type { Check } from './types';

export interface QuestionKey {
	id: string;
	kind: 'single' | 'multiple';
	/** Option ids in authored order. */
	options: string[];
	/** Ids of the correct options. */
	correct: string[];
}

export interface CheckKey {
	passMark: number;
	questions: QuestionKey[];
}

/** The answer key of a lesson's check: what grading needs, without any wording. */
export function checkKey(check: Check): CheckKey {
	return {
		passMark: check.passMark,
		questions: check.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			options: q.options.map((o) => o.id),
			correct: q.options.filter((o) => o.correct).map((o) => o.id)
		}))
	};
}

/** Chosen option ids per question id. */
export type Answers = Record<string, string[]>;

export interface CheckResult {
	score: number;
	max: number;
	passed: boolean;
	/** Question ids answered correctly. */
	correct: string[];
}

/** A question is right only when exactly the correct options are chosen. */
export function isAnsweredCorrectly(question: QuestionKey, chosen: readonly string[]): boolean {
	const picked = new Set(chosen);
	return picked.size === question.correct.length && question.correct.every((id) => picked.has(id));
}

export function unansweredQuestions(key: CheckKey, answers: Answers): string[] {
	return key.questions.filter((q) => (answers[q.id]?.length ?? 0) === 0).map((q) => q.id);
}

export function reachesPassMark(score: number, max: number, passMark: number): boolean {
	return max > 0 && score * 100 >= passMark * max;
}

/** The number of correct answers needed to pass, for telling the learner up front. */
export function scoreNeeded(max: number, passMark: number): number {
	return Math.ceil((passMark * max) / 100);
}

export function gradeCheck(key: CheckKey, answers: Answers): CheckResult {
	const correct = key.questions
		.filter((q) => isAnsweredCorrectly(q, answers[q.id] ?? []))
		.map((q) => q.id);
	const max = key.questions.length;
	return {
		score: correct.length,
		max,
		passed: reachesPassMark(correct.length, max, key.passMark),
		correct
	};
}

/** A small seeded generator (mulberry32), so shuffling stays a pure function of its seed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A new order for the options, different from `previous` whenever there are two or more:
 * "Try again" must visibly reshuffle, so a learner cannot pass by remembering positions.
 */
export function shuffle(
	ids: readonly string[],
	previous: readonly string[],
	seed: number
): string[] {
	const next = [...ids];
	const rand = random(seed);
	for (let i = next.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[next[i], next[j]] = [next[j]!, next[i]!];
	}
	if (next.length > 1 && next.every((id, i) => id === previous[i])) next.push(next.shift()!);
	return next;
}
