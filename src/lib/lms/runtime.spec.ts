/**
 * The course inside an LMS, in Node: a real `CourseSession` on the real course, launched by a
 * strict LMS (testLms.ts) for each standard. What the gradebook receives, when the course
 * commits, how it resumes, and how it lives with an LMS that refuses. Every test also checks
 * that no call the course made left an error in the LMS.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourseEvent } from '$lib/course/context';
import { describeNotice } from '$lib/course/persistence';
import { CourseSession, loadEngine } from '$lib/course/session.svelte';
import { interactionValues, sessionTime, statusValues, type ScormVersion } from './report';
import { MAX_INTERACTIONS, startInLms } from './runtime';
import { TestLms } from './testLms';
import { decodeSuspendData } from './suspend';
import { answerAll, index, keys, open, slugs, submit } from './realCourse';

// The session's engine loads on demand in the browser; here, once, before any session starts.
beforeAll(loadEngine);

const [first, second] = slugs as [string, string];

const pass = (slug: string) => [open(slug), ...answerAll(slug, 'right'), submit];
const fail = (slug: string) => [open(slug), ...answerAll(slug, 'wrong'), submit];

/** A window for the runtime: events, a document with a dataset and a visibility state. */
function fakeWindow() {
	const document = Object.assign(new EventTarget(), {
		documentElement: { dataset: {} as Record<string, string> },
		visibilityState: 'visible' as DocumentVisibilityState
	});
	return Object.assign(new EventTarget(), { document });
}

let clock = 1_795_000_000_000;
const running: { session: CourseSession; lms: TestLms }[] = [];
afterEach(() => {
	for (const { session, lms } of running.splice(0)) {
		session.stop();
		expect(lms.errors, 'calls that left an error in the LMS').toEqual([]);
	}
});

/** Launches the course in `lms`, as the root layout does, and plays `events`. */
function launch(lms: TestLms, events: CourseEvent[] = []) {
	const session = new CourseSession(index, { now: () => clock });
	const win = fakeWindow();
	startInLms(session, lms.found, win as unknown as Window, { now: () => clock });
	running.push({ session, lms });
	for (const event of events) {
		clock += 1000;
		session.send(event);
	}
	return { session, win };
}

const value = (lms: TestLms, element: string) => lms.data.get(element);
const setValues = (lms: TestLms) =>
	lms.calls.filter((c) => c.method === 'SetValue').map((c) => c.args[0]);

const status = {
	'1.2': (lms: TestLms) => ({
		status: value(lms, 'cmi.core.lesson_status'),
		raw: value(lms, 'cmi.core.score.raw'),
		min: value(lms, 'cmi.core.score.min'),
		max: value(lms, 'cmi.core.score.max')
	}),
	'2004': (lms: TestLms) => ({
		completion: value(lms, 'cmi.completion_status'),
		success: value(lms, 'cmi.success_status'),
		raw: value(lms, 'cmi.score.raw'),
		min: value(lms, 'cmi.score.min'),
		max: value(lms, 'cmi.score.max'),
		scaled: value(lms, 'cmi.score.scaled'),
		progress: value(lms, 'cmi.progress_measure')
	})
};
const expected = {
	'1.2': (percent: number, passed: boolean) => ({
		status: passed ? 'passed' : 'incomplete',
		raw: String(percent),
		min: '0',
		max: '100'
	}),
	'2004': (percent: number, passed: boolean) => ({
		completion: passed ? 'completed' : 'incomplete',
		success: passed ? 'passed' : 'unknown',
		raw: String(percent),
		min: '0',
		max: '100',
		scaled: String(percent / 100),
		progress: String(percent / 100)
	})
};

