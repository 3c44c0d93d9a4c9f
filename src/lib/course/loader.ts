/**
 * Builds the typed course from lesson files. Pure: it takes the files' text, so the build
 * (import.meta.glob) and the tests (fixture folders) feed it the same way.
 *
 * A lesson is a folder `src/lessons/NN-slug/` holding `lesson.md` (frontmatter + prose) and
 * `check.yaml` (its knowledge check). Folders starting with `xx-` are drafts and skipped.
 */
import * as v from 'valibot';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
	AuthoredCheck,
	FacilitatorNotes,
	Glossary,
	LessonFrontmatter,
	References,
	issuePath,
	type GlossaryEntry,
	type Reference
} from './schema';
import { lessonSections, splitFrontmatter } from '../content/markdown.js';
import type { Check, Course, Lesson } from './types';

export class CourseError extends Error {
	constructor(readonly problems: string[]) {
		super(`The course has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
		this.name = 'CourseError';
	}
}

const FOLDER = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Splits "path/to/src/lessons/10-gaba/lesson.md" into folder and file name. */
function locate(path: string): { dir: string; file: string } | null {
	const match = /(?:^|\/)lessons\/([^/]+)\/([^/]+)$/.exec(path);
	return match ? { dir: match[1]!, file: match[2]! } : null;
}

function readYaml(text: string, file: string, problems: string[]): unknown {
	try {
		return parseYaml(text);
	} catch (error) {
		const reason = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		problems.push(`${file}: is not valid YAML: ${reason}`);
		return undefined;
	}
}

function validate<T extends v.GenericSchema>(
	schema: T,
	data: unknown,
	file: string,
	problems: string[]
): v.InferOutput<T> | undefined {
	const result = v.safeParse(schema, data);
	if (result.success) return result.output;
	for (const issue of result.issues) {
		const path = issuePath(issue);
		problems.push(`${file}: ${path ? `${path}: ` : ''}${issue.message}`);
	}
	return undefined;
}

/** Option ids default to their letter (a, b, c, …) so authors need not invent them. */
function toCheck(authored: AuthoredCheck): Check {
	return {
		passMark: authored.passMark,
		questions: authored.questions.map((q) => ({
			id: q.id,
			prompt: q.prompt,
			kind: q.kind,
			options: q.options.map((o, i) => ({
				id: o.id ?? String.fromCharCode(97 + i),
				text: o.text,
				correct: o.correct,
				feedback: o.feedback
			}))
		}))
	};
}

/** Reads a YAML list (the source register, the glossary) and validates it as a whole. */
function loadList<T extends v.GenericSchema>(
	schema: T,
	text: string,
	file: string
): v.InferOutput<T> {
	const problems: string[] = [];
	const data = readYaml(text, file, problems);
	const list = problems.length ? undefined : validate(schema, data, file, problems);
	if (!list) throw new CourseError(problems);
	return list;
}

export function loadReferences(text: string, file = 'src/content/references.yaml'): Reference[] {
	return loadList(References, text, file);
}

export function loadGlossary(text: string, file = 'src/content/glossary.yaml'): GlossaryEntry[] {
	return loadList(Glossary, text, file);
}

export function loadCourse(
	files: Record<string, string>,
	referenceIds: ReadonlySet<string>
): Course {
	const problems: string[] = [];
	const folders = new Map<string, Map<string, string>>();
	for (const [path, text] of Object.entries(files)) {
		const where = locate(path);
		if (!where) continue;
		if (!folders.has(where.dir)) folders.set(where.dir, new Map());
		folders.get(where.dir)!.set(where.file, text);
	}

	/**
	 * The facilitator notes, if the lesson has them: validated like the rest, and every question
	 * and source they name must exist.
	 */
	function readNotes(text: string | undefined, file: string) {
		if (text === undefined) return undefined;
		const before = problems.length;
		const data = readYaml(text, file, problems);
		if (problems.length > before) return undefined;
		const notes = validate(FacilitatorNotes, data ?? {}, file, problems);
		const ids = [
			...(notes?.sources ?? []),
			...(notes?.misconceptions ?? []).flatMap((m) => m.sources)
		];
		for (const id of new Set(ids)) {
			if (!referenceIds.has(id)) {
				problems.push(`${file}: unknown source id "${id}" (add it to src/content/references.yaml)`);
			}
		}
		return notes;
	}

	const lessons: Omit<Lesson, 'number' | 'prev' | 'next'>[] = [];
	const order = new Map<string, number>();
	for (const [dir, dirFiles] of folders) {
		if (dir.startsWith('xx-')) continue;
		const base = `src/lessons/${dir}`;
		const name = FOLDER.exec(dir);
		if (!name) {
			problems.push(
				`${base}: folder name must be a number and a slug, like "10-gaba" (or start with "xx-" for a draft)`
			);
			continue;
		}
		const lessonFile = `${base}/lesson.md`;
		const checkFile = `${base}/check.yaml`;
		const lessonText = dirFiles.get('lesson.md');
		const checkText = dirFiles.get('check.yaml');
		if (lessonText === undefined) problems.push(`${lessonFile}: is missing`);
		if (checkText === undefined)
			problems.push(`${checkFile}: is missing: every lesson ends in a knowledge check`);
		if (lessonText === undefined || checkText === undefined) continue;

		const parts = splitFrontmatter(lessonText);
		if (!parts) {
			problems.push(`${lessonFile}: has no frontmatter (a block between --- lines at the top)`);
			continue;
		}
		const before = problems.length;
		const metaData = readYaml(parts.frontmatter, lessonFile, problems);
		const meta =
			problems.length === before
				? validate(LessonFrontmatter, metaData ?? {}, lessonFile, problems)
				: undefined;
		const checkData = readYaml(checkText, checkFile, problems);
		const check =
			checkData === undefined && problems.length > before
				? undefined
				: validate(AuthoredCheck, checkData ?? {}, checkFile, problems);
		for (const id of meta?.sources ?? []) {
			if (!referenceIds.has(id)) {
				problems.push(
					`${lessonFile}: sources: unknown source id "${id}" (add it to src/content/references.yaml)`
				);
			}
		}
		const notes = readNotes(dirFiles.get('facilitator.yaml'), `${base}/facilitator.yaml`);
		if (!meta || !check) continue;
		for (const [i, m] of (notes?.misconceptions ?? []).entries()) {
			if (!check.questions.some((q) => q.id === m.question)) {
				problems.push(
					`${base}/facilitator.yaml: misconceptions[${i}].question: "${m.question}" is not a question in check.yaml`
				);
			}
		}

		const slug = name[2]!;
		const number = Number(name[1]);
		const clash = lessons.find((d) => d.slug === slug);
		if (clash) {
			problems.push(`${base}: duplicate slug "${slug}" (also used by src/lessons/${clash.dir})`);
			continue;
		}
		const sameNumber = lessons.find((d) => order.get(d.slug) === number);
		if (sameNumber) {
			problems.push(
				`${base}: number ${name[1]} is also used by src/lessons/${sameNumber.dir} (the numbers set the order, so each must be different)`
			);
			continue;
		}
		order.set(slug, number);
		lessons.push({
			slug,
			dir,
			title: meta.title,
			summary: meta.summary,
			minutes: meta.minutes,
			objectives: meta.objectives,
			takeaways: meta.takeaways,
			sources: meta.sources,
			reviewed: meta.reviewed,
			sections: lessonSections(parts.body),
			check: toCheck(check),
			facilitator: notes ?? null
		});
	}

	if (folders.size === 0 || (lessons.length === 0 && problems.length === 0)) {
		problems.push('src/lessons: has no lessons');
	}
	if (problems.length) throw new CourseError(problems);

	lessons.sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
	return {
		lessons: lessons.map((lesson, i) => ({
			...lesson,
			number: i + 1,
			prev: lessons[i - 1]?.slug ?? null,
			next: lessons[i + 1]?.slug ?? null
		}))
	};
}
