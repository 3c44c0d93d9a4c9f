/** The facilitator page's data: every lesson with its notes, the questions they name, sources. */
import { course, references } from './course';

export function facilitatorData() {
	return {
		lessons: course.lessons.map((l) => ({
			slug: l.slug,
			number: l.number,
			title: l.title,
			summary: l.summary,
			minutes: l.minutes,
			notes: l.facilitator,
			questions: l.check.questions.map((q) => ({ id: q.id, prompt: q.prompt }))
		})),
		references: references.map(({ id, title }, i) => ({ id, title, number: i + 1 }))
	};
}