describe.each(['1.2', '2004'] as ScormVersion[])('SCORM %s', (version) => {
	const location = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
	const exit = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
	const time = version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time';

	it('a first launch reports incomplete with a score of 0, asks to be resumed, and commits', () => {
		const lms = new TestLms(version);
		const { win } = launch(lms);
		expect(status[version](lms)).toEqual(expected[version](0, false));
		expect(value(lms, location)).toBeUndefined(); // no lesson yet: nothing to bookmark
		expect(value(lms, exit)).toBe('suspend');
		expect(value(lms, time)).toBe(sessionTime(version, 0));
		expect(lms.commits).toBe(1);
		expect(win.document.documentElement.dataset.lms).toBe(version);
		// Nothing to read at a first launch: no suspend data asked for.
		expect(lms.calls.some((c) => c.args[0] === 'cmi.suspend_data' && c.method === 'GetValue')).toBe(
			false
		);
	});

	it('keeps progress in the suspend data, and bookmarks the lesson the learner is in', () => {
		const lms = new TestLms(version);
		const { session } = launch(lms, [open(first), ...answerAll(first, 'right').slice(0, 3)]);
		const saved = JSON.parse(decodeSuspendData(value(lms, 'cmi.suspend_data')!)!);
		expect(saved.current).toBe(first);
		expect(saved.lessons[first].answers).toEqual(session.context.progress[first]!.answers);
		expect(value(lms, location)).toBe(first);
		// Opening a lesson moved the bookmark, so it was committed; answering alone is not.
		expect(lms.commits).toBe(2);
	});

	it('a graded check is journaled: one interaction per question, then a commit', () => {
		const lms = new TestLms(version);
		launch(lms, fail(first));
		const questions = keys[first]!.questions;
		expect(lms.interactions).toHaveLength(questions.length);
		const [one] = lms.interactions;
		const q = questions[0]!;
		const wrong = q.options.find((o) => !q.correct.includes(o))!;
		const letter = (o: string) => 'abcdefgh'[q.options.indexOf(o)];
		expect(one).toMatchObject(
			version === '1.2'
				? {
						id: `${first}_${q.id}`,
						type: 'choice',
						student_response: letter(wrong),
						'correct_responses.0.pattern': q.correct.map(letter).join(','),
						result: 'wrong'
					}
				: {
						id: `${first}_${q.id}`,
						type: 'choice',
						learner_response: wrong,
						'correct_responses.0.pattern': q.correct.join('[,]'),
						result: 'incorrect'
					}
		);
		expect(lms.commits).toBe(3); // launch, opening the lesson, the graded check
		expect(status[version](lms)).toEqual(expected[version](0, false));
	});

	it('passing every lesson reports passed with a full score, and every check journaled', () => {
		const lms = new TestLms(version);
		launch(lms, [...fail(first), { type: 'learner.retry', seed: 3 }, ...slugs.flatMap(pass)]);
		expect(status[version](lms)).toEqual(expected[version](100, true));
		const questions = slugs.reduce((n, s) => n + keys[s]!.questions.length, 0);
		const all = lms.interactions;
		expect(all).toHaveLength(keys[first]!.questions.length + questions);
		const right = all.slice(keys[first]!.questions.length);
		expect(right.every((i) => i.result === 'correct')).toBe(true);
		expect(right.map((i) => i.id)).toEqual(
			slugs.flatMap((s) => keys[s]!.questions.map((q) => `${s}_${q.id}`))
		);
	});

	it('half the lessons passed is a score of 50, still incomplete', () => {
		const lms = new TestLms(version);
		launch(lms, [...pass(first), ...pass(second)]);
		expect(status[version](lms)).toEqual(expected[version](50, false));
	});

	it('a relaunch with the saved data resumes exactly, and appends to the journal', () => {
		const lms = new TestLms(version);
		const { session } = launch(lms, [...pass(first), open(second), ...answerAll(second, 'wrong')]);
		const before = session.context;
		const again = new TestLms(version, {
			...Object.fromEntries(lms.data),
			[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'resume'
		});
		const { session: resumed } = launch(again);
		expect(resumed.context.progress).toEqual(before.progress);
		expect(resumed.context.current).toBe(second);
		expect(resumed.notice).toBeNull();
		resumed.send(open(second));
		resumed.send(submit);
		expect(again.interactions).toHaveLength(
			keys[first]!.questions.length + keys[second]!.questions.length
		);
	});

	it('a passed course stays passed in the gradebook after "Start over", and its score never falls', async () => {
		const lms = new TestLms(version, {
			[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'resume',
			'cmi.suspend_data': '',
			...(version === '1.2'
				? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' }
				: { 'cmi.success_status': 'passed', 'cmi.score.scaled': '1' })
		});
		const { session } = launch(lms);
		await session.startOver();
		session.send(open(first));
		expect(status[version](lms)).toEqual(expected[version](100, true));
	});

	it('a score reached in this session stays after "Start over" in it', async () => {
		const lms = new TestLms(version);
		const { session } = launch(lms, pass(first));
		await session.startOver();
		session.send(open(first));
		expect(session.context.progress[first]!.passed).toBe(false);
		expect(status[version](lms)).toEqual(expected[version](25, false));
	});

	it('an LMS that refuses values: the page says so, keeps going, and catches up when it can', () => {
		const lms = new TestLms(version);
		const { session } = launch(lms, [open(first)]);
		lms.refuse = /./;
		for (const event of answerAll(first, 'right')) session.send(event);
		expect(session.notice).toEqual({ kind: 'lms-not-recording' });
		expect(describeNotice(session.notice!)).toMatch(/learning platform is not recording/);
		session.send(submit);
		expect(session.context.progress[first]!.passed).toBe(true);
		expect(lms.interactions).toHaveLength(0);

		lms.refuse = null;
		session.send(open(second));
		expect(session.notice).toEqual({ kind: 'lms-recording-again' });
		expect(lms.interactions).toHaveLength(keys[first]!.questions.length);
		expect(status[version](lms)).toEqual(expected[version](25, false));
		const saved = JSON.parse(decodeSuspendData(value(lms, 'cmi.suspend_data')!)!);
		expect(saved.lessons[first].passed).toBe(true);
		lms.calls.length = 0; // the refusals were the test's doing
	});

	it('an LMS that refuses to commit is reported the same way', () => {
		const lms = new TestLms(version);
		const { session } = launch(lms);
		lms.refuseCommit = true;
		session.send(open(first));
		expect(session.notice).toEqual({ kind: 'lms-not-recording' });
		lms.refuseCommit = false;
		session.send(open(second));
		expect(session.notice).toEqual({ kind: 'lms-recording-again' });
		lms.calls.length = 0;
	});

	it('pagehide terminates once, after a last commit; nothing is written afterwards', () => {
		const lms = new TestLms(version);
		const { session, win } = launch(lms, [open(first)]);
		clock += 65_000;
		win.dispatchEvent(new Event('pagehide'));
		win.dispatchEvent(new Event('pagehide'));
		const methods = lms.calls.map((c) => c.method);
		expect(methods.filter((m) => m === 'Terminate')).toHaveLength(1);
		expect(methods.at(-1)).toBe('Terminate');
		expect(methods.at(-2)).toBe('Commit');
		expect(value(lms, time)).toBe(sessionTime(version, 66_000));
		const calls = lms.calls.length;
		session.send(open(second));
		expect(lms.calls).toHaveLength(calls);
	});

	it('hiding the page commits without ending the session', () => {
		const lms = new TestLms(version);
		const { win } = launch(lms);
		win.document.visibilityState = 'hidden';
		win.document.dispatchEvent(new Event('visibilitychange'));
		expect(lms.commits).toBe(2);
		expect(lms.calls.some((c) => c.method === 'Terminate')).toBe(false);
	});

	it('review mode shows the progress, says so, and writes nothing', () => {
		const mode = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
		const lms = new TestLms(version);
		const { session } = launch(lms, pass(first));
		const review = new TestLms(version, {
			...Object.fromEntries(lms.data),
			[mode]: 'review',
			[version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'resume'
		});
		const { session: reviewing, win } = launch(review, [...fail(second)]);
		expect(reviewing.context.progress[first]).toEqual(session.context.progress[first]);
		expect(reviewing.notice).toEqual({ kind: 'lms-review' });
		win.dispatchEvent(new Event('pagehide'));
		expect(setValues(review)).toEqual([]);
		expect(review.calls.filter((c) => c.method === 'Commit')).toEqual([]);
		expect(review.calls.at(-1)?.method).toBe('Terminate');
	});

	it('an LMS that refuses to start: progress stays in the browser, and the page says so', () => {
		const lms = new TestLms(version);
		const found = lms.found;
		const broken = {
			...found,
			api: {
				...found.api,
				[version === '1.2' ? 'LMSInitialize' : 'Initialize']: () => 'false'
			}
		} as typeof found;
		// The browser's storage, as the session uses it outside an LMS (here: none at all).
		vi.stubGlobal('window', new EventTarget());
		const session = new CourseSession(index);
		expect(startInLms(session, broken, fakeWindow() as unknown as Window)).toBe(false);
		expect(session.ready).toBe(true);
		expect(session.notice).toEqual({ kind: 'lms-not-recording' });
		session.send(open(first));
		expect(session.context.current).toBe(first);
		session.stop();
		vi.unstubAllGlobals();
	});

	it(`the journal stops at ${MAX_INTERACTIONS} records rather than overflow a careful LMS`, () => {
		const lms = new TestLms(version);
		const retries = Array.from({ length: 40 }, (_, i): CourseEvent[] => [
			...answerAll(first, 'wrong'),
			submit,
			{ type: 'learner.retry', seed: i }
		]);
		launch(lms, [open(first), ...retries.flat()]);
		expect(lms.interactions).toHaveLength(MAX_INTERACTIONS);
	});
});

describe('formats', () => {
	it('session time: 1.2 as HHHH:MM:SS.SS, 2004 as an ISO 8601 duration', () => {
		expect(sessionTime('1.2', 0)).toBe('0000:00:00.00');
		expect(sessionTime('1.2', 3_723_450)).toBe('0001:02:03.45');
		expect(sessionTime('2004', 3_723_450)).toBe('PT1H2M3.45S');
		expect(sessionTime('2004', 0)).toBe('PT0H0M0S');
		expect(sessionTime('1.2', 10_000 * 3_600_000)).toBe('9999:59:59.99');
	});

	it('a bookmark longer than the standard keeps is cut to fit', () => {
		const long = 'x'.repeat(2000);
		const location = (v: ScormVersion) =>
			statusValues(v, { fraction: 0, passed: false }, long).at(-1)![1];
		expect(location('1.2')).toHaveLength(255);
		expect(location('2004')).toHaveLength(1000);
	});

	it('1.2 names options by their place (a, b, c…) whatever the lesson calls them', () => {
		const question = {
			id: 'pick',
			kind: 'multiple' as const,
			options: ['yes', 'no', 'maybe'],
			correct: ['yes', 'maybe']
		};
		const check = {
			slug: 'lesson',
			key: { passMark: 100, questions: [question] },
			answers: { pick: ['maybe', 'no'] }
		};
		const at = new Date(2026, 11, 1, 9, 5, 7);
		expect(Object.fromEntries(interactionValues('1.2', 3, check, question, at))).toEqual({
			'cmi.interactions.3.id': 'lesson_pick',
			'cmi.interactions.3.type': 'choice',
			'cmi.interactions.3.time': '09:05:07',
			'cmi.interactions.3.student_response': 'b,c',
			'cmi.interactions.3.correct_responses.0.pattern': 'a,c',
			'cmi.interactions.3.result': 'wrong'
		});
		expect(Object.fromEntries(interactionValues('2004', 0, check, question, at))).toMatchObject({
			'cmi.interactions.0.learner_response': 'no[,]maybe',
			'cmi.interactions.0.correct_responses.0.pattern': 'yes[,]maybe',
			'cmi.interactions.0.timestamp': at.toISOString()
		});
	});
});
