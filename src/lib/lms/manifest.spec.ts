/**
 * SCORM packages as data: identifiers, versions and titles from the course; both manifests; the
 * files a package takes from a build (a small hand-made build with every kind of reference the
 * real one has); and choosing lessons for a package. The manifests are validated against the
 * official schemas on the real build by scripts/check-scorm.js in `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { chooseLessons, course } from '$lib/server/course';
import { SITE_NAME } from '$lib/title';
import {
	LAUNCH,
	courseFiles,
	manifest12,
	manifest2004,
	manifestFiles,
	packageInfo,
	slugify
} from './manifest';

const lessons = course.lessons.map(({ slug, title }) => ({ slug, title }));
const files = ['index.html', 'lessons/gaba/index.html', '_app/immutable/entry/start.js'];
const whole = packageInfo({
	site: SITE_NAME,
	lessons,
	all: lessons.length,
	release: '0.1.0',
	fingerprint: 'k3j2h1g0f',
	files
});

describe('package identity', () => {
	it('the whole course: the site name as title, its slug as identifier, release+content as version', () => {
		expect(whole).toEqual({
			identifier: 'understanding-benzodiazepines',
			title: 'Understanding benzodiazepines',
			version: '0.1.0+k3j2h1g0f',
			files: [...files].sort()
		});
	});

	it('chosen lessons: their slugs in the identifier and their titles in the title', () => {
		const two = packageInfo({
			site: SITE_NAME,
			lessons: lessons.slice(0, 2),
			all: 4,
			release: '0.1.0',
			fingerprint: 'x',
			files
		});
		expect(two.identifier).toBe(
			`understanding-benzodiazepines-${lessons[0]!.slug}-${lessons[1]!.slug}`
		);
		expect(two.title).toBe(`${SITE_NAME}: ${lessons[0]!.title}; ${lessons[1]!.title}`);
	});

	it('a title too long for a manifest (200 characters) names how many lessons instead', () => {
		const long = lessons.map((l) => ({ ...l, title: l.title.repeat(3) }));
		const info = packageInfo({
			site: SITE_NAME,
			lessons: long.slice(0, 3),
			all: 4,
			release: '0.1.0',
			fingerprint: 'x',
			files
		});
		expect(info.title).toBe(`${SITE_NAME}: 3 of 4 lessons`);
	});

	it('a version never passes the 20 characters IMS allows', () => {
		const info = packageInfo({
			site: SITE_NAME,
			lessons,
			all: 4,
			release: '10.20.300-beta.4',
			fingerprint: 'k3j2h1g0f',
			files
		});
		expect(info.version).toBe('10.20.300-beta.4+k3j');
	});

	it('the same course data always gives the same identifiers', () => {
		const again = packageInfo({
			site: SITE_NAME,
			lessons,
			all: lessons.length,
			release: '0.1.0',
			fingerprint: 'k3j2h1g0f',
			files: [...files].reverse()
		});
		expect(manifest12(again)).toBe(manifest12(whole));
		expect(manifest2004(again)).toBe(manifest2004(whole));
	});

	it('an identifier is a valid XML id even from an odd site name', () => {
		expect(slugify('Über Kurs: 2026!')).toBe('uber-kurs-2026');
		expect(slugify('2026 course')).toBe('course-2026-course');
	});
});

describe('the manifests', () => {
	const odd = { ...whole, title: 'Pills & "doses" <not here>', files: ['a b/c#d.js', ...files] };

	it('SCORM 1.2: ADL SCORM 1.2, one SCO launched at index.html, listing every file', () => {
		const xml = manifest12(whole);
		expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
		expect(xml).toContain('<schemaversion>1.2</schemaversion>');
		expect(xml).toMatch(/<resource [^>]*adlcp:scormtype="sco" href="index.html">/);
		expect(xml.match(/<resource /g)).toHaveLength(1);
		expect(manifestFiles(xml)).toEqual(whole.files);
		expect(xml).not.toContain('masteryscore'); // the LMS would turn an incomplete course "failed"
	});

	it('SCORM 2004: 4th edition, content sets completion and success, no LMS Previous/Continue', () => {
		const xml = manifest2004(whole);
		expect(xml).toContain('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"');
		expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
		expect(xml).toMatch(/<resource [^>]*adlcp:scormType="sco" href="index.html">/);
		expect(xml).toContain('completionSetByContent="true" objectiveSetByContent="true"');
		expect(xml).not.toContain('satisfiedByMeasure');
		expect(manifestFiles(xml)).toEqual(whole.files);
	});

	it('escapes titles and file names', () => {
		for (const xml of [manifest12(odd), manifest2004(odd)]) {
			expect(xml).toContain('<title>Pills &amp; &quot;doses&quot; &lt;not here&gt;</title>');
			expect(xml).toContain('<file href="a%20b/c%23d.js"/>');
			expect(manifestFiles(xml)).toEqual(odd.files);
		}
	});
});

/** A small build with every kind of reference the real one has. */
const build: Record<string, string> = {
	'index.html': `<link href="./_app/immutable/assets/0.css" rel="stylesheet">
		<link rel="modulepreload" href="./_app/immutable/nodes/0.js">
		<link rel="modulepreload" href="./_app/immutable/nodes/2.js">
		<link rel="icon" href="./favicon.svg">
		<a href="./lessons/gaba/">Lesson 1</a> <a href="https://doi.org/10.1000/x">a source</a>
		<a href="tel:911">911</a> <a href="#main">skip</a> <a href="mailto:x@example.org">mail</a>
		<textarea>&lt;iframe src="…/embed/gaba/">&lt;/iframe> &lt;script src="./embed.js"></textarea>
		<script>Promise.all([import("./_app/immutable/entry/start.js"), import(\`./_app/immutable/entry/app.js\`)])</script>`,
	'__data.json': '{}',
	'favicon.svg': '<svg/>',
	'lessons/gaba/index.html': `<link rel="modulepreload" href="../../_app/immutable/nodes/3.js"><a href="../../complete/">x</a>`,
	'lessons/gaba/__data.json': '{}',
	'complete/index.html': '<p>Well done</p>',
	'embed/gaba/index.html': `<link rel="modulepreload" href="../../_app/immutable/nodes/4.js">`,
	'embed/gaba/__data.json': '{}',
	'not-found/index.html': '<p>Not found</p>',
	'404.html': '<p>Not found</p>',
	'robots.txt': 'User-agent: *',
	'embed.js': '/* host script */',
	'_app/version.json': '{"version":"1"}',
	'_app/immutable/assets/0.css':
		'@font-face{src:url(../assets/font.woff2)} .x{background:url("data:image/png;base64,AA")}',
	'_app/immutable/assets/font.woff2': 'font',
	'_app/immutable/assets/4.css': '.embed{}',
	'_app/immutable/entry/start.js': 'import{a}from"../chunks/shared.js";import"../chunks/side.js";',
	'_app/immutable/entry/app.js': `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["../nodes/0.js","../nodes/1.js","../nodes/2.js","../nodes/3.js","../nodes/4.js","../assets/4.css","../chunks/embed-only.js"])))=>i.map(i=>d[i]);
		const n=[()=>T(()=>import(\`../nodes/0.js\`),__vite__mapDeps([0]),import.meta.url),()=>T(()=>import(\`../nodes/1.js\`),__vite__mapDeps([1]),import.meta.url),()=>T(()=>import(\`../nodes/2.js\`),__vite__mapDeps([2]),import.meta.url),()=>T(()=>import(\`../nodes/3.js\`),__vite__mapDeps([3]),import.meta.url),()=>T(()=>import(\`../nodes/4.js\`),__vite__mapDeps([4,5,6]),import.meta.url)];`,
	'_app/immutable/nodes/0.js': 'export{}',
	'_app/immutable/nodes/1.js': 'export{}', // the error page: no page preloads it
	'_app/immutable/nodes/2.js': 'export{}',
	'_app/immutable/nodes/3.js': `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["../chunks/lesson-10.js","../chunks/lesson-20.js","../assets/prose.css"])))=>i.map(i=>d[i]);
		q=Object.assign({"/src/lessons/10-gaba/lesson.md":()=>z(()=>import(\`../chunks/lesson-10.js\`).then(e=>e.default),__vite__mapDeps([0,2]),import.meta.url),"/src/lessons/20-tolerance/lesson.md":()=>z(()=>import(\`../chunks/lesson-20.js\`).then(e=>e.default),__vite__mapDeps([1,2]),import.meta.url)})`,
	'_app/immutable/nodes/4.js': 'import"../chunks/embed-only.js"',
	// A dynamic import whose \`.then\` has calls of its own, as the knowledge check's parts have.
	'_app/immutable/chunks/shared.js': `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./parts.js","../assets/parts.css"])))=>i.map(i=>d[i]);
		export const a=1;c(()=>{p.ready&&te(()=>import(\`./parts.js\`).then(e=>s(B,e),()=>p.notice={kind:\`x\`}),__vite__mapDeps([0,1]),import.meta.url)})`,
	'_app/immutable/chunks/parts.js': 'export{}',
	'_app/immutable/assets/parts.css': '.result{}',
	'_app/immutable/chunks/side.js': '',
	'_app/immutable/chunks/embed-only.js': '',
	'_app/immutable/chunks/lesson-10.js': '',
	'_app/immutable/chunks/lesson-20.js': '',
	'_app/immutable/assets/prose.css': '',
	'_app/immutable/nodes/0.js.map': '{}'
};
const read = (path: string) => build[path]!;

