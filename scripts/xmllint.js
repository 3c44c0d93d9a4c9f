// xmllint (Debian's libxml2-utils) validates the SCORM manifests against the IMS/ADL schemas.
// `npm test` looks for it first, like the browser, so a machine without it stops at once.
import { spawnSync } from 'node:child_process';

export const hasXmllint = () => !spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).error;

export const HOW_TO_GET_XMLLINT =
	'No xmllint found: it validates the SCORM manifests. Install it (Debian/Ubuntu: sudo apt-get install libxml2-utils).';
