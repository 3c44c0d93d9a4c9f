/**
 * The LMS as one more place to keep progress: a `StorageLike` for `CourseSession.start`, so the
 * session reads, merges and saves exactly as it does with the browser's storage.
 *
 * Reading gives the suspend data the LMS had at launch, decoded (`decodeSuspendData`); after the
 * first save it gives back what the session last wrote, word for word. An LMS has one writer, this
 * page, so there is nothing newer to read back, and the session never merges with a copy the
 * encoding had to shorten. Other keys (the session's probe) live in memory only.
 */
import { STORAGE_KEY, type StorageLike } from '$lib/course/persistence';
import type { StoredProgress } from '$lib/course/stored';
import type { LmsConnection } from './connection';
import { ELEMENTS } from './report';
import { SUSPEND_LIMIT, encodeSuspendData } from './suspend';

export function lmsStorage(
	lms: LmsConnection,
	/** The decoded suspend data the LMS launched with (null: none). */
	initial: string | null,
	key = STORAGE_KEY
): StorageLike {
	let progress = initial;
	const others = new Map<string, string>();
	const element = ELEMENTS[lms.version].suspendData;
	return {
		getItem: (k) => (k === key ? progress : (others.get(k) ?? null)),
		setItem(k, value) {
			if (k !== key) {
				others.set(k, value);
				return;
			}
			// The session's own JSON.stringify of its stored copy; anything else throws, and the
			// session says it could not save.
			const stored = JSON.parse(value) as StoredProgress;
			progress = value;
			lms.set(element, encodeSuspendData(stored, SUSPEND_LIMIT[lms.version]));
		},
		removeItem(k) {
			if (k !== key) others.delete(k);
			else {
				progress = null;
				lms.set(element, '');
			}
		}
	};
}