describe('the files a package takes from a build', () => {
	const { files, problems } = courseFiles(Object.keys(build), read);

	it('every page of the course, its data, scripts, styles, fonts, icon and lesson prose', () => {
		expect(problems).toEqual([]);
		expect(files).toEqual(
			[
				LAUNCH,
				'__data.json',
				'favicon.svg',
				'lessons/gaba/index.html',
				'lessons/gaba/__data.json',
				'complete/index.html',
				'_app/version.json',
				'_app/immutable/assets/0.css',
				'_app/immutable/assets/font.woff2',
				'_app/immutable/assets/prose.css',
				'_app/immutable/entry/start.js',
				'_app/immutable/entry/app.js',
				'_app/immutable/nodes/0.js',
				'_app/immutable/nodes/1.js',
				'_app/immutable/nodes/2.js',
				'_app/immutable/nodes/3.js',
				'_app/immutable/chunks/shared.js',
				'_app/immutable/chunks/parts.js',
				'_app/immutable/assets/parts.css',
				'_app/immutable/chunks/side.js',
				'_app/immutable/chunks/lesson-10.js',
				'_app/immutable/chunks/lesson-20.js'
			].sort()
		);
	});

	it('nothing else: no embed pages or their code, no 404 page, robots.txt, embed.js or source map', () => {
		for (const left of [
			'embed/gaba/index.html',
			'_app/immutable/nodes/4.js',
			'_app/immutable/assets/4.css',
			'_app/immutable/chunks/embed-only.js',
			'not-found/index.html',
			'404.html',
			'robots.txt',
			'embed.js',
			'_app/immutable/nodes/0.js.map'
		]) {
			expect(files).not.toContain(left);
		}
	});

	it('the prose of lessons not chosen stays out', () => {
		const some = courseFiles(Object.keys(build), read, { lessons: ['10-gaba'] }).files;
		expect(some).toContain('_app/immutable/chunks/lesson-10.js');
		expect(some).not.toContain('_app/immutable/chunks/lesson-20.js');
	});

	it('a reference to a file the build lacks, or to a page left out, is a problem', () => {
		const broken: Record<string, string> = {
			...build,
			'index.html': `${build['index.html']}<a href="./embed/gaba/">e</a><img src="./gone.png">`
		};
		expect(courseFiles(Object.keys(broken), (p) => broken[p]!).problems).toEqual([
			'index.html: ./gone.png is not in the build',
			'index.html: links to embed/gaba/index.html, left out of packages'
		]);
	});
});

describe('choosing lessons (COURSE_LESSONS)', () => {
	const all = {
		'/src/lessons/10-gaba/lesson.md': 'a',
		'/src/lessons/10-gaba/check.yaml': 'b',
		'/src/lessons/20-tolerance/lesson.md': 'c',
		'/src/lessons/40-tapering/lesson.md': 'd'
	};

	it('keeps every lesson when none is named', () => {
		expect(chooseLessons(all)).toBe(all);
		expect(chooseLessons(all, ' , ')).toBe(all);
	});

	it('keeps the named ones in course order, whatever order they are named in', () => {
		expect(Object.keys(chooseLessons(all, 'tapering, gaba'))).toEqual([
			'/src/lessons/10-gaba/lesson.md',
			'/src/lessons/10-gaba/check.yaml',
			'/src/lessons/40-tapering/lesson.md'
		]);
	});

	it('stops on a name that is no lesson, naming it', () => {
		expect(() => chooseLessons(all, 'gaba,benzos')).toThrow(
			'COURSE_LESSONS: no lesson named benzos'
		);
	});
});
