/**
 * What the course tells an LMS, in each standard's own element names and formats. Pure: the
 * runtime (`runtime.ts`) decides when to send it.
 *
 * Choices where the standards leave room (README, "For course administrators"):
 * - **Status.** Incomplete until every lesson in the package is passed, then passed (2004:
 *   completed and passed). Never "failed": a learner can retry any check as often as they like,
 *   so nothing is final, and several LMSs treat "failed" as the end of an attempt (Moodle's
 *   "force new attempt") and would drop the learner's suspend data on the next launch.
 * - **Score.** The course's mastery: lessons passed out of the lessons in the package, as a
 *   percentage in `raw` (0 to 100, the range SCORM 1.2 gives `score.raw`) and a fraction in
 *   2004's `scaled`. What the gradebook already holds is never lowered: a passed course stays
 *   passed after "Start over", and a score never falls.
 * - **Interactions.** One record per question each time a check is graded (the journal the
 *   standards describe), appended after whatever the LMS already holds.
 */
import { allPassed, type CourseContext } from '$lib/course/context';
import { isAnsweredCorrectly, type CheckKey } from '$lib/course/scoring';

export type ScormVersion = '1.2' | '2004';

/** How far the learner has got: lessons passed, and whether that is all of them. */
export interface Mastery {
	/** Lessons passed out of the lessons in the package, 0 to 1. */
	fraction: number;
	passed: boolean;
}

export function masteryOf(context: CourseContext): Mastery {
	const lessons = context.course.lessons;
	const passed = lessons.filter((l) => context.progress[l.slug]?.passed).length;
	return {
		fraction: lessons.length ? passed / lessons.length : 0,
		passed: lessons.length > 0 && allPassed(context)
	};
}

/** The better of two: what the LMS already recorded and what the learner has now. */
export function bestOf(a: Mastery, b: Mastery): Mastery {
	return { fraction: Math.max(a.fraction, b.fraction), passed: a.passed || b.passed };
}

/** The elements each standard names differently. */
export const ELEMENTS = {
	'1.2': {
		suspendData: 'cmi.suspend_data',
		location: 'cmi.core.lesson_location',
		mode: 'cmi.core.lesson_mode',
		entry: 'cmi.core.entry',
		exit: 'cmi.core.exit',
		sessionTime: 'cmi.core.session_time',
		interactionCount: 'cmi.interactions._count'
	},
	'2004': {
		suspendData: 'cmi.suspend_data',
		location: 'cmi.location',
		mode: 'cmi.mode',
		entry: 'cmi.entry',
		exit: 'cmi.exit',
		sessionTime: 'cmi.session_time',
		interactionCount: 'cmi.interactions._count'
	}
} as const;

/** Longest location each standard promises to keep (1.2 CMIString255; 2004 SPM 1000). */
const LOCATION_LIMIT = { '1.2': 255, '2004': 1000 } as const;

const percent = (fraction: number) => String(Math.round(fraction * 100));
/** Four decimals: enough for any course, short enough for every LMS's decimal column. */
const decimal = (fraction: number) => String(Math.round(fraction * 10_000) / 10_000);

/**
 * Status, score and bookmark, as [element, value] in the order they must be set. With no lesson
 * open yet the bookmark is left as it is: scorm-again, like some LMSs, refuses an empty
 * `cmi.location` in SCORM 2004 (406), and an old bookmark harms nothing.
 */
export function statusValues(
	version: ScormVersion,
	mastery: Mastery,
	location: string | null
): [string, string][] {
	const bookmark: [string, string][] = location
		? [[ELEMENTS[version].location, location.slice(0, LOCATION_LIMIT[version])]]
		: [];
	if (version === '1.2') {
		return [
			['cmi.core.lesson_status', mastery.passed ? 'passed' : 'incomplete'],
			['cmi.core.score.min', '0'],
			['cmi.core.score.max', '100'],
			['cmi.core.score.raw', percent(mastery.fraction)],
			...bookmark
		];
	}
	return [
		['cmi.completion_status', mastery.passed ? 'completed' : 'incomplete'],
		['cmi.success_status', mastery.passed ? 'passed' : 'unknown'],
		['cmi.progress_measure', decimal(mastery.fraction)],
		['cmi.score.min', '0'],
		['cmi.score.max', '100'],
		['cmi.score.raw', percent(mastery.fraction)],
		['cmi.score.scaled', decimal(mastery.fraction)],
		...bookmark
	];
}

/**
 * The mastery an LMS already holds for this learner, from the values it returns: a passed
 * status and the best score so far. Anything unreadable counts as nothing.
 */
