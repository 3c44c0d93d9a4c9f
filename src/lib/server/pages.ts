/** Server data of the pages that list the whole course: the home page, the summary, the embed. */
import { course, references, summaries } from './course';

export const courseSummaries = () => ({ lessons: summaries(course) });

/** The source register's ids and titles, for pages that cite sources (`<Cite>`). */
export const citations = () => ({ references: references.map(({ id, title }) => ({ id, title })) });
