/**
 * Present mode shows a lesson one part at a time: its title, each section of its prose, then
 * each question. The parts come from the lesson files themselves (no second copy of the prose):
 * the sections from the lesson's `##` headings, the questions from its check.
 */
import type { Lesson } from '$lib/course/types';

export type Part =
	| { kind: 'title' }
	/** A section of the prose; `intro` is the text before the first `##` heading. */
	| { kind: 'section'; id: string; title: string }
	| { kind: 'question'; id: string; number: number };

export function presentationParts(
	lesson: Pick<Lesson, 'title' | 'sections' | 'check'>,
	hasIntro: boolean
): Part[] {
	return [
		{ kind: 'title' },
		...(hasIntro ? [{ kind: 'section' as const, id: 'intro', title: lesson.title }] : []),
		...lesson.sections.map((s) => ({ kind: 'section' as const, id: s.id, title: s.title })),
		...lesson.check.questions.map((q, i) => ({
			kind: 'question' as const,
			id: q.id,
			number: i + 1
		}))
	];
}

/** A short name for a part, for "Part 3 of 12: …" and the presenter's "Next:". */
export function partName(part: Part, lesson: Pick<Lesson, 'title' | 'check'>): string {
	if (part.kind === 'title') return lesson.title;
	if (part.kind === 'section') return part.id === 'intro' ? 'Introduction' : part.title;
	return `Question ${part.number} of ${lesson.check.questions.length}`;
}

/**
 * Splits a lesson's prose HTML (src/lib/server/prose.ts) at its `<h2>` headings: the text before
 * the first heading, and each section from its heading to the next, keyed by the heading's id.
 */
export function splitProse(html: string): { intro: string; sections: Record<string, string> } {
	const starts = [...html.matchAll(/<h2 id="([^"]+)"/g)];
	const intro = html.slice(0, starts[0]?.index ?? html.length).trim();
	const sections: Record<string, string> = {};
	starts.forEach((match, i) => {
		sections[match[1]!] = html.slice(match.index, starts[i + 1]?.index ?? html.length).trim();
	});
	return { intro, sections };
}