export function recordedMastery(version: ScormVersion, get: (element: string) => string): Mastery {
	const status = get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status');
	const score =
		version === '1.2' ? Number(get('cmi.core.score.raw')) / 100 : Number(get('cmi.score.scaled'));
	const fraction = Number.isFinite(score) ? Math.min(Math.max(score, 0), 1) : 0;
	return { fraction, passed: status === 'passed' };
}

/**
 * Session time in each standard's format: SCORM 1.2 CMITimespan `HHHH:MM:SS.SS`, SCORM 2004
 * an ISO 8601 duration such as `PT1H5M12.5S` (RTE 4.1.1.18).
 */
export function sessionTime(version: ScormVersion, ms: number): string {
	const centis = Math.max(0, Math.round(ms / 10));
	const hours = Math.floor(centis / 360_000);
	const minutes = Math.floor((centis % 360_000) / 6000);
	const seconds = (centis % 6000) / 100;
	if (version === '2004') return `PT${hours}H${minutes}M${seconds}S`;
	// 1.2 allows two to four hour digits; a longer session is reported as the longest it can say.
	if (hours > 9999) return '9999:59:59.99';
	return `${String(hours).padStart(4, '0')}:${two(minutes)}:${two(Math.floor(seconds))}.${two(centis % 100)}`;
}

/** Two digits, as SCORM 1.2's times are written. */
function two(n: number): string {
	return String(n).padStart(2, '0');
}

/** A check graded in this session: its lesson, answer key and the answers that were checked. */
export interface GradedCheck {
	slug: string;
	key: CheckKey;
	answers: Record<string, string[]>;
}

/**
 * The checks graded between two contexts: a lesson whose attempts went up and that is graded
 * now (its answer key is known: grading needs it).
 */
export function gradedChecks(before: CourseContext, after: CourseContext): GradedCheck[] {
	return after.course.lessons.flatMap(({ slug }) => {
		const was = before.progress[slug];
		const now = after.progress[slug];
		const key = after.checks[slug];
		if (!was || !now || !key || !now.graded || now.attempts <= was.attempts) return [];
		return [{ slug, key, answers: now.answers }];
	});
}

/**
 * Each option as SCORM 1.2 names a choice: one character, 0-9 or a-z, here its place in the
 * authored order (a, b, c…), whatever the lesson calls the option (1.2 RTE 3.4.2.7.7).
 */
const choiceLetter = (key: CheckKey['questions'][number], option: string) =>
	'abcdefghijklmnopqrstuvwxyz0123456789'[key.options.indexOf(option)] ?? '';

/**
 * One question's interaction record, as [element, value] in the order the standards require
 * (id first, then type, which the responses depend on).
 *
 * - id: lesson and question joined by "_" (ids use only a-z, 0-9 and "-", so it cannot clash),
 *   which is a CMIIdentifier in 1.2 (letters, digits, "-" and "_") and a URI-safe 2004 id.
 * - responses: 1.2 choices are single characters joined by commas; 2004 uses the option ids,
 *   joined by the reserved "[,]".
 * - time: 1.2 `time` is the time of day (CMITime); 2004 `timestamp` is a full ISO 8601 time, with
 *   fractional seconds before the "Z", as RTE 4.1.1.1 requires for a time zone.
 */
export function interactionValues(
	version: ScormVersion,
	n: number,
	check: GradedCheck,
	question: CheckKey['questions'][number],
	at: Date
): [string, string][] {
	const chosen = check.answers[question.id] ?? [];
	const right = isAnsweredCorrectly(question, chosen);
	const order = (ids: readonly string[]) => question.options.filter((o) => ids.includes(o));
	const prefix = `cmi.interactions.${n}`;
	const id = `${check.slug}_${question.id}`;
	if (version === '1.2') {
		const letters = (ids: readonly string[]) =>
			order(ids)
				.map((o) => choiceLetter(question, o))
				.join(',');
		return [
			[`${prefix}.id`, id],
			[`${prefix}.type`, 'choice'],
			[`${prefix}.time`, `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`],
			[`${prefix}.student_response`, letters(chosen)],
			[`${prefix}.correct_responses.0.pattern`, letters(question.correct)],
			[`${prefix}.result`, right ? 'correct' : 'wrong']
		];
	}
	return [
		[`${prefix}.id`, id],
		[`${prefix}.type`, 'choice'],
		[`${prefix}.timestamp`, at.toISOString()],
		[`${prefix}.learner_response`, order(chosen).join('[,]')],
		[`${prefix}.correct_responses.0.pattern`, order(question.correct).join('[,]')],
		[`${prefix}.result`, right ? 'correct' : 'incorrect']
	];
}

/** The interaction records for a graded check, numbered from `first`. */
export function checkInteractions(
	version: ScormVersion,
	first: number,
	check: GradedCheck,
	at: Date
): [string, string][][] {
	return check.key.questions.map((q, i) => interactionValues(version, first + i, check, q, at));
}
