/**
 * Where a presentation is: which part shows, and which questions' answers are revealed. The
 * projector window and the presenter view each hold a Deck and keep them in step over a
 * BroadcastChannel (same device, no server): a change in either is sent to the other. Nothing is
 * scored or saved.
 */
import type { Part } from './parts';

type Message =
	| { type: 'state'; index: number; revealed: string[] }
	/** A window that just opened asks the others where the presentation is. */
	| { type: 'hello' };

export class Deck {
	readonly parts: Part[];
	index = $state(0);
	revealed: string[] = $state([]);
	#channel: BroadcastChannel | null = null;

	constructor(parts: Part[]) {
		this.parts = parts;
	}

	get part(): Part {
		return this.parts[this.index]!;
	}

	get next(): Part | undefined {
		return this.parts[this.index + 1];
	}

	/** Joins the other windows presenting this lesson; returns the leave function. */
	connect(slug: string): () => void {
		if (typeof BroadcastChannel === 'undefined') return () => {};
		const channel = new BroadcastChannel(`understanding-benzodiazepines/present/${slug}`);
		this.#channel = channel;
		channel.onmessage = (event: MessageEvent<Message>) => {
			const data = event.data;
			if (data?.type === 'hello') this.#send();
			else if (data?.type === 'state' && Number.isInteger(data.index)) {
				this.index = this.#clamp(data.index);
				this.revealed = Array.isArray(data.revealed) ? data.revealed.map(String) : [];
			}
		};
		channel.postMessage({ type: 'hello' } satisfies Message);
		return () => {
			channel.close();
			this.#channel = null;
		};
	}

	go(index: number): void {
		const target = this.#clamp(index);
		if (target === this.index) return;
		this.index = target;
		this.#send();
	}

	forward(): void {
		this.go(this.index + 1);
	}

	back(): void {
		this.go(this.index - 1);
	}

	/** Shows the right answers and every option's explanation for a question. */
	reveal(questionId: string): void {
		if (this.revealed.includes(questionId)) return;
		this.revealed = [...this.revealed, questionId];
		this.#send();
	}

	isRevealed(questionId: string): boolean {
		return this.revealed.includes(questionId);
	}

	#clamp(index: number): number {
		return Math.min(Math.max(0, Math.trunc(index) || 0), this.parts.length - 1);
	}

	#send(): void {
		this.#channel?.postMessage({
			type: 'state',
			index: this.index,
			revealed: [...this.revealed]
		} satisfies Message);
	}
}
