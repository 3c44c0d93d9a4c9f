/**
 * The embed protocol, version 1: every message the embedded page and its host exchange.
 * Documented for embedders in EMBEDDING.md; keep the two in step.
 */
import { allPassed, resultOf, type CourseContext } from '$lib/course/context';

export const PROTOCOL = 'understanding-benzodiazepines';
export const VERSION = 1;

/** Sent by the host page to introduce itself. Only after this does the lesson send events. */
export interface HostHello {
	protocol: typeof PROTOCOL;
	version: number;
	type: 'hello';
	/** Send learner events to this host. @default false */
	events?: boolean;
	/** 'off' opens every lesson's check regardless of the mastery gate. @default 'on' */
	gating?: 'on' | 'off';
}

export type LearnerEvent =
	| { name: 'lesson-started'; detail: { lesson: string } }
	| {
			name: 'check-graded';
			detail: { lesson: string; score: number; max: number; passed: boolean };
	  }
	| { name: 'lesson-completed'; detail: { lesson: string } }
	| { name: 'course-completed'; detail: { lessons: number } };

export type EmbedMessage =
	| { protocol: typeof PROTOCOL; version: number; type: 'resize'; height: number }
	/** The frame moved to another lesson (or the course overview): show its top. */
	| { protocol: typeof PROTOCOL; version: number; type: 'navigated' }
	| {
			protocol: typeof PROTOCOL;
			version: number;
			type: 'ready';
			lesson: string | null;
			events: boolean;
	  }
	| ({ protocol: typeof PROTOCOL; version: number; type: 'event' } & LearnerEvent);

type WithoutEnvelope<T> = T extends unknown ? Omit<T, 'protocol' | 'version'> : never;

/** Wraps a message body in the protocol envelope. */
export function message(body: WithoutEnvelope<EmbedMessage>): EmbedMessage {
	return { protocol: PROTOCOL, version: VERSION, ...body } as EmbedMessage;
}

/** A hello from a host, or null for anything else (never throws on odd input). */
export function readHostHello(data: unknown): HostHello | null {
	if (typeof data !== 'object' || data === null) return null;
	const d = data as Record<string, unknown>;
	// Only the versions EMBEDDING.md documents: a host speaking another one gets nothing rather
	// than a guess at what it meant.
	if (d.protocol !== PROTOCOL || d.type !== 'hello' || d.version !== VERSION) return null;
	return {
		protocol: PROTOCOL,
		version: VERSION,
		type: 'hello',
		events: d.events === true,
		gating: d.gating === 'off' ? 'off' : 'on'
	};
}

/**
 * The learner events between two course contexts: a check graded, a lesson passed for the first
 * time, the course completed. ("lesson-started" is sent by the bridge when a lesson is shown to a
 * listening host.) No personal data: lesson slugs, scores and pass/fail only — never answers.
 */
export function learnerEvents(before: CourseContext, after: CourseContext): LearnerEvent[] {
	const events: LearnerEvent[] = [];
	for (const { slug } of after.course.lessons) {
		const was = before.progress[slug];
		const now = after.progress[slug];
		if (!was || !now) continue;
		const result = now.attempts > was.attempts ? resultOf(after, slug) : null;
		if (result) {
			const { score, max, passed } = result;
			events.push({ name: 'check-graded', detail: { lesson: slug, score, max, passed } });
		}
		if (!was.passed && now.passed)
			events.push({ name: 'lesson-completed', detail: { lesson: slug } });
	}
	if (!allPassed(before) && allPassed(after)) {
		events.push({ name: 'course-completed', detail: { lessons: after.course.lessons.length } });
	}
	return events;
}
