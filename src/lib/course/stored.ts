/**
 * The shape of progress as it is written to the device (format 2), an empty copy and a new
 * epoch: what clearing a device writes. Reading, migrating and merging copies are in saved.ts,
 * which loads with the course machine; this part ships with every page.
 */
import type { LessonProgress } from './context';

/** Bump when the stored shape changes, and teach `readStored` to migrate the one before. */
export const FORMAT = 2;

export interface StoredLesson extends LessonProgress {
	/** The lesson's version when this record was written. */
	version: string;
	/** When this record last changed (ms since 1970), for merging copies from two tabs. */
	at: number;
}

export interface StoredProgress {
	format: typeof FORMAT;
	/** Starts anew with every "Start over"; a copy from another epoch never merges back. */
	epoch: string;
	/** When the epoch began; between two epochs the later one wins. */
	epochAt: number;
	current: string | null;
	currentAt: number;
	openAll: boolean;
	/** Only lessons the learner has done something in. */
	lessons: Record<string, StoredLesson>;
}

/** A new epoch: random, so tabs that start over at the same moment still differ. */
export function randomEpoch(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(8));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyStored(epoch: string, epochAt: number): StoredProgress {
	return {
		format: FORMAT,
		epoch,
		epochAt,
		current: null,
		currentAt: 0,
		openAll: false,
		lessons: {}
	};
}
