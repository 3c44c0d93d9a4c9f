/**
 * The embedded page's side of the embed protocol: it reports its height to whatever page frames
 * it, in three dialects (ours, the H5P resizer's and Canvas's `lti.frameResize`), and, once a host
 * has introduced itself, sends learner events to that host's origin only.
 *
 * Height is measured from the content wrapper, never from `document.documentElement.scrollHeight`,
 * which cannot shrink below the frame's own height and so would only ever grow.
 */
import type { CourseSession } from '$lib/course/session.svelte';
import { learnerEvents, message, readHostHello, type EmbedMessage } from './protocol';

interface Options {
	/** The element wrapping everything the frame shows. */
	root: HTMLElement;
	/** The lesson shown now, or null on the course overview. */
	lesson: () => string | null;
	session: CourseSession;
}

export interface EmbedBridge {
	/** The frame moved to another page: the host brings the frame's top into view. */
	navigated: () => void;
	stop: () => void;
}

export function startEmbedBridge({ root, lesson, session }: Options): EmbedBridge {
	const parent = window.parent;
	// Not in a frame: nothing to size or tell.
	if (parent === window) return { navigated: () => {}, stop: () => {} };

	let hostOrigin: string | null = null;
	let eventsOn = false;
	let h5p = false;
	let lastHeight = -1;
	let announced: string | null = null;
	let frame = 0;
	let before = session.context;

	const post = (data: EmbedMessage | Record<string, unknown>, origin = '*') => {
		try {
			parent.postMessage(data, origin);
		} catch {
			// A parent that has navigated away or a bad origin: nothing useful to do.
		}
	};
	const measure = () => Math.ceil(root.getBoundingClientRect().height);
	const h5pPrepare = (height: number) =>
		post({
			context: 'h5p',
			action: 'prepareResize',
			scrollHeight: height,
			clientHeight: window.innerHeight
		});

	function report(force = false) {
		const height = measure();
		// Only real changes are sent, so a host that resizes us cannot start a feedback loop.
		if (!force && height === lastHeight) return;
		lastHeight = height;
		post(message({ type: 'resize', height }));
		post({ subject: 'lti.frameResize', height });
		if (h5p) h5pPrepare(height);
	}

	const schedule = () => {
		cancelAnimationFrame(frame);
		frame = requestAnimationFrame(() => report());
	};

	function announceLesson() {
		const current = lesson();
		if (!hostOrigin || !eventsOn || !current || current === announced) return;
		announced = current;
		post(
			message({ type: 'event', name: 'lesson-started', detail: { lesson: current } }),
			hostOrigin
		);
	}

	function onH5P(action: unknown) {
		if (action === 'hello') {
			h5p = true;
			h5pPrepare(measure());
		} else if (action === 'ready') {
			post({ context: 'h5p', action: 'hello' });
		} else if (action === 'resizePrepared') {
			post({ context: 'h5p', action: 'resize', scrollHeight: measure() });
		} else if (action === 'resize' && h5p) {
			h5pPrepare(measure());
		}
	}

	function onMessage(event: MessageEvent) {
		// Only the page that frames us may talk to us; siblings and openers are ignored.
		if (event.source !== parent) return;
		const data: unknown = event.data;
		if (typeof data !== 'object' || data === null) return;
		if ((data as { context?: unknown }).context === 'h5p') {
			onH5P((data as { action?: unknown }).action);
			return;
		}
		const hello = readHostHello(data);
		if (!hello) return; // Unknown messages are ignored, never thrown on.
		hostOrigin = event.origin;
		eventsOn = hello.events === true;
		// For this embedding only: the learner's own progress never records it.
		if (hello.gating === 'off') session.send({ type: 'host.openAll' });
		post(message({ type: 'ready', lesson: lesson(), events: eventsOn }), hostOrigin);
		report(true);
		announceLesson();
	}

	const stopListening = session.onChange((after) => {
		if (hostOrigin && eventsOn) {
			for (const event of learnerEvents(before, after)) {
				post(message({ type: 'event', ...event }), hostOrigin);
			}
		}
		before = after;
		announceLesson();
		// A graded check changes the page height; the observer catches it, this makes it prompt.
		schedule();
	});

	const observer = new ResizeObserver(schedule);
	observer.observe(root);
	window.addEventListener('load', schedule);
	document.addEventListener('load', schedule, true); // images and other late content
	document.fonts?.ready.then(schedule, () => {});
	window.addEventListener('message', onMessage);
	// Messages that arrived before this bridge started, kept by the inline script in app.html.
	const early = window.__ubInbox;
	window.__ubInbox = null;
	for (const event of early ?? []) onMessage(event);

	post({ context: 'h5p', action: 'hello' });
	report(true);

	return {
		// Sent to any host (like a height, it says nothing about the learner): the frame is sized to
		// its content, so after moving to another lesson the learner would otherwise land mid-page.
		navigated: () => post(message({ type: 'navigated' })),
		stop: () => {
			observer.disconnect();
			stopListening();
			cancelAnimationFrame(frame);
			window.removeEventListener('load', schedule);
			document.removeEventListener('load', schedule, true);
			window.removeEventListener('message', onMessage);
		}
	};
}
