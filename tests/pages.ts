import { lessonPath, lessons } from './course';

/** Every page a learner may reach from the site's links. */
export const learnerPages = [
	'/',
	...lessons.map(lessonPath),
	'/complete/',
	'/help/',
	'/about/',
	'/references/',
	'/glossary/',
	'/settings/',
	'/accessibility/',
	// A workshop link's landing page and the page that clears a shared device.
	'/workshop/',
	'/clear/'
];

/**
 * The educators' pages in the site's frame (present mode and the printable pages have their own
 * scans in workshop.spec.ts and print.spec.ts).
 */
export const educatorPages = ['/facilitator/', '/facilitator/sign/'];

/** Every route of the site, for tests that loop over all of them. */
export const pages = [...learnerPages, ...educatorPages];
