/**
 * Starting the course session where the learner is: inside an LMS that offers a SCORM API
 * (the course was launched from a SCORM package), progress lives in the LMS and results go to
 * its gradebook; anywhere else the session uses the browser's storage as it always has.
 *
 * Only the API search ships with every page; the LMS runtime loads when an API is found.
 */
import type { CourseSession } from '$lib/course/session.svelte';
import { findApi } from './find';

/** Starts the session; true when it runs inside an LMS. */
export function startSession(session: CourseSession, win: Window = window): boolean {
	const found = findApi(win);
	if (!found) {
		session.start();
		return false;
	}
	import('./runtime').then(
		({ startInLms }) => startInLms(session, found, win),
		() => {
			// The runtime could not load (the connection dropped): keep the learner going.
			session.start();
			session.notice = { kind: 'lms-not-recording' };
		}
	);
	return true;
}
