// `node scripts/check-scorm.js [zip…]`: checks SCORM packages (by default every zip in
// dist/scorm/) as an LMS importing them would: imsmanifest.xml at the zip's root, valid against
// the official IMS/ADL schemas kept in scorm/schemas/ (with xmllint, offline), every file the
// manifest lists present in the zip, and nothing in the zip that the manifest does not list but
// the manifest itself and the schema files it points to. No source maps, no pages left out.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { loadTs, root } from './ts.js';
import { HOW_TO_GET_XMLLINT, hasXmllint } from './tools.js';

if (!hasXmllint()) {
	console.error(HOW_TO_GET_XMLLINT);
	process.exit(1);
}

/** @type {typeof import('../src/lib/lms/manifest')} */
const pack = await loadTs('/src/lib/lms/manifest.ts');

const SCHEMA = {
	1.2: join(root, 'scorm/validate-1.2.xsd'),
	2004: join(root, 'scorm/validate-2004-4th.xsd')
};

const dir = 'dist/scorm';
const zips = process.argv.slice(2).length
	? process.argv.slice(2)
	: readdirSync(dir)
			.filter((f) => f.endsWith('.zip'))
			.map((f) => join(dir, f));
if (!zips.length) {
	console.error(`No SCORM packages in ${dir}/: run npm run package:scorm first.`);
	process.exit(1);
}

let failed = 0;
for (const zip of zips) {
	const problems = [];
	const entries = unzipSync(readFileSync(zip));
	const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
	const xml = entries['imsmanifest.xml'] ? strFromU8(entries['imsmanifest.xml']) : '';
	/** @type {'1.2' | '2004' | null} */
	const standard = xml.includes('http://www.imsproject.org/xsd/imscp_rootv1p1p2')
		? '1.2'
		: xml.includes('http://www.imsglobal.org/xsd/imscp_v1p1')
			? '2004'
			: null;
	if (!xml) problems.push('no imsmanifest.xml at the root of the zip');
	else if (!standard) problems.push('imsmanifest.xml is neither SCORM 1.2 nor SCORM 2004');
	else {
		// The manifest goes to xmllint on its standard input: no file to write and clean up.
		const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA[standard], '-'], {
			input: xml,
			encoding: 'utf8'
		});
		if (lint.status !== 0) problems.push(`not valid against the schemas:\n${lint.stderr}`);
		const listed = pack.manifestFiles(xml);
		const launch = /<resource\b[^>]*\shref="([^"]*)"/.exec(xml)?.[1];
		const control = new Set(['imsmanifest.xml', ...pack.SCHEMA_FILES[standard]]);
		const inZip = new Set(names);
		if (!launch || !inZip.has(launch)) problems.push(`the launch page ${launch} is not in the zip`);
		for (const file of listed)
			if (!inZip.has(file)) problems.push(`${file} is listed, not in the zip`);
		const listedSet = new Set(listed);
		for (const name of names) {
			if (!listedSet.has(name) && !control.has(name))
				problems.push(`${name} is in the zip, not listed`);
			if (/\.map$|(^|\/)embed(\/|\.js$)|^404\.html$|^robots\.txt$/.test(name)) {
				problems.push(`${name} does not belong in a package`);
			}
		}
		for (const name of control) if (!inZip.has(name)) problems.push(`${name} is missing`);
	}
	if (problems.length) {
		failed++;
		console.error(`✖ ${zip}:\n  - ${problems.join('\n  - ')}`);
	} else {
		console.log(`✔ ${zip}: SCORM ${standard}, valid manifest, ${names.length} files, all listed`);
	}
}
process.exit(failed ? 1 : 0);
