// Command-line tools the checks use besides the browser: xmllint (Debian's libxml2-utils)
// validates the SCORM manifests against the IMS/ADL schemas, and Poppler's pdftoppm turns the
// printed PDFs into images the print tests measure. `npm test` looks for them first, like the
// browser, so a machine without one stops at once with one line saying how to get it.
import { spawnSync } from 'node:child_process';

/** @param {string} command @param {string} flag */
const has = (command, flag) => !spawnSync(command, [flag], { stdio: 'ignore' }).error;

export const hasXmllint = () => has('xmllint', '--version');

export const HOW_TO_GET_XMLLINT =
	'No xmllint found: it validates the SCORM manifests. Install it (Debian/Ubuntu: sudo apt-get install libxml2-utils).';

export const HOW_TO_GET_PDFTOPPM =
	'No pdftoppm found: the print tests render the printed pages with it. Install Poppler (Debian/Ubuntu: sudo apt-get install poppler-utils).';

/** The one line saying how to get the first missing tool, or null when all are here. */
export function missingTool() {
	if (!hasXmllint()) return HOW_TO_GET_XMLLINT;
	if (!has('pdftoppm', '-v')) return HOW_TO_GET_PDFTOPPM;
	return null;
}
