/**
 * The suspend-data encoding on the real course: states made by the course machine survive the
 * trip to the LMS exactly, the worst realistic state fits SCORM 1.2's 4,096 characters (computed
 * from the real lesson files, so a longer course fails here first), and damaged or foreign
 * suspend data is read the way the browser's storage is: through `readStored`, never throwing.
 */
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine } from '$lib/course/courseMachine';
import { savedPart, type CourseEvent } from '$lib/course/context';
import { fitsCheck, isPossible, LIMITS } from '$lib/course/progress';
import { readStored, stamp } from '$lib/course/saved';
import { emptyStored, type StoredProgress } from '$lib/course/stored';
import {
	ENCODING,
	SUSPEND_LIMIT,
	decodeSuspendData,
	encodeProgress,
	encodeSuspendData
} from './suspend';
import { answerAll, index, keys, open, slugs, submit } from './realCourse';

/** Hundreds of generated cases each: room beyond vitest's 5 s on a busy two-core machine. */
const PROPERTY_TIMEOUT = 30_000;
/** A time in late 2026, as `Date.now()` gives it: the realistic length of a stamp. */
const NOW = 1_795_000_000_000;

const retry = (seed: number): CourseEvent => ({ type: 'learner.retry', seed });

/** What a session stores after these events, stamped at `at`. */
function storedAfter(events: CourseEvent[], at = NOW, epoch = '0123456789abcdef'): StoredProgress {
	const actor = createActor(courseMachine, { input: { course: index } }).start();
	events.forEach((e) => actor.send(e));
	return stamp(savedPart(actor.getSnapshot().context), emptyStored(epoch, at), index, at, true);
}

const read = (suspend: string) => readStored(decodeSuspendData(suspend), index, keys);

/**
 * The most a learner realistically leaves behind in every lesson: a failed attempt, a pass, and
 * a third try reshuffled and fully answered (every option of every multiple-answer question)
 * but not yet checked. So every question has its answers and its shown order kept.
 */
const worstRealistic = storedAfter(
	slugs.flatMap((slug, i) => [
		open(slug),
		...answerAll(slug, 'most'),
		submit,
		retry(7 + i),
		...answerAll(slug, 'right'),
		submit,
		retry(11 + i),
		...answerAll(slug, 'most')
	])
);

describe('the real course', () => {
	it('has four lessons, so the size bounds below are about the course as it ships', () => {
		expect(slugs).toHaveLength(4);
	});

	it('the worst realistic state has every lesson passed, with answers and shuffled orders', () => {
		for (const slug of slugs) {
			const lesson = worstRealistic.lessons[slug]!;
			expect(lesson).toMatchObject({ passed: true, attempts: 2, graded: false });
			expect(Object.keys(lesson.answers)).toHaveLength(keys[slug]!.questions.length);
			expect(Object.keys(lesson.order)).toHaveLength(keys[slug]!.questions.length);
		}
	});

	it(`fits SCORM 1.2's ${SUSPEND_LIMIT['1.2']} characters with everything kept`, () => {
		const text = encodeProgress(worstRealistic);
		expect(text.length).toBeLessThan(SUSPEND_LIMIT['1.2'] / 2);
		expect(encodeSuspendData(worstRealistic, SUSPEND_LIMIT['1.2'])).toBe(text);
	});

	it('fits even at the bounds saved progress may reach: the longest numbers and every option', () => {
		// Not reachable by a learner (100,000 attempts), so an upper bound for this course.
		const most: StoredProgress = {
			...worstRealistic,
			epochAt: Number.MAX_SAFE_INTEGER,
			currentAt: Number.MAX_SAFE_INTEGER,
			lessons: Object.fromEntries(
				slugs.map((slug) => {
					const key = keys[slug]!;
					const all = Object.fromEntries(key.questions.map((q) => [q.id, q.options]));
					return [
						slug,
						{
							...worstRealistic.lessons[slug]!,
							at: Number.MAX_SAFE_INTEGER,
							attempts: LIMITS.attempts,
							answers: all,
							order: all
						}
					];
				})
			)
		};
		expect(encodeProgress(most).length).toBeLessThan(SUSPEND_LIMIT['1.2']);
	});

	it('is plain ASCII made of letters, digits and a few separators', () => {
		expect(encodeProgress(worstRealistic)).toMatch(/^[A-Za-z0-9%._,;:=/-]+$/);
	});
});

