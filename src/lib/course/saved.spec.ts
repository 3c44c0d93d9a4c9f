/**
 * Reading saved progress back: a catalogue of damage, one case per kind, each saying what
 * survives; the format-1 migration on a real format-1 save; merging two tabs' copies; and
 * property-based tests that mutate real saves at random.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine } from './courseMachine';
import { savedPart, type CourseEvent, type LessonProgress } from './context';
import { fitsCheck, isPossible } from './progress';
import { mergeStored, readStored, stamp } from './saved';
import { emptyStored, type StoredLesson, type StoredProgress } from './stored';
import { mixedLessons, testCourse } from './testCourse';

const { index, keys, open } = mixedLessons;
const answer = (questionId: string, ...optionIds: string[]): CourseEvent => ({
	type: 'learner.answer',
	questionId,
	optionIds
});
const submit: CourseEvent = { type: 'learner.submit' };

/** What a real session stores after these events, stamped at `at`. */
function storedAfter(events: CourseEvent[], at = 1000, epoch = 'e1'): StoredProgress {
	const actor = createActor(courseMachine, { input: { course: index } }).start();
	events.forEach((e) => actor.send(e));
	return stamp(savedPart(actor.getSnapshot().context), emptyStored(epoch, 10), index, at, true);
}

/** Lesson one passed; lesson two answered, not yet checked. */
const real = storedAfter([
	open('one'),
	answer('q1', 'a'),
	answer('q2', 'a', 'c'),
	submit,
	open('two'),
	answer('q1', 'a')
]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into saved JSON freely
type Json = any;
/** A copy of the real save with one change made to its JSON. */
function damaged(change: (doc: Json) => void): string {
	const doc = JSON.parse(JSON.stringify(real));
	change(doc);
	return JSON.stringify(doc);
}

const read = (raw: string | null) => readStored(raw, index, keys);

describe('a real save', () => {
	it('reads back exactly', () => {
		const result = read(JSON.stringify(real));
		expect(result).toEqual({ kind: 'ok', stored: real, dropped: { changed: [], damaged: [] } });
	});

	it('has passed lesson one and answered lesson two', () => {
		expect(real.lessons.one).toMatchObject({ passed: true, bestScore: 2, graded: true });
		expect(real.lessons.two).toMatchObject({ answers: { q1: ['a'] }, graded: false });
		expect(real.current).toBe('two');
	});
});

describe('what cannot be read at all starts fresh, with the reason', () => {
	const cases: [string, string | null, string][] = [
		['nothing saved', null, 'empty'],
		['text that is not JSON', '{"format":2,"less', 'unreadable'],
		['JSON that is not an object', '[1,2,3]', 'unreadable'],
		['null', 'null', 'unreadable'],
		['an empty object', '{}', 'unreadable'],
		['lessons that are not a record', damaged((d) => (d.lessons = [1, 2])), 'unreadable'],
		['lessons missing', damaged((d) => delete d.lessons), 'unreadable'],
		['a newer format', damaged((d) => (d.format = 3)), 'other-version'],
		['a version number the site never wrote', '{"version":7,"snapshot":{}}', 'other-version'],
		['more than a browser can store', JSON.stringify({ x: 'y'.repeat(5_000_001) }), 'unreadable']
	];
	it.each(cases)('%s', (_name, raw, kind) => {
		expect(read(raw).kind).toBe(kind);
	});
});

describe('one damaged lesson starts fresh; the others keep their progress', () => {
	const cases: [string, (doc: Json) => void][] = [
		['a field missing', (d) => delete d.lessons.one.passed],
		['a field null', (d) => (d.lessons.one.attempts = null)],
		['"graded" of the wrong type', (d) => (d.lessons.one.graded = 'yes')],
		['"passed" of the wrong type', (d) => (d.lessons.one.passed = 'true')],
		['"visited" of the wrong type', (d) => (d.lessons.one.visited = 1)],
		['"attempts" of the wrong type', (d) => (d.lessons.one.attempts = '2')],
		['"bestScore" of the wrong type', (d) => (d.lessons.one.bestScore = '7')],
		['"version" of the wrong type', (d) => (d.lessons.one.version = 7)],
		['"answers" of the wrong type', (d) => (d.lessons.one.answers = ['a'])],
		['"order" of the wrong type', (d) => (d.lessons.one.order = 'abc')],
		['a negative count', (d) => (d.lessons.one.attempts = -1)],
		['a fractional count', (d) => (d.lessons.one.attempts = 1.5)],
		['a huge count', (d) => (d.lessons.one.attempts = 1e308)],
		['a best score beyond the question count', (d) => (d.lessons.one.bestScore = 999999)],
		['a pass with no attempt', (d) => (d.lessons.one.attempts = 0)],
		['a pass below the pass mark', (d) => (d.lessons.one.bestScore = 1)],
		['a best score at the pass mark but no pass', (d) => (d.lessons.one.passed = false)],
		['a graded check with a question unanswered', (d) => delete d.lessons.one.answers.q2],
		['attempts with no best score', (d) => (d.lessons.one.bestScore = null)],
		['two answers to a single-answer question', (d) => (d.lessons.one.answers.q1 = ['a', 'b'])],
		['an option the question does not have', (d) => (d.lessons.one.answers.q1 = ['z'])],
		['a question the lesson does not have', (d) => (d.lessons.one.answers.q9 = ['a'])],
		['a repeated option id in an answer', (d) => (d.lessons.one.answers.q2 = ['a', 'a'])],
		['a repeated option id in the shown order', (d) => (d.lessons.one.order.q1 = ['a', 'a', 'c'])],
		['a shown order missing an option', (d) => (d.lessons.one.order.q1 = ['a', 'b'])],
		['an empty answer', (d) => (d.lessons.one.answers.q1 = [])],
		['a question id that is not an id', (d) => (d.lessons.one.order['Q 1!'] = ['a', 'b', 'c'])],
		['an option id far too long', (d) => (d.lessons.one.answers.q1 = ['a'.repeat(65)])],
		[
			'a graded result better than the best score',
			(d) => Object.assign(d.lessons.one, { passed: false, bestScore: 1 })
		],
		['the whole record replaced by text', (d) => (d.lessons.one = 'passed')],
		['the whole record null', (d) => (d.lessons.one = null)]
	];
	it.each(cases)('%s', (_name, change) => {
		const result = read(damaged(change));
		expect(result.kind).toBe('ok');
		if (result.kind !== 'ok') return;
		expect(result.dropped).toEqual({ changed: [], damaged: ['one'] });
		expect(result.stored.lessons.one).toBeUndefined();
		expect(result.stored.lessons.two).toEqual(real.lessons.two);
	});

	it('a lesson whose check changed since it was saved starts fresh, named as changed', () => {
		const result = read(damaged((d) => (d.lessons.two.version = 'old')));
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: ['two'], damaged: [] } });
		if (result.kind === 'ok') expect(result.stored.lessons.one).toEqual(real.lessons.one);
	});

	it('a fix to wording keeps progress: versions depend on ids and answers only', () => {
		// The same answer key gives the same version, whatever the prompts and feedback say.
		const again = testCourse(keys);
		expect(again.index).toEqual(index);
	});

	it('a changed correct answer changes the version', () => {
		const changed = testCourse({
			...keys,
			two: { ...keys.two!, questions: [{ ...keys.two!.questions[0]!, correct: ['a'] }] }
		});
		expect(changed.index.lessons[1]!.version).not.toBe(index.lessons[1]!.version);
		expect(changed.index.lessons[0]!.version).toBe(index.lessons[0]!.version);
		const result = readStored(JSON.stringify(real), changed.index);
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: ['two'], damaged: [] } });
	});
});

