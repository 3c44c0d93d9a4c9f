/**
 * A lesson's version: a short fingerprint of what its saved progress depends on (question ids
 * and kinds, option ids, the correct options, the pass mark). Wording is left out on purpose, so
 * fixing a typo in a question keeps every learner's progress; changing an answer does not.
 *
 * Synchronous and dependency-free, because the browser recomputes it when it migrates progress
 * saved by an older format (which stored the answer key itself).
 */
import type { CheckKey } from './scoring';

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread; not for security. */
function cyrb53(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The fingerprint of a check's answer key, e.g. "1x9k2m0q3c". */
export function checkVersion(key: CheckKey): string {
	// Fixed field order, so the same key always serialises the same way.
	const canonical = JSON.stringify([
		key.passMark,
		key.questions.map((q) => [q.id, q.kind, q.options, [...q.correct].sort()])
	]);
	return cyrb53(canonical).toString(36);
}
