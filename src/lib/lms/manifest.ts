/**
 * SCORM packages of the built site, as data: which files go in (everything the course loads,
 * found by following its links from the launch page, and nothing else) and the
 * `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th edition. Pure: the packaging script
 * (scripts/package-scorm.js) reads the build and writes the zips.
 *
 * The whole course is one SCO: the course keeps its own order and mastery gate, its progress is
 * one suspend-data value, and its score is the course's mastery (src/lib/lms/report.ts).
 */

/** The page an LMS launches: the course overview, as on the site. */
export const LAUNCH = 'index.html';

export interface PackageInfo {
	/** The manifest's identifier: the same for every build of the same lesson selection. */
	identifier: string;
	/** Changes when the content changes (at most 20 characters, IMS CP 1.1.4). */
	version: string;
	/** What the LMS shows for the course (at most 200 characters). */
	title: string;
	/** Every file of the course, relative to the package root, `LAUNCH` among them. */
	files: string[];
}

export interface LessonInfo {
	slug: string;
	title: string;
}

const TITLE_LIMIT = 200;
const VERSION_LIMIT = 20;

/** Lower-case words joined by hyphens: a valid XML id (NCName) that reads well in an LMS. */
export function slugify(text: string): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '') // accents, once split from their letters
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return /^[a-z]/.test(slug) ? slug : `course-${slug}`;
}

/**
 * Identifier, version and title from the course data. `lessons` are the packaged lessons in
 * course order, `all` says how many the course has; `fingerprint` is a short hash of the
 * packaged content, `release` the site's own version number.
 */
export function packageInfo(options: {
	site: string;
	lessons: LessonInfo[];
	all: number;
	release: string;
	fingerprint: string;
	files: string[];
}): PackageInfo {
	const { site, lessons, all, release, fingerprint, files } = options;
	const whole = lessons.length === all;
	const identifier = whole
		? slugify(site)
		: `${slugify(site)}-${lessons.map((l) => l.slug).join('-')}`;
	const titles = `${site}: ${lessons.map((l) => l.title).join('; ')}`;
	const title = whole
		? site
		: titles.length <= TITLE_LIMIT
			? titles
			: `${site}: ${lessons.length} of ${all} lessons`;
	const version = `${release}+${fingerprint}`.slice(0, VERSION_LIMIT);
	return { identifier, version, title: title.slice(0, TITLE_LIMIT), files: [...files].sort() };
}

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

/** A file's address in the manifest: its path, with anything URLs cannot hold escaped. */
const href = (path: string) => escapeXml(path.split('/').map(encodeURIComponent).join('/'));

const fileList = (files: string[], indent: string) =>
	files.map((f) => `${indent}<file href="${href(f)}"/>`).join('\n');

export type PackageStandard = '1.2' | '2004';

/** The control files each manifest points to with `xsi:schemaLocation`, kept at the zip root. */
export const SCHEMA_FILES: Record<PackageStandard, string[]> = {
	'1.2': ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
	'2004': [
		'XMLSchema.dtd',
		'adlcp_v1p3.xsd',
		'adlnav_v1p3.xsd',
		'adlseq_v1p3.xsd',
		'datatypes.dtd',
		'imscp_v1p1.xsd',
		'imsss_v1p0.xsd',
		'imsss_v1p0auxresource.xsd',
		'imsss_v1p0control.xsd',
		'imsss_v1p0delivery.xsd',
		'imsss_v1p0limit.xsd',
		'imsss_v1p0objective.xsd',
		'imsss_v1p0random.xsd',
		'imsss_v1p0rollup.xsd',
		'imsss_v1p0seqrule.xsd',
		'imsss_v1p0util.xsd',
		'xml.xsd'
	]
};

/** SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's extensions). */
export function manifest12(info: PackageInfo): string {
	const id = info.identifier;
	const title = escapeXml(info.title);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${escapeXml(info.version)}"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${title}</title>
			<item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
				<title>${title}</title>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${href(LAUNCH)}">
${fileList(info.files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition. The course sets completion and success itself (deliveryControls), and
 * the LMS's own Previous and Continue buttons are hidden: with one SCO they could only end it.
 */
export function manifest2004(info: PackageInfo): string {
	const id = info.identifier;
	const title = escapeXml(info.title);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${escapeXml(info.version)}"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${title}</title>
			<item identifier="${id}-item" identifierref="${id}-sco">
				<title>${title}</title>
				<imsss:sequencing>
					<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
				</imsss:sequencing>
				<adlnav:presentation>
					<adlnav:navigationInterface>
						<adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
						<adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
					</adlnav:navigationInterface>
				</adlnav:presentation>
			</item>
			<imsss:sequencing>
				<imsss:controlMode choice="true" flow="true"/>
			</imsss:sequencing>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${href(LAUNCH)}">
${fileList(info.files, '\t\t\t')}
		</resource>
	</resources>
</manifest>
`;
}

export const manifest = (standard: PackageStandard, info: PackageInfo) =>
	standard === '1.2' ? manifest12(info) : manifest2004(info);

/** The file hrefs a manifest lists, decoded back to paths (for checking a package). */
export function manifestFiles(xml: string): string[] {
	return [...xml.matchAll(/<file\s+href="([^"]*)"/g)].map((m) =>
		decodeURIComponent(
			m[1]!.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) =>
				e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : "'"
			)
		)
	);
}

/**
 * Pages of the site that are not part of the course in an LMS: the embed views (for other sites'
 * frames; the lesson page's embed snippet is hidden in an LMS) and the page static hosts serve for
 * unknown addresses. `404.html`, `robots.txt` and `embed.js` are left out because nothing links
 * to them.
 */
export const NOT_IN_PACKAGE = ['embed/', 'not-found/'];

/** Where a reference points from `from`, as a path in the package, or null for elsewhere. */
function resolveRef(from: string, ref: string): string | null {
	if (!ref || ref.startsWith('#') || ref.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(ref)) {
		return null; // another site, mailto:, tel:, data:, an anchor on the same page
	}
	const url = new URL(ref, `https://package.invalid/${from}`);
	if (url.origin !== 'https://package.invalid') return null;
	const path = decodeURIComponent(url.pathname.slice(1));
	return path === '' || path.endsWith('/') ? `${path}${LAUNCH}` : path;
}

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);

/** A file's references; a dynamic import may carry what it preloads, and the module it names. */
interface Ref {
	ref: string;
	/** Loaded with it: the files Vite preloads for a dynamic import. */
	with?: string[];
	/** A lesson's prose, imported by the lesson's folder name (`lessonBody.ts`). */
	lesson?: string;
}

/** A dynamic import as Vite writes it: `import(\`./chunk.js\`)`. */
const DYNAMIC = /\bimport\(\s*([`'"])(\.{1,2}\/[^`'"]+)\1\s*\)/g;
/** The files Vite preloads with a dynamic import: `__vite__mapDeps([0,2])` after it. */
const PRELOADS = /__vite__mapDeps\(\[([\d,\s]*)\]\)/g;
/** Just before a dynamic import: the `import.meta.glob` key naming a lesson's prose. */
const LESSON_KEY =
	/"\/src\/lessons\/([^"/]+)\/lesson\.md"\s*:\s*\(\)\s*=>\s*[\w$]+\(\s*\(\)\s*=>\s*$/;

/**
 * The dynamic imports in a chunk, each with the preload list that follows it in the same
 * `__vitePreload(() => import(…)…, __vite__mapDeps([…]), …)` call: the first list after the import
 * and before the next one, whatever the import's `.then(…)` holds.
 */
function dynamicImports(text: string, preloads: string[]): Ref[] {
	const imports = [...text.matchAll(DYNAMIC)];
	const lists = [...text.matchAll(PRELOADS)];
	return imports.map((match, i) => {
		const end = match.index + match[0].length;
		const before = imports[i + 1]?.index ?? Infinity;
		const list = lists.find((l) => l.index >= end && l.index < before);
		return {
			ref: match[2]!,
			lesson: LESSON_KEY.exec(text.slice(Math.max(0, match.index - 200), match.index))?.[1],
			with: (list?.[1] ?? '')
				.split(',')
				.filter((n) => n.trim() !== '')
				.map((n) => preloads[Number(n)]!)
				.filter(Boolean)
		};
	});
}

/** The references a file makes to others, by kind of file. */
function referencesIn(path: string, text: string): Ref[] {
	const refs = (list: string[]) => list.map((ref) => ({ ref }));
	if (path.endsWith('.html')) {
		// Attributes of real tags only: a code sample shown in a text box is escaped text.
		const tags = all(text, /(<[a-z][^<>]*>)/gi).join('\n');
		return refs([
			...all(tags, /\s(?:href|src)="([^"]*)"/g),
			// SvelteKit starts each page with an inline module script importing its entry points.
			...all(text, /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)
		]);
	}
	if (path.endsWith('.css')) return refs(all(text, /url\(\s*["']?([^"')]+)["']?\s*\)/g));
	if (!path.endsWith('.js')) return [];
	const mapped = /__vite__mapDeps=[^[]*\[([^\]]*)\]/.exec(text)?.[1];
	const preloads = mapped ? all(mapped, /["'`]([^"'`]+)["'`]/g) : [];
	return [
		...refs(all(text, /\bfrom\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)),
		...refs(all(text, /\bimport\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)),
		...dynamicImports(text, preloads)
	];
}

const isPage = (path: string) => path === LAUNCH || path.endsWith(`/${LAUNCH}`);

/**
 * Every file the course loads: each page of the course (every prerendered page but those in
 * `NOT_IN_PACKAGE`) with its `__data.json` and a lesson's `prose.html` (fetched when the learner
 * moves to it), and
 * everything they reference: scripts and what those import, styles, fonts and icons. The router's
 * code for a left-out page stays out too. `problems` names references to files the build lacks,
 * and links from the course to a page left out.
 */
export function courseFiles(
	/** Every file of the build, relative to its root. */
	build: string[],
	read: (path: string) => string,
	{
		lessons,
		runtime = ['_app/version.json']
	}: {
		/** The lesson folders in the package (all when not given): others' prose stays out. */
		lessons?: string[];
		/** Files the framework loads by name rather than by link (SvelteKit's version check). */
		runtime?: string[];
	} = {}
): { files: string[]; problems: string[] } {
	const exists = new Set(build);
	const leftOut = (path: string) => NOT_IN_PACKAGE.some((prefix) => path.startsWith(prefix));
	const pages = build.filter((p) => isPage(p) && !leftOut(p));
	// A route's code (a "node") that only left-out pages use stays out with them.
	const nodesOf = (page: string) =>
		referencesIn(page, read(page))
			.map(({ ref }) => resolveRef(page, ref))
			.filter((p): p is string => !!p && p.startsWith('_app/immutable/nodes/'));
	const kept = new Set(pages.flatMap(nodesOf));
	const dropped = new Set(
		build
			.filter((p) => isPage(p) && leftOut(p))
			.flatMap(nodesOf)
			.filter((n) => !kept.has(n))
	);

	const found = new Set<string>();
	const problems = new Set<string>();
	const queue = [
		// With each page, what the browser fetches when the learner moves to it: its data and, for
		// a lesson, its prose (the prose ships as HTML; see src/lib/server/prose.ts).
		...pages
			.flatMap((p) => [p, ...['__data.json', 'prose.html'].map((f) => p.replace(/[^/]*$/, f))])
			.filter((p) => exists.has(p)),
		...runtime.filter((p) => exists.has(p))
	];
	for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
		if (found.has(path)) continue;
		found.add(path);
		const text = /\.(html|css|js)$/.test(path) ? read(path) : '';
		for (const { ref, with: preloads = [], lesson } of referencesIn(path, text)) {
			const target = resolveRef(path, ref);
			if (!target || found.has(target) || dropped.has(target)) continue;
			if (lesson && lessons && !lessons.includes(lesson)) continue;
			if (!exists.has(target)) problems.add(`${path}: ${ref} is not in the build`);
			else if (leftOut(target)) problems.add(`${path}: links to ${target}, left out of packages`);
			else {
				queue.push(target);
				for (const preload of preloads) {
					const file = resolveRef(path, preload);
					if (file && exists.has(file)) queue.push(file);
					else problems.add(`${path}: preloads ${preload}, which is not in the build`);
				}
			}
		}
	}
	return { files: [...found].sort(), problems: [...problems].sort() };
}