describe('fields outside the lessons fall back on their own', () => {
	it.each([
		['an unknown current lesson', (d: Json) => (d.current = 'nope'), { current: null }],
		[
			'a current lesson that is not an id',
			(d: Json) => (d.current = '__proto__'),
			{ current: null }
		],
		['openAll of the wrong type', (d: Json) => (d.openAll = 'yes'), { openAll: false }],
		['an epoch of the wrong type', (d: Json) => (d.epoch = 5), { epoch: '' }],
		['a time that is not a number', (d: Json) => (d.currentAt = 'now'), { currentAt: 0 }]
	])('%s', (_name, change, expected) => {
		const result = read(damaged(change));
		expect(result.kind).toBe('ok');
		if (result.kind !== 'ok') return;
		expect(result.stored).toMatchObject(expected);
		expect(result.stored.lessons).toEqual(real.lessons);
	});

	it.each([
		[
			'__proto__',
			(d: Json) =>
				Object.defineProperty(d.lessons.one.answers, '__proto__', {
					value: ['a'],
					enumerable: true
				})
		],
		['constructor', (d: Json) => (d.lessons.one.answers.constructor = ['a'])]
	])('a %s key among the answers is ignored, never followed', (_name, change) => {
		const result = read(damaged(change));
		expect(result.kind).toBe('ok');
		if (result.kind === 'ok') expect(result.stored.lessons.one).toEqual(real.lessons.one);
	});

	it('a prototype key among the lessons is ignored', () => {
		const raw = JSON.stringify(real).replace('"lessons":{', '"lessons":{"__proto__":{"x":1},');
		const result = read(raw);
		expect(result.kind).toBe('ok');
		if (result.kind === 'ok') expect(result.stored.lessons).toEqual(real.lessons);
		expect(({} as Json).x).toBeUndefined();
	});

	it('a 3.4 MB field is dropped, not kept and rewritten', () => {
		const raw = damaged((d) => (d.lessons.one.result = 'x'.repeat(3_400_000)));
		const result = read(raw);
		expect(result.kind).toBe('ok');
		if (result.kind !== 'ok') return;
		expect(result.stored.lessons.one).toEqual(real.lessons.one);
		expect(JSON.stringify(result.stored).length).toBeLessThan(2000);
	});
});

