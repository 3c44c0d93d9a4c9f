/**
 * The bridge between the course actor, the device and Svelte components: one actor per tab, its
 * snapshot exposed as rune state, every change saved, every other tab's change merged in.
 *
 * How tabs stay in agreement (README, "Progress"):
 * - Each save reads what is stored first and merges it with this tab's copy (`mergeStored`), so
 *   a tab never writes older progress over newer, even if it has not yet heard of the change.
 * - The browser tells every other tab when the stored value changes (`storage` events); each
 *   merges it in and hands the result to its actor (`sync.progress`).
 * - "Start over" begins a new epoch; copies from an older epoch never merge back.
 *
 * The actor starts in the browser only; until then `context` is the machine's initial context,
 * which is what prerendering shows. Events sent before `start()` are kept and replayed, because
 * child pages mount before the root layout, and a lesson may be used before the engine is loaded.
 *
 * The engine (XState, the machine, the saved-progress reader) is loaded by `loadEngine()`, which
 * `start()` needs first: the root layout decides when (`firstUse.ts`).
 */
import { createContext } from 'svelte';
import type { Actor, SnapshotFrom } from 'xstate';
import { initialContext, savedPart, type CourseContext, type CourseEvent } from './context';
import type { CourseMachine } from './courseMachine';
import {
	STORAGE_KEY,
	isInfo,
	openStorage,
	readText,
	writeText,
	type Notice,
	type StorageLike
} from './persistence';
import type { CourseIndex } from './progress';
import type { Dropped } from './saved';
import { emptyStored, randomEpoch, type StoredProgress } from './stored';

type Engine = typeof import('./engine');
let engine: Engine | null = null;

/** Loads the course engine, once; `start()` needs it. */
export async function loadEngine(): Promise<void> {
	engine ??= await import('./engine');
}

/** How long to wait before trying a failed save again. */
const RETRY_MS = 5000;
const MAX_RETRY_MS = 60_000;

export interface SessionOptions {
	/** Where progress is kept (a workshop keeps its own). @default STORAGE_KEY */
	storageKey?: string;
	now?: () => number;
	/** A new random epoch id. */
	newEpoch?: () => string;
}

export interface StartOptions {
	getStorage?: () => StorageLike | undefined;
	/**
	 * Subscribes to changes other tabs make to the stored value (`null` when it was removed);
	 * returns the unsubscribe. Defaults to the window's `storage` event.
	 */
	listen?: (key: string, onChange: (value: string | null) => void) => () => void;
}

function listenToStorage(key: string, onChange: (value: string | null) => void): () => void {
	const handler = (event: StorageEvent) => {
		// `key` is null when another tab cleared the whole storage.
		if (event.storageArea !== localStorage) return;
		if (event.key === key) onChange(event.newValue);
		else if (event.key === null) onChange(null);
	};
	window.addEventListener('storage', handler);
	return () => window.removeEventListener('storage', handler);
}

/** Which course this tab runs, and where its progress is kept (a workshop has its own). */
export interface SessionScope {
	course: CourseIndex;
	storageKey: string;
	/** Every check open in this tab (a workshop without the mastery gate). Never saved. */
	openAllHere: boolean;
}

export class CourseSession {
	#course: CourseIndex;
	#key: string;
	#openAllHere = false;
	readonly #now: () => number;
	readonly #newEpoch: () => string;
	#actor: Actor<CourseMachine> | null = null;
	#getStorage: () => StorageLike | undefined = () => undefined;
	#stored: StoredProgress;
	#pending: CourseEvent[] = [];
	#listeners: ((context: CourseContext) => void)[] = [];
	#stop: (() => void)[] = [];
	#retry: ReturnType<typeof setTimeout> | null = null;
	#failing = false;
	#retryMs = RETRY_MS;
	/** The lesson this tab's actor had open at the last change. */
	#current: string | null = null;
	/** The actor's progress map at the last change (the machine replaces it only on a change). */
	#progress: CourseContext['progress'] | null = null;
	/** Storage that worked, kept until it fails (opening it writes a probe). */
	#storage: StorageLike | null = null;
	/** The stored text as this tab last wrote or merged it: if storage still holds it, no other
	 * tab has written since, and there is nothing to read back and merge. */
	#lastText: string | null | undefined = undefined;

