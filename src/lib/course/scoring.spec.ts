import { describe, expect, it } from 'vitest';
import {
	gradeCheck,
	isAnsweredCorrectly,
	scoreNeeded,
	shuffle,
	unansweredQuestions,
	type CheckKey
} from './scoring';

const key: CheckKey = {
	passMark: 80,
	questions: [
		{ id: 'single', kind: 'single', options: ['a', 'b', 'c'], correct: ['b'] },
		{ id: 'multi', kind: 'multiple', options: ['a', 'b', 'c', 'd'], correct: ['a', 'c'] },
		{ id: 'third', kind: 'single', options: ['a', 'b'], correct: ['a'] },
		{ id: 'fourth', kind: 'single', options: ['a', 'b'], correct: ['a'] },
		{ id: 'fifth', kind: 'single', options: ['a', 'b'], correct: ['a'] }
	]
};

describe('grading', () => {
	it('a multiple-answer question is right only with exactly the correct options', () => {
		const q = key.questions[1]!;
		expect(isAnsweredCorrectly(q, ['a', 'c'])).toBe(true);
		expect(isAnsweredCorrectly(q, ['c', 'a'])).toBe(true);
		expect(isAnsweredCorrectly(q, ['a'])).toBe(false);
		expect(isAnsweredCorrectly(q, ['a', 'c', 'd'])).toBe(false);
		expect(isAnsweredCorrectly(q, ['a', 'a'])).toBe(false);
	});

	it('an empty answer is never right', () => {
		expect(isAnsweredCorrectly(key.questions[0]!, [])).toBe(false);
	});

	it('lists unanswered questions in order', () => {
		expect(unansweredQuestions(key, { multi: ['a'], third: [] })).toEqual([
			'single',
			'third',
			'fourth',
			'fifth'
		]);
	});

	it('scores and applies the pass mark (4 of 5 is 80%)', () => {
		const answers = { single: ['b'], multi: ['a', 'c'], third: ['a'], fourth: ['a'], fifth: ['b'] };
		expect(gradeCheck(key, answers)).toEqual({
			score: 4,
			max: 5,
			passed: true,
			correct: ['single', 'multi', 'third', 'fourth']
		});
		expect(gradeCheck(key, { ...answers, fourth: ['b'] }).passed).toBe(false);
	});

	it('says how many answers are needed to pass, rounding up', () => {
		expect(scoreNeeded(5, 80)).toBe(4);
		expect(scoreNeeded(7, 80)).toBe(6);
		expect(scoreNeeded(6, 70)).toBe(5);
	});
});

describe('shuffle', () => {
	const ids = ['a', 'b', 'c', 'd'];

	it('is a pure function of its seed', () => {
		expect(shuffle(ids, ids, 42)).toEqual(shuffle(ids, ids, 42));
	});

	it('keeps every option exactly once', () => {
		for (let seed = 0; seed < 50; seed++) expect([...shuffle(ids, ids, seed)].sort()).toEqual(ids);
	});

	it('never returns the order the learner just saw', () => {
		for (let seed = 0; seed < 200; seed++) {
			expect(shuffle(['a', 'b'], ['a', 'b'], seed)).toEqual(['b', 'a']);
			expect(shuffle(ids, ids, seed)).not.toEqual(ids);
		}
	});
});
