/**
 * Starting the course session where the learner is: inside an LMS that offers a SCORM API
 * (the course was launched from a SCORM package), progress lives in the LMS and results go to
 * its gradebook; anywhere else the session uses the browser's storage as it always has.
 *
 * Only the API search ships with every page; the LMS runtime loads when an API is found, and the
 * course engine when the session starts (`loadEngine`).
 */
import { loadEngine, type CourseSession } from '$lib/course/session.svelte';
import { findApi } from './find';

export interface Started {
	/** The course runs inside an LMS. */
	lms: boolean;
	/** Settles once the session has started (or could not: the learner is told). */
	started: Promise<void>;
}

/**
 * Starts the session: in an LMS at once; in the browser once `when()` resolves (a first visit to
 * a lesson waits for first use, `firstUse.ts`). `when` is asked only outside an LMS.
 */
export function startSession(
	session: CourseSession,
	win: Window = window,
	when: () => Promise<void> = () => Promise.resolve()
): Started {
	const notLoaded = () => {
		session.notice = { kind: 'not-loaded' };
	};
	const found = findApi(win);
	if (!found) {
		const started = when()
			.then(loadEngine)
			.then(() => session.start(), notLoaded);
		return { lms: false, started };
	}
	const started = Promise.all([import('./runtime'), loadEngine()]).then(
		([{ startInLms }]) => void startInLms(session, found, win),
		// The runtime could not load (the connection dropped): keep the learner going.
		() =>
			loadEngine().then(() => {
				session.start();
				session.notice = { kind: 'lms-not-recording' };
			}, notLoaded)
	);
	return { lms: true, started };
}