describe('a round trip through the LMS', () => {
	it('gives back the worst realistic state exactly, with nothing dropped', () => {
		const text = encodeProgress(worstRealistic);
		expect(read(text)).toEqual({
			kind: 'ok',
			stored: worstRealistic,
			dropped: { changed: [], damaged: [] }
		});
		expect(JSON.parse(decodeSuspendData(text)!)).toEqual(worstRealistic);
	});

	it('gives back a fresh start, a reset and the educator opening every check', () => {
		for (const events of [
			[],
			[open(slugs[0]!)],
			[open(slugs[0]!), ...answerAll(slugs[0]!, 'right'), submit, { type: 'learner.reset' }],
			[{ type: 'educator.openAll' }, open(slugs[2]!), ...answerAll(slugs[2]!, 'most')]
		] as CourseEvent[][]) {
			const stored = storedAfter(events);
			expect(JSON.parse(decodeSuspendData(encodeProgress(stored))!)).toEqual(stored);
		}
	});

	it('keeps an empty epoch and no current lesson apart from real ones', () => {
		const stored = { ...emptyStored('', 0), current: null };
		expect(JSON.parse(decodeSuspendData(encodeProgress(stored))!)).toEqual(stored);
	});

	it(
		'any sequence of learner events on the real course round-trips exactly',
		() => {
			const event = fc.oneof(
				fc.constantFrom(...slugs).map(open),
				fc.constant(submit),
				fc.nat(1000).map(retry),
				fc.constant<CourseEvent>({ type: 'educator.openAll' }),
				fc.constant<CourseEvent>({ type: 'learner.reset' }),
				fc
					.tuple(fc.constantFrom(...slugs), fc.nat(), fc.array(fc.nat(), { maxLength: 4 }))
					.map(([slug, q, picks]): CourseEvent => {
						const questions = keys[slug]!.questions;
						const question = questions[q % questions.length]!;
						const chosen = [
							...new Set(picks.map((p) => question.options[p % question.options.length]!))
						];
						return { type: 'learner.answer', questionId: question.id, optionIds: chosen };
					})
			);
			fc.assert(
				fc.property(
					fc.array(event, { maxLength: 40 }),
					fc.integer({ min: 0, max: NOW }),
					(events, at) => {
						const stored = storedAfter(events, at);
						const text = encodeProgress(stored);
						expect(read(text)).toEqual({
							kind: 'ok',
							stored,
							dropped: { changed: [], damaged: [] }
						});
					}
				),
				{ numRuns: 300 }
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'any document readStored accepts round-trips, whatever its ids and times',
		() => {
			const id = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((s) => s.length <= 64);
			const ids = fc.uniqueArray(id, { maxLength: 8 });
			const time = fc.nat({ max: Number.MAX_SAFE_INTEGER });
			const lesson = fc.record({
				version: fc.string({ maxLength: 64 }),
				at: time,
				visited: fc.boolean(),
				answers: fc.dictionary(id, ids, { maxKeys: 5 }),
				order: fc.dictionary(id, ids, { maxKeys: 5 }),
				attempts: fc.nat(LIMITS.attempts),
				graded: fc.boolean(),
				bestScore: fc.option(fc.nat(LIMITS.attempts)),
				passed: fc.boolean()
			});
			const document = fc.record({
				format: fc.constant(2 as const),
				epoch: fc.string({ maxLength: 64 }),
				epochAt: time,
				current: fc.option(id),
				currentAt: time,
				openAll: fc.boolean(),
				lessons: fc.dictionary(id, lesson, { maxKeys: 4 })
			});
			fc.assert(
				fc.property(document, (stored) => {
					expect(JSON.parse(decodeSuspendData(encodeProgress(stored))!)).toEqual(stored);
				}),
				{ numRuns: 300 }
			);
		},
		PROPERTY_TIMEOUT
	);
});

describe('a course too big for the limit', () => {
	const text = encodeProgress(worstRealistic);

	it('loses the shuffled orders first, then unchecked answers, then all answers; never a pass', () => {
		const noOrders = encodeSuspendData(worstRealistic, text.length - 1);
		const back = JSON.parse(decodeSuspendData(noOrders)!) as StoredProgress;
		for (const slug of slugs) {
			expect(back.lessons[slug]).toEqual({ ...worstRealistic.lessons[slug], order: {} });
		}

		const bare = encodeSuspendData(worstRealistic, 10);
		const least = read(bare);
		expect(least).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: [] } });
		for (const slug of slugs) {
			const { answers, order, graded, ...kept } = worstRealistic.lessons[slug]!;
			expect([answers, order, graded]).not.toEqual([{}, {}, false]);
			expect(least.kind === 'ok' && least.stored.lessons[slug]).toEqual({
				...kept,
				answers: {},
				order: {},
				graded: false
			});
		}
	});

	it('keeps a checked lesson readable when only unchecked answers go', () => {
		const graded = storedAfter([
			open(slugs[0]!),
			...answerAll(slugs[0]!, 'right'),
			submit,
			retry(3),
			open(slugs[1]!),
			...answerAll(slugs[1]!, 'most'),
			submit,
			retry(4),
			...answerAll(slugs[1]!, 'most')
		]);
		const full = encodeProgress(graded);
		const withoutOrders = encodeProgress({
			...graded,
			lessons: Object.fromEntries(
				Object.entries(graded.lessons).map(([s, l]) => [s, { ...l, order: {} }])
			)
		});
		expect(withoutOrders.length).toBeLessThan(full.length);
		const shrunk = encodeSuspendData(graded, withoutOrders.length - 1);
		const back = read(shrunk);
		expect(back).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: [] } });
		if (back.kind !== 'ok') return;
		expect(back.stored.lessons[slugs[0]!]!.answers).toEqual(graded.lessons[slugs[0]!]!.answers);
		expect(back.stored.lessons[slugs[1]!]!.answers).toEqual({});
	});
});