	#snapshot: SnapshotFrom<CourseMachine> | null = $state.raw(null);
	/** What the page shows until the actor starts: the machine's initial context. */
	#initial: CourseContext = $state.raw()!;
	notice: Notice | null = $state.raw(null);
	/** False until progress has been read from the device; the UI waits before showing status. */
	ready = $state(false);

	constructor(course: CourseIndex, options: SessionOptions = {}) {
		this.#course = course;
		this.#key = options.storageKey ?? STORAGE_KEY;
		this.#now = options.now ?? Date.now;
		this.#newEpoch = options.newEpoch ?? randomEpoch;
		this.#stored = emptyStored('', 0);
		this.#initial = initialContext({ course });
	}

	get #engine(): Engine {
		if (!engine) throw new Error('loadEngine() must finish before the session starts');
		return engine;
	}

	/** The actor's snapshot, once started: read it only when `ready`. */
	get snapshot(): SnapshotFrom<CourseMachine> {
		if (!this.#snapshot) throw new Error('The course session has not started yet');
		return this.#snapshot;
	}

	get context(): CourseContext {
		return this.#snapshot?.context ?? this.#initial;
	}

	/** The lessons this tab runs: the whole course, or a workshop's. */
	get course(): CourseIndex {
		return this.#course;
	}

	/** Where this tab's progress is kept. */
	get storageKey(): string {
		return this.#key;
	}

	/** Runs a workshop instead of the whole course: set before `start()`. */
	configure(scope: SessionScope): void {
		if (this.#actor) throw new Error('configure() must come before start()');
		this.#course = scope.course;
		this.#key = scope.storageKey;
		this.#openAllHere = scope.openAllHere;
		this.#initial = initialContext({ course: scope.course });
	}

	start({
		getStorage = () => globalThis.localStorage,
		listen = listenToStorage
	}: StartOptions = {}): void {
		if (this.#actor) return;
		const { createActor, courseMachine, readStored, toSaved } = this.#engine;
		this.#getStorage = getStorage;
		const storage = openStorage(getStorage);
		this.#storage = storage;
		const text = storage ? readText(storage, this.#key) : undefined;
		this.#lastText = text;
		const read = readStored(text ?? null, this.#course);
		if (read.kind === 'ok') {
			this.#stored = read.stored.epoch ? read.stored : { ...read.stored, epoch: this.#newEpoch() };
			this.#say(this.#droppedNotice(read.dropped));
		} else {
			this.#stored = emptyStored(this.#newEpoch(), 0);
			if (read.kind !== 'empty') this.#say({ kind: read.kind });
		}
		if (!storage || text === undefined) this.#say({ kind: 'memory-only' });

		this.#current = this.#stored.current;
		const actor = createActor(courseMachine, {
			input: { course: this.#course, saved: toSaved(this.#stored) }
		});
		this.#actor = actor;
		let repaired = 0;
		const subscription = actor.subscribe((snapshot) => {
			this.#snapshot = snapshot;
			const { context } = snapshot;
			if (context.repaired.length > repaired) {
				this.#say(this.#droppedNotice({ changed: [], damaged: context.repaired.slice(repaired) }));
				repaired = context.repaired.length;
			}
			this.#record(context);
			for (const listener of this.#listeners) listener(context);
		});
		this.#stop.push(() => subscription.unsubscribe());
		this.#stop.push(listen(this.#key, (value) => this.#heard(value)));
		actor.start();
		if (this.#openAllHere) actor.send({ type: 'host.openAll' });
		this.#snapshot = actor.getSnapshot();
		// Anything dropped on reading is dropped from storage too, so the notice is said once.
		if (read.kind === 'ok' && (read.dropped.changed.length || read.dropped.damaged.length)) {
			this.#save();
		}
		for (const event of this.#pending.splice(0)) actor.send(event);
		this.ready = true;
	}

	/** Stops listening and saving (tests; a page never needs it). */
	stop(): void {
		for (const stop of this.#stop.splice(0)) stop();
		if (this.#retry) clearTimeout(this.#retry);
		this.#actor?.stop();
	}

	send(event: CourseEvent): void {
		if (this.#actor) this.#actor.send(event);
		else this.#pending.push(event);
	}

	/** "Start over": a new epoch, saved at once, so every other tab follows and none writes back. */
	async startOver(): Promise<void> {
		try {
			await loadEngine();
		} catch {
			// Nothing was cleared, and the learner must know it.
			this.notice = { kind: 'not-loaded' };
			return;
		}
		this.#stored = emptyStored(this.#newEpoch(), this.#now());
		this.send({ type: 'learner.reset' });
		const saved = this.#save();
		this.notice = saved ? { kind: 'cleared' } : { kind: 'memory-only' };
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

	#say(notice: Notice | null): void {
		// An informational message never hides a warning that is still true.
		if (!notice || (isInfo(notice) && this.notice && !isInfo(this.notice))) return;
		this.notice = notice;
	}

	#droppedNotice({ changed, damaged }: Dropped): Notice | null {
		if (!changed.length && !damaged.length) return null;
		const number = (slug: string) => this.#course.lessons.find((l) => l.slug === slug)?.number ?? 0;
		return { kind: 'lessons-reset', changed: changed.map(number), damaged: damaged.map(number) };
	}

	/** After every change of the actor: stamp what changed, and save if anything did. */
	#record(context: CourseContext): void {
		const moved = context.current !== this.#current;
		// Most changes (an error shown, a key learned) leave progress alone: nothing to stamp.
		if (!moved && context.progress === this.#progress && context.openAll === this.#stored.openAll) {
			return;
		}
		this.#current = context.current;
		this.#progress = context.progress;
		const next = this.#engine.stamp(
			savedPart(context),
			this.#stored,
			this.#course,
			this.#now(),
			moved
		);
		if (next === this.#stored) return;
		this.#stored = next;
		this.#save();
	}

	/**
	 * Reads what is stored, merges it with this tab's copy and writes the result. Returns false
	 * when storage refused; then the page says so and tries again later.
	 */
	#save(): boolean {
		const storage = (this.#storage ??= openStorage(this.#getStorage));
		const text = storage ? readText(storage, this.#key) : undefined;
		if (storage && text !== undefined && text !== this.#lastText) {
			const read = this.#engine.readStored(text, this.#course, this.context.checks);
			if (read.kind === 'ok') this.#adopt(this.#engine.mergeStored(this.#stored, read.stored));
		}
		const json = JSON.stringify(this.#stored);
		const written = !!storage && writeText(storage, this.#key, json);
		this.#lastText = written ? json : undefined;
		if (!written) this.#storage = null;
		if (written && this.#failing) {
			this.#failing = false;
			this.#retryMs = RETRY_MS;
			if (this.notice?.kind === 'not-saving' || this.notice?.kind === 'memory-only') {
				this.notice = { kind: 'saving-again' };
			}
		} else if (!written && !this.#failing) {
			this.#failing = true;
			if (this.notice?.kind !== 'memory-only') this.notice = { kind: 'not-saving' };
		}
		if (!written && !this.#retry) {
			// Backing off: storage that stays refused (a sandboxed frame) is asked ever less often.
			this.#retry = setTimeout(() => {
				this.#retry = null;
				this.#save();
			}, this.#retryMs);
			this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
		}
		return written;
	}

	/** Another tab wrote (or removed) the stored progress. */
	#heard(text: string | null): void {
		if (text === null) {
			// Storage was cleared elsewhere: follow, and never write the old progress back.
			this.#lastText = null;
			this.#stored = emptyStored(this.#newEpoch(), this.#now());
			this.#say({ kind: 'cleared-elsewhere' });
			this.#actor?.send({ type: 'sync.progress', saved: this.#engine.toSaved(this.#stored) });
			return;
		}
		const read = this.#engine.readStored(text, this.#course, this.context.checks);
		if (read.kind !== 'ok') return; // Ours is still good; the next save replaces theirs.
		const before = this.#stored.epoch;
		this.#adopt(this.#engine.mergeStored(this.#stored, read.stored));
		this.#lastText = text;
		if (this.#stored.epoch !== before) this.#say({ kind: 'cleared-elsewhere' });
	}

	/** Takes a merged copy and, if it differs from what the actor has, hands it over. */
	#adopt(merged: StoredProgress): void {
		if (this.#engine.sameStored(merged, this.#stored)) return;
		this.#stored = merged;
		this.#actor?.send({ type: 'sync.progress', saved: this.#engine.toSaved(merged) });
	}
}

export const [getSession, setSession] = createContext<CourseSession>();
