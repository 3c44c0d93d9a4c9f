// `npm run package:scorm`: SCORM packages of the course for learning management systems.
// Builds the site, then writes a SCORM 1.2 zip and a SCORM 2004 4th edition zip of it to
// dist/scorm/ (README, "For course administrators").
//
//   npm run package:scorm                                   the whole course, from a fresh build
//   npm run package:scorm -- --lessons gaba,tolerance       chosen lessons, in course order
//   npm run package:scorm -- --no-build                     package build/ as it is (npm test)
//   … --check                      then validate what was written (scripts/check-scorm.js)
//
// A package of chosen lessons is built on its own (COURSE_LESSONS, read by
// src/lib/server/course.ts) into dist/scorm/build-<lessons>/, so build/ is never touched.
// What goes in, and the manifests, are decided in src/lib/lms/manifest.ts (pure, unit-tested);
// this script reads the build and writes the zips.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { loadTs, root } from './ts.js';

/** Fixed, so the same files always make the same zip. */
const ZIP_TIME = new Date(2000, 0, 1);

const { values } = parseArgs({
	options: {
		lessons: { type: 'string' },
		'no-build': { type: 'boolean', default: false },
		check: { type: 'boolean', default: false },
		out: { type: 'string', default: 'dist/scorm' }
	}
});

/** @param {string} dir @returns {string[]} every file under `dir`, relative to it, with "/" */
function listFiles(dir) {
	/** @param {string} sub @returns {string[]} */
	const walk = (sub) =>
		readdirSync(join(dir, sub)).flatMap((name) => {
			const path = sub ? `${sub}/${name}` : name;
			return statSync(join(dir, path)).isDirectory() ? walk(path) : [path];
		});
	return walk('');
}

/** @param {string} message */
function fail(message) {
	console.error(message);
	process.exit(1);
}

const chosen = (values.lessons ?? '')
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
if (values.lessons !== undefined && !chosen.length) {
	fail('--lessons needs lesson names, e.g. --lessons gaba,tolerance');
}
if (chosen.length) process.env.COURSE_LESSONS = chosen.join(',');

// The course as the build sees it (the same module, the same lesson choice).
/** @type {typeof import('../src/lib/server/course')} */
let data;
try {
	data = await loadTs('/src/lib/server/course.ts');
} catch (error) {
	fail(String(/** @type {Error} */ (error).message));
}
const { course } = /** @type {typeof import('../src/lib/server/course')} */ (data);
/** @type {typeof import('../src/lib/lms/manifest')} */
const pack = await loadTs('/src/lib/lms/manifest.ts');
/** @type {typeof import('../src/lib/title')} */
const { SITE_NAME } = await loadTs('/src/lib/title.ts');
const allLessons = readdirSync(join(root, 'src/lessons')).filter((d) => /^\d+-/.test(d)).length;
const whole = course.lessons.length === allLessons;

const out = resolve(root, values.out);
const site = whole
	? join(root, 'build')
	: join(out, `build-${course.lessons.map((l) => l.slug).join('-')}`);
if (!values['no-build']) {
	console.log(
		`Building ${whole ? 'the site' : `lessons ${chosen.join(', ')}`} into ${relative('.', site)}/`
	);
	const env = whole ? process.env : { ...process.env, BUILD_DIR: site };
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env, cwd: root });
	if (build.status !== 0) fail('The build failed: no packages written.');
} else if (!existsSync(join(site, pack.LAUNCH))) {
	fail(
		`Nothing to package: ${relative('.', site)}/ has no ${pack.LAUNCH}. Build first (npx vite build).`
	);
}

// What the course loads, and nothing else.
const built = listFiles(site);
const { files, problems } = pack.courseFiles(built, (p) => readFileSync(join(site, p), 'utf8'), {
	lessons: course.lessons.map((l) => l.dir)
});
if (problems.length) fail(`The build is not packageable:\n- ${problems.join('\n- ')}`);

// The version changes with the content a learner gets: the lessons' files, the source register,
// the glossary and the site's release number. The same content always gives the same version.
const release = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const hash = createHash('sha256').update(release);
const sources = [
	...course.lessons.flatMap((l) =>
		listFiles(join(root, 'src/lessons', l.dir)).map((f) => `src/lessons/${l.dir}/${f}`)
	),
	'src/content/references.yaml',
	'src/content/glossary.yaml'
];
for (const path of sources) hash.update(`\0${path}\0`).update(readFileSync(join(root, path)));
const fingerprint = BigInt(`0x${hash.digest('hex').slice(0, 12)}`).toString(36);

const info = pack.packageInfo({
	site: SITE_NAME,
	lessons: course.lessons.map(({ slug, title }) => ({ slug, title })),
	all: allLessons,
	release,
	fingerprint,
	files
});

mkdirSync(out, { recursive: true });
const encoder = new TextEncoder();
/** @type {[import('../src/lib/lms/manifest').PackageStandard, string, string][]} */
const standards = [
	['1.2', 'scorm12', 'scorm/schemas/1.2'],
	['2004', 'scorm2004', 'scorm/schemas/2004-4th']
];
/** @type {string[]} */
const written = [];
console.log(
	`SCORM packages of "${info.title}" (${course.lessons.length} of ${allLessons} lessons), identifier ${info.identifier}, version ${info.version}:`
);
for (const [standard, suffix, schemas] of standards) {
	/** @type {Record<string, [Uint8Array, { mtime: Date }]>} */
	const entries = {};
	const add = (/** @type {string} */ name, /** @type {Uint8Array} */ bytes) =>
		(entries[name] = [bytes, { mtime: ZIP_TIME }]);
	add('imsmanifest.xml', encoder.encode(pack.manifest(standard, info)));
	for (const name of pack.SCHEMA_FILES[standard])
		add(name, readFileSync(join(root, schemas, name)));
	for (const file of info.files) add(file, readFileSync(join(site, file)));
	const zip = zipSync(entries, { level: 9 });
	const path = join(out, `${info.identifier}-${suffix}.zip`);
	writeFileSync(path, zip);
	written.push(path);
	console.log(
		`  ${relative('.', path)}  ${(zip.length / 1024).toFixed(0)} kB, ${info.files.length} course files`
	);
}
if (values.check) {
	const check = spawnSync('node', [join(root, 'scripts/check-scorm.js'), ...written], {
		stdio: 'inherit'
	});
	process.exit(check.status ?? 1);
}
