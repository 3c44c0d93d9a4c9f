/**
 * When a page starts its course session. The engine behind it (XState, the course machine and
 * the saved-progress reader; `engine.ts`) is a third of a lesson page's code, and a first visit to
 * a lesson has nothing for it to show: nothing is saved, and the page already shows the lesson
 * and its questions as they start. So a lesson opened on a device with nothing saved loads the
 * engine on first use: the learner's first touch, click, key or scroll, or the questions coming
 * near the screen; or as soon as another tab saves progress, which this one must then show.
 * Answers chosen before it arrives are kept (the session replays them).
 *
 * Every other page starts at once, and so does a lesson with progress to show, or on a browser
 * that refuses storage (the learner must be told at once), in a workshop, an LMS or an embed.
 */
import { openStorage, readText, type StorageLike } from './persistence';

// `change` and `click` too: an answer or a press made before the page's app ran reaches it as
// one of these, replayed (src/lib/server/paintFirst.ts), with no touch or key after it.
const USE = [
	'pointerdown',
	'keydown',
	'scroll',
	'wheel',
	'touchstart',
	'focusin',
	'change',
	'click'
] as const;

/**
 * Resolves at the first sign that the learner is using the page, when `near` nears the screen,
 * or when another tab writes (or clears) what is stored under `key`.
 */
export function firstUse(
	near: Element | null,
	key: string,
	win: Window & typeof globalThis = window
): Promise<void> {
	return new Promise((resolve) => {
		const observer =
			near && typeof win.IntersectionObserver === 'function'
				? new win.IntersectionObserver(
						(entries) => {
							if (entries.some((entry) => entry.isIntersecting)) done();
						},
						// Within a screen's height of the questions: they are ready when the learner gets there.
						{ rootMargin: '100% 0px' }
					)
				: null;
		const stored = (event: StorageEvent) => {
			if (event.key === key || event.key === null) done();
		};
		function done() {
			for (const type of USE) win.removeEventListener(type, done, true);
			win.removeEventListener('storage', stored);
			observer?.disconnect();
			resolve();
		}
		for (const type of USE) win.addEventListener(type, done, { capture: true, passive: true });
		win.addEventListener('storage', stored);
		if (near) observer?.observe(near);
	});
}

/** True when storage works and holds nothing under `key`: a session there can wait for first use. */
export function nothingSaved(
	key: string,
	getStorage: () => StorageLike | undefined = () => globalThis.localStorage
): boolean {
	const storage = openStorage(getStorage);
	return !!storage && readText(storage, key) === null;
}
