/**
 * The SCORM packages in a real SCORM runtime: scorm-again's Scorm12API and Scorm2004API on an
 * LMS-like page that launches the unzipped package (dist/scorm/, made by `npm test` from the
 * build) in a frame, or in a frame inside a frame. What the gradebook receives, resuming from the
 * LMS on another computer, suspend data that does not fit, an LMS that refuses values, and the
 * same package outside any LMS.
 *
 * After every test: no call the course made left an error in the runtime (GetLastError is 0 for
 * each), the course initialized once, and it asked for no file the package lacks. The answer key
 * is the "Right…" feedback convention (tests/course.ts), never the loader's `correct` flags.
 */
import type { Browser, BrowserContext, Frame, Page } from '@playwright/test';
import { STORAGE_KEY } from '../src/lib/course/persistence';
import { encodeProgress } from '../src/lib/lms/suspend';
import { correctOptions, lessons } from './course';
import { answerAll, appReady, expect, progressAfter, test } from './fixtures';
import { startLmsServer, type LmsServer, type Standard } from './lms-server';

let lms: LmsServer;
test.beforeAll(async () => (lms = await startLmsServer()));
test.afterAll(async () => lms.close());

interface Call {
	method: string;
	args: string[];
	result: string;
	error: string;
}
type Cmi = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- scorm-again's data model as JSON

/** Every LMS page a test opened, to check their calls afterwards; other computers to close. */
let launched: Page[] = [];
let computers: BrowserContext[] = [];
test.beforeEach(() => {
	launched = [];
	computers = [];
	lms.missing.length = 0;
});
test.afterEach(async () => {
	for (const page of launched) {
		const calls = await page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
		const failed = calls
			.filter((c) => c.error !== '0' && c.error !== 'refused')
			.map((c) => `${c.method}(${c.args.join(', ')}) → ${c.result}, error ${c.error}`);
		expect(failed, 'calls the runtime reported an error for').toEqual([]);
		expect(calls.filter((c) => /Initialize$/.test(c.method))).toHaveLength(1);
	}
	expect(lms.missing, 'files the course asked for that the package lacks').toEqual([]);
	for (const context of computers) await context.close();
});

/** What an LMS knows of a learner at the first launch of an attempt. */
const firstLaunch: Record<Standard, Cmi> = {
	'1.2': {
		core: {
			entry: 'ab-initio',
			student_id: 'learner-7',
			student_name: 'Doe, Jane',
			credit: 'credit'
		}
	},
	'2004': {
		entry: 'ab-initio',
		learner_id: 'learner-7',
		learner_name: 'Doe, Jane',
		credit: 'credit'
	}
};

/** The same learner's data model from an earlier session, as an LMS restores it on resuming. */
function resuming(standard: Standard, saved: Cmi): Cmi {
	return standard === '1.2'
		? { ...saved, core: { ...saved.core, entry: 'resume' } }
		: { ...saved, entry: 'resume' };
}

/**
 * An earlier session's data with this suspend data: what the course reports at every launch
 * (status, score) is there too, as it would be.
 */
function withSuspendData(standard: Standard, suspend: string): Cmi {
	const reported =
		standard === '1.2'
			? {
					core: {
						...firstLaunch[standard].core,
						lesson_status: 'incomplete',
						score: { raw: '50', min: '0', max: '100' }
					}
				}
			: {
					completion_status: 'incomplete',
					success_status: 'unknown',
					progress_measure: '0.5',
					score: { scaled: '0.5', raw: '50', min: '0', max: '100' }
				};
	return resuming(standard, { ...firstLaunch[standard], ...reported, suspend_data: suspend });
}

/** The session notice, by what it says. */
const notice = (frame: Frame, text: RegExp | string) =>
	frame.getByRole('status').filter({ hasText: text });
/** No session notice at all. */
const noNotice = (frame: Frame) =>
	expect(frame.getByRole('button', { name: 'Dismiss this message' })).toHaveCount(0);

interface Launch {
	standard: Standard;
	data?: Cmi;
	/** The course in a frame inside the LMS's own frame. */
	nested?: boolean;
	/** Every SetValue answers "false". */
	refuse?: boolean;
}

