/**
 * The shape of a lesson, as authors write it. Everything an author can get wrong is caught
 * here, at build time, with a message that names the field; the loader adds the file name.
 */
import * as v from 'valibot';

const needed: Record<string, string> = {
	feedback: 'is missing: every option explains why it is right or wrong',
	sources: 'is missing: every lesson cites its evidence',
	questions: 'is missing: a knowledge check needs questions'
};

/** Messages for keys: a misspelt extra field, or a required one left out. */
const unknownField = (issue: v.BaseIssue<unknown>) => {
	if (issue.expected === 'never') return 'is not a known field (check the spelling)';
	const key = String(issue.path?.at(-1)?.key ?? '');
	return needed[key] ?? 'is missing';
};

const text = (field: string) =>
	v.pipe(v.string(`${field} must be text`), v.trim(), v.nonEmpty(`${field} is missing or empty`));

const kebab = (field: string) =>
	v.pipe(
		v.string(`${field} must be text`),
		v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${field} must be lower-case words joined by hyphens`)
	);

/** An ISO calendar date such as 2026-11-21. */
const isoDate = (field: string) =>
	v.pipe(
		v.union([v.string(), v.date()], `${field} must be a date like 2026-11-21`),
		v.transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value)),
		v.regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date like 2026-11-21`)
	);

export const LessonFrontmatter = v.strictObject(
	{
		title: text('title'),
		summary: text('summary'),
		minutes: v.pipe(
			v.number('minutes must be a number'),
			v.integer('minutes must be a whole number'),
			v.minValue(1, 'minutes must be at least 1'),
			v.maxValue(60, 'minutes must be at most 60: split a longer lesson')
		),
		objectives: v.pipe(
			v.array(text('each objective'), 'objectives must be a list'),
			v.minLength(1, 'objectives needs at least one learning objective')
		),
		takeaways: v.pipe(
			v.array(text('each takeaway'), 'takeaways must be a list'),
			v.minLength(1, 'takeaways needs at least one key take-away')
		),
		sources: v.pipe(
			v.array(v.string('each source must be a source id such as S1'), 'sources must be a list'),
			v.minLength(1, 'sources needs at least one source id: every lesson cites its evidence')
		),
		reviewed: isoDate('reviewed')
	},
	unknownField
);

const AuthoredOption = v.strictObject(
	{
		id: v.optional(kebab('option id')),
		text: text('text'),
		correct: v.optional(v.boolean('correct must be true or false'), false),
		feedback: v.pipe(
			v.string('feedback is missing: every option explains why it is right or wrong'),
			v.trim(),
			v.nonEmpty('feedback is missing: every option explains why it is right or wrong')
		)
	},
	unknownField
);

const AuthoredQuestion = v.pipe(
	v.strictObject(
		{
			id: kebab('id'),
			prompt: text('prompt'),
			kind: v.picklist(['single', 'multiple'], 'kind must be "single" or "multiple"'),
			options: v.pipe(
				v.array(AuthoredOption, 'options must be a list'),
				v.minLength(2, 'options needs at least two options'),
				v.maxLength(8, 'options has more than eight options')
			)
		},
		unknownField
	),
	v.check(
		(q) => q.options.some((o) => o.correct),
		'has no correct option: mark at least one option "correct: true"'
	),
	v.check(
		(q) => q.kind !== 'single' || q.options.filter((o) => o.correct).length === 1,
		'is a single-answer question with more than one correct option: use kind "multiple"'
	),
	v.check(
		(q) => new Set(q.options.map((o) => o.text.toLowerCase())).size === q.options.length,
		'has two options with the same text'
	)
);

export const AuthoredCheck = v.pipe(
	v.strictObject(
		{
			passMark: v.pipe(
				v.number('passMark must be a number (a percentage)'),
				v.integer('passMark must be a whole percentage'),
				v.minValue(1, 'passMark must be between 1 and 100'),
				v.maxValue(100, 'passMark must be between 1 and 100')
			),
			questions: v.pipe(
				v.array(AuthoredQuestion, 'questions must be a list'),
				v.minLength(1, 'questions needs at least one question')
			)
		},
		unknownField
	),
	v.check(
		(c) => new Set(c.questions.map((q) => q.id)).size === c.questions.length,
		'questions: two questions share the same id'
	)
);

const texts = (field: string, min: number) =>
	v.pipe(
		v.array(text(`each ${field} entry`), `${field} must be a list`),
		v.minLength(min, `${field} needs at least ${min}`)
	);

const sourceIds = v.pipe(
	v.array(v.string('each source must be a source id such as S1'), 'sources must be a list'),
	v.minLength(1, 'sources needs at least one source id: the notes cite their evidence')
);

/** A lesson's notes for educators running a workshop (`facilitator.yaml` beside the lesson). */
export const FacilitatorNotes = v.strictObject(
	{
		minutes: v.pipe(
			v.number('minutes must be a number'),
			v.integer('minutes must be a whole number'),
			v.minValue(5, 'minutes must be at least 5'),
			v.maxValue(90, 'minutes must be at most 90')
		),
		aims: texts('aims', 1),
		prompts: texts('prompts', 1),
		misconceptions: v.pipe(
			v.array(
				v.strictObject(
					{
						question: kebab('question'),
						belief: text('belief'),
						fact: text('fact'),
						sources: sourceIds
					},
					unknownField
				),
				'misconceptions must be a list'
			),
			v.minLength(1, 'misconceptions needs at least one')
		),
		handling: v.pipe(
			v.array(
				v.strictObject({ situation: text('situation'), response: text('response') }, unknownField),
				'handling must be a list'
			),
			v.minLength(1, 'handling needs at least one')
		),
		sources: sourceIds
	},
	unknownField
);

export const Reference = v.strictObject({
	id: v.pipe(v.string(), v.regex(/^S\d+[a-z]?$/, 'id must look like S1 or S17b')),
	title: text('title'),
	publisher: text('publisher'),
	year: v.pipe(v.number('year must be a number'), v.integer(), v.minValue(1900), v.maxValue(2100)),
	url: v.optional(v.pipe(v.string(), v.url('url must be a full web address'))),
	supports: text('supports')
});

export const References = v.pipe(
	v.array(Reference, 'the references file must be a list'),
	v.check(
		(refs) => new Set(refs.map((r) => r.id)).size === refs.length,
		'two references share the same id'
	)
);

export const GlossaryEntry = v.strictObject(
	{
		id: kebab('id'),
		term: text('term'),
		short: text('short'),
		long: text('long')
	},
	unknownField
);

export const Glossary = v.pipe(
	v.array(GlossaryEntry, 'the glossary file must be a list'),
	v.check(
		(entries) => new Set(entries.map((e) => e.id)).size === entries.length,
		'two glossary entries share the same id'
	)
);

export type GlossaryEntry = v.InferOutput<typeof GlossaryEntry>;
export type LessonFrontmatter = v.InferOutput<typeof LessonFrontmatter>;
export type AuthoredCheck = v.InferOutput<typeof AuthoredCheck>;
export type Reference = v.InferOutput<typeof Reference>;
export type FacilitatorNotes = v.InferOutput<typeof FacilitatorNotes>;

/** "questions[2].options[1].feedback" for a valibot issue, or "" at the top. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = item.key;
		out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
	}
	return out;
}
