// `npm run content:report`: reading grade and length of every lesson, for authors and reviewers.
import { readFileSync, readdirSync } from 'node:fs';
import readabilityScores from 'readability-scores';
import { lessonSentences, wordCount } from '../src/lib/content/plainText.js';

const TARGET = 8;
let worst = 0;
console.log('lesson                      FK grade   words   ~minutes at 150 wpm');
for (const dir of readdirSync('src/lessons')
	.filter((d) => /^\d+-/.test(d))
	.sort()) {
	const sentences = lessonSentences(readFileSync(`src/lessons/${dir}/lesson.md`, 'utf8'));
	const { fleschKincaid } = readabilityScores(sentences.join('\n'), { onlyFleschKincaid: true });
	const words = wordCount(sentences);
	worst = Math.max(worst, fleschKincaid);
	console.log(
		`${dir.padEnd(28)}${fleschKincaid.toFixed(1).padStart(8)}${String(words).padStart(8)}${String(Math.round(words / 150)).padStart(10)}`
	);
}
console.log(`\nTarget: grade ${TARGET} or below (aim for 6 to 7). Highest: ${worst.toFixed(1)}.`);
