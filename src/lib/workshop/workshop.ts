/**
 * Workshop links: an educator chooses lessons (any subset, in course order) and whether their
 * checks wait for the mastery gate; a participant who opens the link gets just those lessons as
 * their course, in this tab, with progress kept apart from their own (its own storage key).
 *
 * The choice travels in the link's fragment (`/workshop/#lessons=gaba,tapering&gating=off`):
 * readable, short enough for a QR code, never sent to any server, and served by any static host
 * at any sub-path.
 */
import type { SessionScope } from '$lib/course/session.svelte';
import { STORAGE_KEY } from '$lib/course/persistence';
import type { CourseIndex } from '$lib/course/progress';

export interface Workshop {
	/** Lesson slugs, in course order. */
	lessons: string[];
	/** 'off': every chosen lesson's check is open from the start. */
	gating: 'on' | 'off';
}

/** Which workshop this tab is in (sessionStorage: this tab, and tabs opened from it). */
const ACTIVE_KEY = 'understanding-benzodiazepines/workshop';

/** The link's fragment for a workshop, without the "#". */
export function workshopFragment({ lessons, gating }: Workshop): string {
	return `lessons=${lessons.join(',')}&gating=${gating}`;
}

export type ReadWorkshop = { workshop: Workshop } | { problem: string };

/** Reads a workshop link's fragment against the course. Never throws; says what is wrong. */
export function readWorkshop(fragment: string, course: CourseIndex): ReadWorkshop {
	const params = new URLSearchParams(fragment.replace(/^#/, ''));
	const listed = (params.get('lessons') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (listed.length === 0) {
		return { problem: 'This workshop link does not say which lessons to show.' };
	}
	const unknown = listed.filter((slug) => !course.lessons.some((l) => l.slug === slug));
	if (unknown.length) {
		return {
			problem: `This workshop link names ${unknown.length > 1 ? 'lessons' : 'a lesson'} this course does not have: ${unknown.join(', ')}.`
		};
	}
	const gating = params.get('gating') ?? 'on';
	if (gating !== 'on' && gating !== 'off') {
		return { problem: 'This workshop link has a gating setting this course does not know.' };
	}
	// Course order, each lesson once, whatever order the link lists them in.
	const lessons = course.lessons.map((l) => l.slug).filter((slug) => listed.includes(slug));
	return { workshop: { lessons, gating } };
}

/** The course a workshop's participants see: its lessons, their progress under a key of its own. */
export function workshopScope(workshop: Workshop, course: CourseIndex): SessionScope {
	return {
		course: { lessons: course.lessons.filter((l) => workshop.lessons.includes(l.slug)) },
		storageKey: `${STORAGE_KEY}/workshop/${workshop.lessons.join('+')}/${workshop.gating}`,
		openAllHere: workshop.gating === 'off'
	};
}

/** The workshop this tab is in, checked against the course again, or null. */
export function activeWorkshop(course: CourseIndex): Workshop | null {
	try {
		const saved = sessionStorage.getItem(ACTIVE_KEY);
		if (!saved) return null;
		const read = readWorkshop(saved, course);
		return 'workshop' in read ? read.workshop : null;
	} catch {
		return null;
	}
}

export function enterWorkshop(workshop: Workshop): void {
	try {
		sessionStorage.setItem(ACTIVE_KEY, workshopFragment(workshop));
	} catch {
		// Session storage refused: the workshop lasts as long as this page.
	}
}

export function leaveWorkshop(): void {
	try {
		sessionStorage.removeItem(ACTIVE_KEY);
	} catch {
		// Nothing kept, nothing to remove.
	}
}