describe('saves in the first format (XState snapshots)', () => {
	const formatOne = readFileSync(
		join(import.meta.dirname, 'fixtures', 'saved', 'format-1.json'),
		'utf8'
	);
	const v1 = (change: (doc: Json) => void = () => {}) => {
		const doc = JSON.parse(formatOne);
		change(doc);
		return JSON.stringify(doc);
	};

	it('migrate: every lesson whose check is unchanged keeps its progress', () => {
		const result = readStored(v1(), index);
		expect(result.kind).toBe('ok');
		if (result.kind !== 'ok') return;
		expect(result.dropped).toEqual({ changed: [], damaged: [] });
		expect(result.stored.current).toBe('two');
		expect(result.stored.lessons.one).toMatchObject({
			passed: true,
			bestScore: 2,
			attempts: 1,
			graded: true,
			answers: { q1: ['a'], q2: ['a', 'c'] }
		});
		expect(result.stored.lessons.two).toMatchObject({ answers: { q1: ['a'] }, graded: false });
	});

	it.each([
		['children missing', (d: Json) => delete d.snapshot.children],
		['children.x null', (d: Json) => (d.snapshot.children = { x: null })],
		['children.x.src a number', (d: Json) => (d.snapshot.children = { x: { src: 5 } })],
		['historyValue not an array', (d: Json) => (d.snapshot.historyValue = { x: 5 })],
		['historyValue null', (d: Json) => (d.snapshot.historyValue = null)],
		['status any text', (d: Json) => (d.snapshot.status = 'broken')],
		['value a state that never existed', (d: Json) => (d.snapshot.value = 'exam')],
		['value null', (d: Json) => (d.snapshot.value = null)]
	])("XState's own fields are never trusted or needed: %s", (_name, change) => {
		const result = readStored(v1(change), index);
		expect(result.kind).toBe('ok');
		if (result.kind === 'ok') expect(Object.keys(result.stored.lessons)).toEqual(['one', 'two']);
	});

	it('a lesson whose answer key changed since is named as changed; the others migrate', () => {
		const result = readStored(
			v1((d) => (d.snapshot.context.course.lessons[1].questions[0].correct = ['a'])),
			index
		);
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: ['two'], damaged: [] } });
		if (result.kind === 'ok') expect(result.stored.lessons.one?.passed).toBe(true);
	});

	it('an impossible format-1 record is named as damaged', () => {
		const result = readStored(
			v1((d) => (d.snapshot.context.progress.one.bestScore = 999999)),
			index
		);
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: ['one'] } });
	});

	it('a format-1 save with no context cannot be read', () => {
		expect(
			readStored(
				v1((d) => delete d.snapshot.context),
				index
			).kind
		).toBe('unreadable');
	});
});