describe('suspend data that is not what this page wrote', () => {
	const real = encodeProgress(worstRealistic);
	const [head, ...lessons] = real.split(';');
	/** The real suspend data with lesson `i`'s record replaced. */
	const withLesson = (i: number, record: string) =>
		[head, ...lessons.map((l, j) => (j === i ? record : l))].join(';');
	const second = slugs[1]!;
	const fields = lessons[1]!.split(',');
	const withField = (n: number, value: string) =>
		withLesson(1, fields.map((f, i) => (i === n ? value : f)).join(','));

	it('nothing at all is a first visit', () => {
		expect(decodeSuspendData('')).toBeNull();
		expect(read('')).toEqual({ kind: 'empty' });
	});

	const unreadable: [string, string][] = [
		['another course’s data', 'A1B2C3|bookmark=slide7'],
		['the browser’s JSON format', JSON.stringify(worstRealistic)],
		['an older encoding number', `ub0${real.slice(3)}`],
		['a header with a field missing', real.replace(/^ub1,[^,]*,/, 'ub1,')],
		['a header with a field too many', real.replace(/^ub1,/, 'ub1,x,')],
		['a header time that is not a number', real.replace(/^(ub1,[^,]*,)[^,]*/, '$1-5')],
		['a header with a broken escape', real.replace(/^ub1,[^,]*/, 'ub1,%E0%A4%A')],
		['open-all that is not 0 or 1', real.replace(/^((?:[^,;]*,){5})[01]/, '$12')],
		['only the marker', 'ub1']
	];
	for (const [name, text] of unreadable) {
		it(`${name} cannot be read, so the course starts fresh and says so`, () => {
			expect(read(text)).toEqual({ kind: 'unreadable' });
		});
	}

	it('a newer encoding is from another version of the course', () => {
		expect(read(`ub${ENCODING + 1}${real.slice(3)}`)).toEqual({ kind: 'other-version' });
	});

	const damagedLesson: [string, string][] = [
		['a field missing', withLesson(1, fields.slice(0, -1).join(','))],
		['flags out of range', withField(3, '9')],
		['attempts that are not a number', withField(4, 'A')],
		['a number with a leading zero', withField(4, '02')],
		['a number past 2^53', withField(2, 'zzzzzzzzzzz')],
		['a question named twice', withField(6, `${fields[6]}:${fields[6]!.split(':')[0]}`)],
		['a question with two answers', withField(6, fields[6]!.replace('=', '=a=b'))],
		['an option that is not an id', withField(6, fields[6]!.replace('=', '=%3Cb%3E.'))],
		['a broken escape', withField(1, '%ZZ')],
		['a best score higher than the question count', withField(5, 'z')],
		['a pass without a best score', withField(5, '')]
	];
	for (const [name, text] of damagedLesson) {
		it(`a lesson record with ${name} starts that lesson fresh and keeps the others`, () => {
			const result = read(text);
			expect(result).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: [second] } });
			if (result.kind !== 'ok') return;
			expect(Object.keys(result.stored.lessons).sort()).toEqual(
				slugs.filter((s) => s !== second).sort()
			);
		});
	}

	it('a lesson recorded twice is trusted in neither copy', () => {
		const result = read(`${real};${lessons[1]}`);
		expect(result).toMatchObject({ kind: 'ok', dropped: { damaged: [second] } });
	});

	it('a lesson whose questions changed in a new package starts fresh and is named as changed', () => {
		const result = read(withField(1, 'an0ldversion'));
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: [second], damaged: [] } });
	});

	it('a lesson that is not in this package is left out without a word', () => {
		const result = read(`${real};not-in-this-package,v,1,1,0,,`);
		expect(result).toMatchObject({ kind: 'ok', dropped: { changed: [], damaged: [] } });
	});

	it('"__proto__" as a lesson or question name stays a plain name', () => {
		const text = `${real};__proto__,v,1,1,0,,;${withField(6, '__proto__=a').split(';')[2]}`;
		const json = decodeSuspendData(text)!;
		expect(Object.getPrototypeOf(JSON.parse(json).lessons)).toBe(Object.prototype);
		expect(read(text)).toMatchObject({ kind: 'ok', dropped: { damaged: [second] } });
	});

	it(
		'any text at all is read without throwing',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(
						fc.string(),
						fc.string().map((s) => `ub1,${s}`)
					),
					(text) => {
						const result = read(text);
						expect(['empty', 'unreadable', 'other-version', 'ok']).toContain(result.kind);
					}
				),
				{ numRuns: 1000 }
			);
		},
		PROPERTY_TIMEOUT
	);

	it(
		'real suspend data cut short or changed anywhere never yields an impossible lesson',
		() => {
			const edit = fc.tuple(
				fc.nat(real.length),
				fc.nat(8),
				fc.string({ unit: fc.constantFrom(...',;:=/.%0123456789abz-'), maxLength: 4 })
			);
			fc.assert(
				fc.property(edit, ([at, cut, insert]) => {
					const text = real.slice(0, at) + insert + real.slice(at + cut);
					const result = read(text);
					if (result.kind !== 'ok') return;
					for (const [slug, lesson] of Object.entries(result.stored.lessons)) {
						const entry = index.lessons.find((l) => l.slug === slug)!;
						expect(isPossible(lesson, entry)).toBe(true);
						expect(fitsCheck(lesson, keys[slug]!)).toBe(true);
					}
				}),
				{ numRuns: 1000 }
			);
		},
		PROPERTY_TIMEOUT
	);
});