/** Opens the LMS page and returns the course's frame once it has started its LMS session. */
async function launch(page: Page, options: Launch): Promise<Frame> {
	const { standard, data = firstLaunch[standard], nested = false, refuse = false } = options;
	await page.addInitScript(
		(cfg) => {
			if (window === window.top) (window as unknown as { __lms: unknown }).__lms = cfg;
		},
		{ standard, data, refuse }
	);
	const content = `/content/${standard}/index.html`;
	const src = nested ? `/lms/player.html?src=${encodeURIComponent(content)}` : content;
	await page.goto(`${lms.origin}/lms/launch.html?src=${encodeURIComponent(src)}`);
	launched.push(page);
	let course = (await (await page.locator('#sco').elementHandle())!.contentFrame())!;
	if (nested) course = (await (await course.locator('#sco').elementHandle())!.contentFrame())!;
	await course.locator(`html[data-lms="${standard}"]`).waitFor({ state: 'attached' });
	return course;
}

/** The LMS's data model for this learner, as it would store it. */
const cmi = (page: Page): Promise<Cmi> =>
	page.evaluate(() => (window as unknown as { __cmi: () => Cmi }).__cmi());

const calls = (page: Page): Promise<Call[]> =>
	page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);

/** The last value the course set for an element (as sent, before the runtime stores it). */
const sent = async (page: Page, element: string) =>
	(await calls(page)).filter((c) => /SetValue$/.test(c.method) && c.args[0] === element).at(-1)
		?.args[1];

/** The LMS closes the course (the learner leaves it): the frame goes, the course terminates. */
async function close(page: Page) {
	await page.evaluate(() => document.getElementById('sco')!.remove());
	await expect
		.poll(async () =>
			(await calls(page)).map((c) => c.method).filter((m) => /Finish|Terminate/.test(m))
		)
		.toHaveLength(1);
}

/** Moves to a lesson inside the frame the way a learner does: by its link. */
async function openLessonIn(frame: Frame, index: number) {
	const lesson = lessons[index]!;
	await frame.getByRole('link', { name: 'Course', exact: true }).click();
	await frame
		.getByRole('link', { name: `Lesson ${lesson.number}: ${lesson.title}`, exact: true })
		.click();
	await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
}

async function passIn(frame: Frame, index: number) {
	await answerAll(frame, lessons[index]!, 'right');
	await frame.getByRole('button', { name: 'Check answers' }).click();
	await expect(frame.getByRole('heading', { name: /^You passed/ })).toBeVisible();
}

/** The interaction records an LMS should hold for a lesson whose check was answered right. */
function rightInteractions(standard: Standard, index: number) {
	const lesson = lessons[index]!;
	return lesson.check.questions.map((q) => {
		const right = correctOptions(q);
		const letters = right.map((o) => 'abcdefgh'[q.options.indexOf(o)]).join(',');
		const ids = right.map((o) => o.id).join('[,]');
		return standard === '1.2'
			? {
					id: `${lesson.slug}_${q.id}`,
					type: 'choice',
					student_response: letters,
					result: 'correct',
					correct_responses: { 0: { pattern: letters } }
				}
			: {
					id: `${lesson.slug}_${q.id}`,
					type: 'choice',
					learner_response: ids,
					result: 'correct',
					correct_responses: { 0: { pattern: ids } }
				};
	});
}

const status = (standard: Standard, data: Cmi) =>
	standard === '1.2'
		? {
				status: data.core.lesson_status,
				raw: data.core.score.raw,
				min: data.core.score.min,
				max: data.core.score.max,
				exit: data.core.exit
			}
		: {
				completion: data.completion_status,
				success: data.success_status,
				raw: data.score.raw,
				min: data.score.min,
				max: data.score.max,
				scaled: data.score.scaled,
				exit: data.exit
			};

const incomplete = {
	'1.2': { status: 'incomplete', raw: '0', min: '0', max: '100', exit: 'suspend' },
	'2004': {
		completion: 'incomplete',
		success: 'unknown',
		raw: '0',
		min: '0',
		max: '100',
		scaled: '0',
		exit: 'suspend'
	}
};

