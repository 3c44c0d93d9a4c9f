import { describe, expect, it } from 'vitest';
import { partName, presentationParts, splitProse } from './parts';

const lesson = {
	title: 'How GABA works',
	sections: [
		{ id: 'gaba', title: 'GABA' },
		{ id: 'summary', title: 'Summary' }
	],
	check: {
		passMark: 80,
		questions: [
			{ id: 'q1', prompt: 'One?', kind: 'single' as const, options: [] },
			{ id: 'q2', prompt: 'Two?', kind: 'multiple' as const, options: [] }
		]
	}
};

describe('presentation parts', () => {
	it('are the title, the introduction, each section, then each question', () => {
		expect(presentationParts(lesson, true)).toEqual([
			{ kind: 'title' },
			{ kind: 'section', id: 'intro', title: 'How GABA works' },
			{ kind: 'section', id: 'gaba', title: 'GABA' },
			{ kind: 'section', id: 'summary', title: 'Summary' },
			{ kind: 'question', id: 'q1', number: 1 },
			{ kind: 'question', id: 'q2', number: 2 }
		]);
	});

	it('leave out an introduction the lesson does not have', () => {
		expect(presentationParts(lesson, false).map((p) => p.kind)).toEqual([
			'title',
			'section',
			'section',
			'question',
			'question'
		]);
	});

	it('have names for the position line', () => {
		const parts = presentationParts(lesson, true);
		expect(parts.map((p) => partName(p, lesson))).toEqual([
			'How GABA works',
			'Introduction',
			'GABA',
			'Summary',
			'Question 1 of 2',
			'Question 2 of 2'
		]);
	});
});

describe('splitProse', () => {
	it('splits at each h2, keeping the heading with its section', () => {
		const html = '<p>Intro.</p> <h2 id="a">A</h2><p>One</p><h2 id="b">B</h2><p>Two</p>';
		expect(splitProse(html)).toEqual({
			intro: '<p>Intro.</p>',
			sections: { a: '<h2 id="a">A</h2><p>One</p>', b: '<h2 id="b">B</h2><p>Two</p>' }
		});
	});

	it('has an empty introduction when the prose starts with a heading', () => {
		expect(splitProse('<h2 id="a">A</h2><p>One</p>').intro).toBe('');
	});
});
