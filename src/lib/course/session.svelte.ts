/**
 * The bridge between the course actor and Svelte components: one actor per tab, its snapshot
 * exposed as rune state, every change saved to the device.
 *
 * The actor starts in the browser only (prerendering renders the initial state). Events sent
 * before `start()` are kept and replayed, because child pages mount before the root layout.
 */
import { createContext } from 'svelte';
import { createActor, type Actor, type Snapshot, type SnapshotFrom } from 'xstate';
import {
	courseMachine,
	type CourseContext,
	type CourseEvent,
	type CourseKey
} from './courseMachine';
import { forget, openStorage, restore, save, type Notice, type StorageLike } from './persistence';

export class CourseSession {
	#course: CourseKey;
	#actor: Actor<typeof courseMachine>;
	#storage: StorageLike | null = null;
	#pending: CourseEvent[] = [];
	#listeners: ((context: CourseContext) => void)[] = [];
	#started = false;

	snapshot: SnapshotFrom<typeof courseMachine> = $state.raw()!;
	notice: Notice | null = $state.raw(null);
	/** False until progress has been read from the device; the UI waits before showing status. */
	ready = $state(false);

	constructor(course: CourseKey) {
		this.#course = course;
		this.#actor = createActor(courseMachine, { input: course });
		this.snapshot = this.#actor.getSnapshot();
	}

	get context() {
		return this.snapshot.context;
	}

	start(getStorage: () => StorageLike | undefined = () => globalThis.localStorage): void {
		if (this.#started) return;
		this.#started = true;
		this.#storage = openStorage(getStorage);
		const restored = restore(this.#storage, this.#course);
		this.notice = restored.notice;
		this.#actor = createActor(courseMachine, {
			input: this.#course,
			snapshot: (restored.snapshot ?? undefined) as Snapshot<unknown> | undefined
		});
		this.#actor.subscribe((snapshot) => {
			this.snapshot = snapshot;
			this.#persist();
			for (const listener of this.#listeners) listener(snapshot.context);
		});
		this.#actor.start();
		this.snapshot = this.#actor.getSnapshot();
		for (const event of this.#pending.splice(0)) this.#actor.send(event);
		this.ready = true;
	}

	send(event: CourseEvent): void {
		if (this.#started) this.#actor.send(event);
		else this.#pending.push(event);
	}

	/** "Start over": forget the saved progress and begin again, saying so. */
	startOver(): void {
		forget(this.#storage);
		this.send({ type: 'learner.reset' });
		this.notice = this.#storage ? { kind: 'cleared' } : { kind: 'memory-only' };
	}

	/** Calls `listener` with the new context after every change; returns the unsubscribe. */
	onChange(listener: (context: CourseContext) => void): () => void {
		this.#listeners.push(listener);
		return () => {
			this.#listeners = this.#listeners.filter((l) => l !== listener);
		};
	}

	dismissNotice(): void {
		this.notice = null;
	}

	#persist(): void {
		if (!this.#storage) return;
		if (!save(this.#storage, this.#actor.getPersistedSnapshot())) {
			// Quota or revoked access mid-session: carry on in memory and tell the learner.
			this.#storage = null;
			this.notice = { kind: 'memory-only' };
		}
	}
}

export const [getSession, setSession] = createContext<CourseSession>();
