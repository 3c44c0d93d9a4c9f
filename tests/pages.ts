import { lessonPath, lessons } from './course';

/** Every route of the site, for tests that loop over all of them. */
export const pages = [
	'/',
	...lessons.map(lessonPath),
	'/complete/',
	'/help/',
	'/about/',
	'/references/',
	'/glossary/',
	'/settings/',
	'/accessibility/'
];
