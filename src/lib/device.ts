/**
 * "Clear this device", for shared computers at the end of a workshop: every progress this site
 * keeps (the learner's own and every workshop's), the display settings and the workshop this tab
 * is in. Progress is not just removed but replaced by an empty copy from a new "Start over" epoch,
 * so a tab still open elsewhere can never write the old progress back (see saved.ts); other tabs
 * hear the change and follow at once.
 */
import { STORAGE_KEY } from '$lib/course/persistence';
import { emptyStored, randomEpoch } from '$lib/course/stored';
import { SETTINGS_KEY } from '$lib/settings/settings';
import { leaveWorkshop } from '$lib/workshop/workshop';

/** Written last: tabs in a workshop hear it and leave the workshop too. */
export const CLEARED_KEY = 'understanding-benzodiazepines/cleared';

export function clearDevice(now = Date.now()): void {
	leaveWorkshop();
	try {
		const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
		const epoch = randomEpoch();
		for (const key of keys) {
			if (key === STORAGE_KEY || key?.startsWith(`${STORAGE_KEY}/`)) {
				localStorage.setItem(key, JSON.stringify(emptyStored(`cleared-${epoch}`, now)));
			}
		}
		localStorage.removeItem(SETTINGS_KEY);
		localStorage.setItem(CLEARED_KEY, String(now));
	} catch {
		// Storage refused: there was nothing kept on this device to clear.
	}
}