describe('merging the copies of two tabs', () => {
	const passedInA = storedAfter(
		[open('one'), answer('q1', 'a'), answer('q2', 'a', 'c'), submit],
		2000
	);
	const answeringInB = storedAfter([open('one'), answer('q1', 'b')], 3000);

	it('never loses a pass, even to a newer answer in another tab', () => {
		const merged = mergeStored(passedInA, answeringInB);
		expect(merged.lessons.one).toMatchObject({
			passed: true,
			bestScore: 2,
			attempts: 1,
			answers: { q1: ['b'] },
			graded: false
		});
	});

	it('is symmetric, so both tabs reach the same copy', () => {
		expect(mergeStored(answeringInB, passedInA)).toEqual(mergeStored(passedInA, answeringInB));
	});

	it('a "Start over" (a later epoch) wins outright; the older epoch never merges back', () => {
		const reset = emptyStored('e2', 5000);
		expect(mergeStored(passedInA, reset)).toEqual(reset);
		expect(mergeStored(reset, passedInA)).toEqual(reset);
	});

	it('the place to resume is the one set last', () => {
		const later = { ...passedInA, current: 'two', currentAt: 9000 };
		expect(mergeStored(answeringInB, later).current).toBe('two');
		expect(mergeStored(later, answeringInB).current).toBe('two');
	});
});

describe('properties', () => {
	const events = fc.constantFrom<CourseEvent>(
		open('one'),
		open('two'),
		answer('q1', 'a'),
		answer('q1', 'b'),
		answer('q2', 'a', 'c'),
		answer('q2', 'b'),
		submit,
		{ type: 'learner.retry', seed: 5 },
		{ type: 'educator.openAll' }
	);
	const realSave = fc
		.tuple(fc.array(events, { maxLength: 25 }), fc.integer({ min: 1, max: 1e6 }))
		.map(([list, at]) => storedAfter(list, at));

	/** A path inside the JSON, and a value to put there (or undefined to delete). */
	const mutation = fc.tuple(
		fc.array(
			fc.oneof(
				fc.constantFrom(
					'lessons',
					'one',
					'answers',
					'order',
					'q1',
					'q2',
					'passed',
					'attempts',
					'bestScore',
					'graded',
					'version',
					'at',
					'visited',
					'__proto__',
					'current',
					'epoch',
					'format'
				),
				fc.nat(3)
			),
			{ minLength: 1, maxLength: 5 }
		),
		fc.option(fc.jsonValue(), { nil: undefined })
	);

	function mutate(doc: Json, path: (string | number)[], value: unknown) {
		let node = doc;
		for (const step of path.slice(0, -1)) {
			if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return;
			node = node[step];
		}
		if (node === null || typeof node !== 'object') return;
		const last = path.at(-1)!;
		if (value === undefined) delete node[last];
		else
			Object.defineProperty(node, last, {
				value,
				enumerable: true,
				writable: true,
				configurable: true
			});
	}

	it('reading a damaged real save never throws, never yields an impossible lesson, and keeps every lesson left intact', () => {
		fc.assert(
			fc.property(realSave, mutation, (save, [path, value]) => {
				const doc = JSON.parse(JSON.stringify(save));
				mutate(doc, path, value);
				const raw = JSON.stringify(doc);
				const result = read(raw);
				if (result.kind !== 'ok') return;
				for (const [slug, lesson] of Object.entries(result.stored.lessons)) {
					const entry = index.lessons.find((l) => l.slug === slug)!;
					expect(isPossible(lesson, entry)).toBe(true);
					expect(fitsCheck(lesson, keys[slug]!)).toBe(true);
				}
				// A lesson whose record the mutation did not touch is kept as it was.
				const after = JSON.parse(raw);
				for (const [slug, lesson] of Object.entries(save.lessons)) {
					if (JSON.stringify(after?.lessons?.[slug]) === JSON.stringify(lesson)) {
						expect(result.stored.lessons[slug]).toEqual(lesson);
					}
				}
			}),
			{ numRuns: 600 }
		);
	});

	it('merging two real saves keeps every pass and best score, and stays readable', () => {
		fc.assert(
			fc.property(realSave, realSave, (a, b) => {
				const merged = mergeStored(a, b);
				expect(mergeStored(b, a)).toEqual(merged);
				const back = read(JSON.stringify(merged));
				expect(back).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: [] } });
				for (const slug of ['one', 'two']) {
					const sides = [a.lessons[slug], b.lessons[slug]].filter(
						(l): l is StoredLesson => l !== undefined
					);
					const result: LessonProgress | undefined = merged.lessons[slug];
					if (sides.some((l) => l.passed)) expect(result?.passed).toBe(true);
					const best = Math.max(-1, ...sides.map((l) => l.bestScore ?? -1));
					expect(result?.bestScore ?? -1).toBe(best);
				}
			}),
			{ numRuns: 300 }
		);
	});
});