for (const standard of ['1.2', '2004'] as Standard[]) {
	test.describe(`SCORM ${standard}`, () => {
		test('a first launch reports incomplete, keeps nothing in the browser, and shows the course', async ({
			page
		}) => {
			const frame = await launch(page, { standard });
			expect(status(standard, await cmi(page))).toEqual(incomplete[standard]);
			await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(frame.getByTestId('lesson-status').first()).toHaveText(/Not started/);
			await noNotice(frame);
			await openLessonIn(frame, 0);
			await answerAll(frame, lessons[0]!, 'right');
			// Progress is in the LMS: the browser's storage holds none of it.
			expect(await frame.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
			const location =
				standard === '1.2' ? (await cmi(page)).core.lesson_location : (await cmi(page)).location;
			expect(location).toBe(lessons[0]!.slug);
			// The embed snippet points at the site; inside an LMS it has nothing to offer.
			await expect(frame.getByRole('link', { name: 'Share or embed this lesson' })).toBeHidden();
		});

		test('a relaunch on another computer with the LMS data resumes exactly where the learner was', async ({
			page,
			browser
		}) => {
			const frame = await launch(page, { standard });
			await openLessonIn(frame, 0);
			await passIn(frame, 0);
			await openLessonIn(frame, 1);
			const half = lessons[1]!.check.questions.slice(0, 3);
			await answerAll(
				frame,
				{ ...lessons[1]!, check: { ...lessons[1]!.check, questions: half } },
				'right'
			);
			await close(page);
			const saved = await cmi(page);

			const other = await (await newComputer(browser)).newPage();
			const again = await launch(other, { standard, data: resuming(standard, saved) });
			await expect(again.getByTestId('lesson-status').nth(0)).toHaveText(/Passed/);
			await expect(again.getByTestId('lesson-status').nth(1)).toHaveText(/In progress/);
			await expect(again.getByRole('link', { name: /^Resume: Lesson 2/ })).toBeVisible();
			await again.getByRole('link', { name: /^Resume: Lesson 2/ }).click();
			for (const q of lessons[1]!.check.questions) {
				const chosen = half.includes(q) ? correctOptions(q) : [];
				for (const option of q.options) {
					const input = again
						.locator(`#q-${q.id}`)
						.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', {
							name: option.text,
							exact: true
						});
					await expect(input).toBeChecked({ checked: chosen.includes(option) });
				}
			}
			// The journal goes on from where it was.
			const before = Object.keys((await cmi(other)).interactions).length;
			expect(before).toBe(lessons[0]!.check.questions.length);
			await noNotice(again);
		});

		test('an LMS that answers "false" to every SetValue: the course says so and goes on, then catches up', async ({
			page
		}) => {
			const frame = await launch(page, { standard, refuse: true });
			const refused = notice(
				frame,
				'Your learning platform is not recording your progress right now'
			);
			await expect(refused).toBeVisible();
			await openLessonIn(frame, 0);
			await passIn(frame, 0);
			await expect(refused).toBeVisible();
			expect(Object.keys((await cmi(page)).interactions)).toHaveLength(0);

			await page.evaluate(() => ((window as unknown as { __refuse: boolean }).__refuse = false));
			await frame.getByRole('link', { name: `Next lesson: ${lessons[1]!.title}` }).click();
			await expect(
				notice(frame, 'Your learning platform is recording your progress again')
			).toBeVisible();
			const data = await cmi(page);
			expect(status(standard, data)).toEqual({
				...incomplete[standard],
				raw: '25',
				...(standard === '2004' ? { scaled: '0.25' } : {})
			});
			expect(Object.values(data.interactions)).toMatchObject(rightInteractions(standard, 0));
		});
	});
}

