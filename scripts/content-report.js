// `npm run content:report`: reading grade and length of every lesson, for authors and reviewers.
// The grade is read from the same blocks of text the content tests use (remark, not regexes).
import readabilityScores from 'readability-scores';
import { readLessonFiles } from '../src/lib/content/lessonFiles.js';
import { lessonSentences, longSentences, wordCount } from '../src/lib/content/plainText.js';

const TARGET = 7;
let worst = 0;
const long = [];
console.log('lesson                      FK grade   words   ~minutes at 150 wpm');
for (const [path, text] of Object.entries(readLessonFiles('src/lessons'))) {
	const dir = /^\/src\/lessons\/(\d+-[^/]+)\/lesson\.md$/.exec(path)?.[1];
	if (!dir) continue;
	const sentences = lessonSentences(text);
	const { fleschKincaid } = readabilityScores(sentences.join('\n'), { onlyFleschKincaid: true });
	const words = wordCount(sentences);
	worst = Math.max(worst, fleschKincaid);
	long.push(...sentences.flatMap((s) => longSentences(s).map((l) => `${dir}: ${l}`)));
	console.log(
		`${dir.padEnd(28)}${fleschKincaid.toFixed(1).padStart(8)}${String(words).padStart(8)}${String(Math.round(words / 150)).padStart(10)}`
	);
}
console.log(`\nTarget: grade ${TARGET} or below. Highest: ${worst.toFixed(1)}.`);
if (long.length) console.log(`\nSentences over 25 words:\n${long.map((l) => `- ${l}`).join('\n')}`);
