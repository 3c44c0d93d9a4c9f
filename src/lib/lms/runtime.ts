/**
 * The course inside an LMS: progress from and to the LMS's suspend data only (no browser
 * storage, no other tabs), and the gradebook kept up to date as the learner goes.
 *
 * - **When it writes.** Status, score and bookmark after every change (unchanged values are not
 *   sent again); one interaction per question whenever a check is graded. It commits at launch,
 *   after each graded check, when the learner moves to another lesson or starts over, when the
 *   page is hidden (a phone may never unload it), and on `pagehide`, where it also terminates,
 *   once.
 * - **When the LMS refuses.** The page says so (`lms-not-recording`) and keeps working; what was
 *   refused is sent again before each later commit, and the page says when it gets through.
 * - **Review and browse modes** read the learner's progress and write nothing.
 */
import type { CourseContext } from '$lib/course/context';
import { emptyStored } from '$lib/course/stored';
import type { CourseSession } from '$lib/course/session.svelte';
import { LmsConnection } from './connection';
import type { FoundApi } from './find';
import {
	ELEMENTS,
	bestOf,
	checkInteractions,
	gradedChecks,
	masteryOf,
	recordedMastery,
	sessionTime,
	statusValues,
	type Mastery
} from './report';
import { lmsStorage } from './storage';
import { decodeSuspendData, encodeProgress } from './suspend';

/**
 * The journal stops here: 2004 promises room for 250 interactions (RTE 4.2.9 SPM); an LMS that
 * keeps fewer would refuse the rest and the page would wrongly say progress is not recorded.
 */
export const MAX_INTERACTIONS = 250;

export interface LmsOptions {
	now?: () => number;
}

export function startInLms(
	session: CourseSession,
	found: FoundApi,
	win: Window = window,
	{ now = Date.now }: LmsOptions = {}
): boolean {
	const lms = new LmsConnection(found);
	const names = ELEMENTS[lms.version];
	const trouble = () => (session.notice = { kind: 'lms-not-recording' });
	lms.listen({
		onTrouble: trouble,
		onRecovered: () => {
			if (session.notice?.kind === 'lms-not-recording') {
				session.notice = { kind: 'lms-recording-again' };
			}
		}
	});
	if (!lms.initialize()) {
		// Progress stays in the browser, as outside an LMS, and the learner is told.
		session.start();
		trouble();
		return false;
	}
	const started = now();
	const mode = lms.get(names.mode);
	lms.readOnly = mode === 'review' || mode === 'browse';
	// A first launch has nothing to read; asking SCORM 2004 for an unset value is an error (403).
	const resuming = lms.get(names.entry) !== 'ab-initio';
	const nothing: Mastery = { fraction: 0, passed: false };
	const recorded = resuming ? recordedMastery(lms.version, (e) => lms.get(e)) : nothing;
	const saved = resuming ? lms.get(names.suspendData) : '';
	let interactions = Number(lms.get(names.interactionCount)) || 0;

	const storage = lmsStorage(lms, decodeSuspendData(saved));
	session.start({ getStorage: () => storage, listen: () => () => {} });
	// The session writes only when the learner acts. Suspend data is written now all the same, so
	// a relaunch after a visit where nothing happened reads a value, not an error (2004: 403).
	if (saved === '') lms.set(names.suspendData, encodeProgress(emptyStored('', 0)));
	if (lms.readOnly) session.notice = { kind: 'lms-review' };
	else if (lms.failing) trouble();
	win.document.documentElement.dataset.lms = lms.version;

	// What the gradebook holds never goes down: not after "Start over", nor in a later session.
	let best = recorded;
	const report = (context: CourseContext) => {
		best = bestOf(best, masteryOf(context));
		for (const [element, value] of statusValues(lms.version, best, context.current)) {
			lms.set(element, value);
		}
	};
	const commit = () => {
		lms.set(names.sessionTime, sessionTime(lms.version, now() - started));
		lms.commit();
	};

	let before = session.context;
	report(before);
	lms.set(names.exit, 'suspend');
	commit();

	const stop = session.onChange((after) => {
		const graded = gradedChecks(before, after);
		const moved = after.current !== before.current;
		before = after;
		report(after);
		for (const check of graded) {
			for (const record of checkInteractions(lms.version, interactions, check, new Date(now()))) {
				if (interactions >= MAX_INTERACTIONS) break;
				for (const [element, value] of record) lms.set(element, value);
				interactions++;
			}
		}
		// While the LMS refuses, every change is another try.
		if (graded.length || moved || lms.failing) commit();
	});

	const onHidden = () => {
		if (win.document.visibilityState === 'hidden') commit();
	};
	const finish = () => {
		if (!lms.open) return;
		stop();
		win.removeEventListener('pagehide', finish);
		win.document.removeEventListener('visibilitychange', onHidden);
		lms.set(names.sessionTime, sessionTime(lms.version, now() - started));
		lms.terminate();
	};
	win.addEventListener('pagehide', finish);
	win.document.addEventListener('visibilitychange', onHidden);
	// Back from the browser's page cache after terminating: SCORM allows no second session.
	win.addEventListener('pageshow', (event) => {
		if (event.persisted && !lms.open && !lms.readOnly) trouble();
	});
	return true;
}