test.describe('SCORM 1.2, the whole course', () => {
	test('passing every check reports passed, a full score, and every answer as an interaction', async ({
		page
	}) => {
		const standard = '1.2';
		const frame = await launch(page, { standard });
		// A wrong first try in lesson 1, then every lesson right.
		await openLessonIn(frame, 0);
		await answerAll(frame, lessons[0]!, 'wrong');
		await frame.getByRole('button', { name: 'Check answers' }).click();
		await expect(frame.getByTestId('check-result')).toBeVisible();
		const wrong = Object.values((await cmi(page)).interactions) as Cmi[];
		expect(wrong.map((i) => i.result)).toEqual(lessons[0]!.check.questions.map(() => 'wrong'));
		await frame.getByRole('button', { name: 'Try again' }).click();
		await passIn(frame, 0);
		for (let i = 1; i < lessons.length; i++) {
			await frame.getByRole('link', { name: `Next lesson: ${lessons[i]!.title}` }).click();
			await passIn(frame, i);
		}
		const data = await cmi(page);
		expect(status(standard, data)).toEqual({
			status: 'passed',
			raw: '100',
			min: '0',
			max: '100',
			exit: 'suspend'
		});
		expect(Object.values(data.interactions).slice(wrong.length)).toMatchObject(
			lessons.flatMap((_, i) => rightInteractions(standard, i))
		);
		expect(await sent(page, 'cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);

		// Every page of the course opens inside the LMS frame, from the files in the package.
		await frame.getByRole('link', { name: 'See your course summary' }).click();
		await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		for (const name of ['About this module', 'Glossary', 'Accessibility', 'References']) {
			await frame.getByRole('contentinfo').getByRole('link', { name }).click();
			await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		}
		await frame.getByRole('banner').getByRole('link', { name: 'Display settings' }).click();
		await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		await frame
			.getByRole('banner')
			.getByRole('link', { name: /Get help now/ })
			.click();
		await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
		await close(page);
		const methods = (await calls(page)).map((c) => c.method);
		expect(methods.slice(-2)).toEqual(['LMSCommit', 'LMSFinish']);
	});
});

test.describe('SCORM 2004, launched from a frame inside the LMS’s frame', () => {
	test('finds the API two windows up, reports completed and passed with a scaled score', async ({
		page
	}) => {
		const standard = '2004';
		const frame = await launch(page, { standard, nested: true });
		expect(status(standard, await cmi(page))).toEqual(incomplete[standard]);
		for (let i = 0; i < lessons.length; i++) {
			if (i === 0) await openLessonIn(frame, 0);
			else await frame.getByRole('link', { name: `Next lesson: ${lessons[i]!.title}` }).click();
			await passIn(frame, i);
			const data = await cmi(page);
			const passed = i + 1;
			expect(status(standard, data)).toMatchObject({
				raw: String(Math.round((passed / lessons.length) * 100)),
				scaled: String(passed / lessons.length),
				completion: passed === lessons.length ? 'completed' : 'incomplete',
				success: passed === lessons.length ? 'passed' : 'unknown'
			});
		}
		const data = await cmi(page);
		expect(Object.values(data.interactions)).toMatchObject(
			lessons.flatMap((_, i) => rightInteractions(standard, i))
		);
		expect(data.progress_measure).toBe('1');
		await close(page);
		expect(status(standard, await cmi(page))).toEqual({
			completion: 'completed',
			success: 'passed',
			raw: '100',
			min: '0',
			max: '100',
			scaled: '1',
			exit: 'suspend'
		});
		expect(await sent(page, 'cmi.session_time')).toMatch(/^PT\d+H\d+M[\d.]+S$/);
	});
});

test.describe('suspend data that does not fit, handled as saved progress always is', () => {
	const first = lessons[0]!;
	const second = lessons[1]!;
	const real = () => progressAfter([first, second]);
	const cases: [string, () => string, RegExp, number][] = [
		[
			'a lesson whose questions changed in a new package',
			() => {
				const saved = real();
				saved.lessons[second.slug]!.version = 'an-older-check';
				return encodeProgress(saved);
			},
			/The questions in lesson 2 have changed/,
			1
		],
		[
			'a damaged lesson record',
			() => encodeProgress(real()).replace(/;tolerance,([^,]*),([^,]*),7,/, ';tolerance,$1,$2,9,'),
			/Your saved progress in lesson 2 could not be read/,
			1
		],
		[
			'suspend data from another course',
			() => 'A1B2C3|bookmark=slide7',
			/could not be read, so the course has started fresh/,
			0
		],
		[
			'suspend data from a newer version of this course',
			() => `ub9${encodeProgress(real()).slice(3)}`,
			/came from a different version of this course/,
			0
		]
	];
	for (const [name, suspend, message, kept] of cases) {
		test(`${name}: a fresh start for what does not fit, with a notice`, async ({ page }) => {
			const frame = await launch(page, {
				standard: '2004',
				data: withSuspendData('2004', suspend())
			});
			await expect(notice(frame, message)).toBeVisible();
			const statuses = frame.getByTestId('lesson-status');
			for (let i = 0; i < 2; i++) {
				await expect(statuses.nth(i)).toHaveText(
					i < kept ? /Passed/ : i === 0 ? /Not started/ : /Locked|Not started/
				);
			}
		});
	}
});

test.describe('outside an LMS', () => {
	test('the same package opened on its own keeps progress in the browser, as the site does', async ({
		page
	}) => {
		await page.goto(`${lms.origin}/content/1.2/index.html`);
		await appReady(page);
		await page.getByRole('link', { name: `Lesson 1: ${lessons[0]!.title}`, exact: true }).click();
		await answerAll(page, lessons[0]!, 'right');
		await expect
			.poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY))
			.not.toBeNull();
		expect(await page.evaluate(() => document.documentElement.dataset.lms)).toBeUndefined();
		await expect(page.getByRole('link', { name: 'Share or embed this lesson' })).toBeVisible();
	});
});

/** A browser context of its own: another computer, with nothing in its storage. */
async function newComputer(browser: Browser) {
	const context = await browser.newContext();
	computers.push(context);
	return context;
}
