// @ts-check
/**
 * Things learner-facing text must never say (../shared/content/FACTS.md, sections B, C and E,
 * and issue 12). Each rule is a row of a table: samples that must trip it (`trips`) and
 * near-misses that must not (`passes`), so a rule that stops working, or starts catching safe
 * wording, fails its own test.
 *
 * `everywhere` rules apply to every text a learner can see, including text that states a
 * misconception on purpose: a wrong answer's option text, or the claim of a "What you may have
 * read" box. No page may show a dose, a percentage or a schedule, even to knock it down. The
 * other rules apply to text offered as fact.
 *
 * @typedef {{
 *   id: string,
 *   why: string,
 *   pattern: RegExp,
 *   everywhere?: boolean,
 *   trips: string[],
 *   passes: string[]
 * }} ForbiddenRule
 */

/** @type {ForbiddenRule[]} */
export const forbiddenRules = [
	{
		id: 'dose-amount',
		why: 'No dose amounts: doses are for the prescriber (FACTS C, NEVER 2).',
		everywhere: true,
		pattern:
			/\b(?:\d+(?:[.,]\d+)?|half|quarter|one|two|three|four|five|six|eight|ten|twenty)\s*(?:-\s*)?(?:a\s+)?(?:mg|milligrams?|mcg|micrograms?|µg)\b/i,
		trips: [
			'The usual starting dose is 0.25 mg twice a day.',
			'Take two milligrams at bedtime.',
			'Up to 4mg a day.',
			'A 0,5 milligram tablet.',
			'Older adults: not more than 500 micrograms.',
			'Half a milligram is a small dose.'
		],
		passes: [
			'Doses are for your prescriber to decide.',
			'MG is short for myasthenia gravis.',
			'The 2025 guideline says so.',
			'Poison Help is on 1-800-222-1222.',
			'It took 5 months.'
		]
	},
	{
		id: 'percentage',
		why: 'No percentages: they read as taper steps (FACTS C, NEVER 1). Say "17 in 100".',
		everywhere: true,
		// Zoom levels ("zoom up to 400%", from the accessibility statement) are not doses.
		pattern:
			/(?<!\bzoom(?:ed)?(?: \w+){0,2} )\b\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:%|per ?cent\b)/i,
		trips: [
			'Cut the dose by 10% every two weeks.',
			'Lower it 5 to 10 per cent at a time.',
			'No more than 25 percent every 2 weeks.',
			'About 1.5% had a use disorder.'
		],
		passes: [
			'About 17 in 100 people had misused one.',
			'The plan is a percent-free plan.',
			'Zoom up to 400% without losing content.',
			'Most people, but not all.'
		]
	},
	{
		id: 'taper-interval',
		why: 'No taper intervals or step schedules (FACTS C, NEVER 1).',
		everywhere: true,
		pattern:
			/\b(?:cut|reduce|lower|drop|decrease|taper)\w*\b[^.]{0,60}\bevery\s+(?:\d+|one|two|three|four|few|other|couple of)\s*(?:-\s*\w+\s*)?(?:days?|weeks?|months?)\b/i,
		trips: [
			'Reduce the dose every 2 weeks until you stop.',
			'Lower it a little every two weeks.',
			'Cut by a quarter every other week.',
			'Tapering by a step every 2-4 weeks is usual.'
		],
		passes: [
			'Check in with your prescriber after each step.',
			'Take each dose as planned, every day.',
			'A taper usually takes months.',
			'After a cut, symptoms may take up to a week to show.'
		]
	},
	{
		id: 'diazepam-conversion',
		why: 'No conversions to diazepam or dose equivalents (FACTS C, NEVER 1).',
		everywhere: true,
		pattern:
			/\bequivalent to\b[^.]{0,30}\bdiazepam|\bdiazepam equivalent|\b(?:convert|switch)\w*\b[^.]{0,30}\bsame (?:amount|dose) of diazepam/i,
		trips: [
			'One tablet is equivalent to 10 of diazepam.',
			'Work out the diazepam equivalent first.',
			'Switch to the same amount of diazepam.'
		],
		passes: [
			'Tables that compare doses do not agree with each other.',
			'Your prescriber may switch you to a longer-acting benzodiazepine.'
		]
	},
	{
		id: 'weight-based-dose',
		why: 'Adult doses are not weight-based (FACTS B, 002).',
		everywhere: true,
		pattern:
			/overweight people may need a higher dose|higher dose[^.]{0,30}\b(?:weigh|overweight)/i,
		trips: [
			'Overweight people may need a higher dose.',
			'You need a higher dose if you weigh more.'
		],
		passes: ['Your prescriber thinks about your health as a whole.']
	},
	{
		id: 'cold-turkey',
		why: 'Never suggest stopping "cold turkey", not even to quote it (FACTS C, NEVER 5).',
		everywhere: true,
		pattern: /cold[\s-]+turkey/i,
		trips: [
			'Some people simply quit cold turkey.',
			'Quitting Cold Turkey is fine.',
			'GOING COLD TURKEY',
			'a cold-turkey stop'
		],
		passes: ['Stopping all at once can be dangerous.', 'A turkey sandwich is cold.']
	},
	{
		id: 'addict-label',
		why: 'Never shame; do not call people "addicts" (FACTS C, NEVER 9).',
		everywhere: true,
		pattern: /\baddicts?\b/i,
		trips: ['Klonopin for addicts.', 'He is an addict.', 'Addicts need help.'],
		passes: ['Dependence is not addiction.', 'Benzodiazepines can be addictive.']
	},
	{
		id: 'pregnancy-category',
		why: 'Pregnancy letter categories were removed by the FDA in 2015 (FACTS B, 003).',
		everywhere: true,
		pattern: /\b[Cc]ategory\s+[ABCDX]\b/,
		trips: ['Clonazepam is Pregnancy Category D.', 'It was category X.', 'a category C drug'],
		passes: ['The FDA removed letter categories in 2015.', 'In this category a doctor decides.']
	},
	{
		id: 'approved-for-depression',
		why: 'Clonazepam is not approved for depression; low mood is a listed side effect (FACTS B, 002).',
		pattern:
			/(?<!\b(?:not|never|isn't)\b[\w\s]{0,15})\b(?:treats?|treating|helps? (?:with|reduce)|approved for|used (?:to treat|for))\s+(?:the\s+)?(?:symptoms of\s+)?depression/i,
		trips: [
			'It helps reduce symptoms of depression.',
			'Clonazepam treats depression.',
			'It is approved for depression.'
		],
		passes: [
			'Clonazepam is not approved for depression.',
			'It is never used to treat depression on its own.',
			'Low mood (depression) is a listed side effect.'
		]
	},
	{
		id: 'approved-for-insomnia',
		why: 'Not approved for insomnia or sleep problems (FACTS B, 001/002).',
		pattern:
			/(?<!\b(?:not|never|isn't)\b[\w\s]{0,15})\b(?:approved|used|prescribed|treats?) (?:to treat |for )?(?:insomnia|sleep (?:problems|disorders))/i,
		trips: [
			'Clonazepam is used to treat sleep disorders, such as insomnia.',
			'It is approved for insomnia.'
		],
		passes: ['It is not approved for insomnia.', 'CBT-I is a talking therapy for insomnia.']
	},
	{
		id: 'stimulates-receptor',
		why: 'It boosts GABA; it does not stimulate or activate the receptor by itself (FACTS B, 002).',
		pattern: /\b(?:stimulates?|activates?)\s+(?:the\s+)?GABA(?:-A)?\s+receptors?/i,
		trips: ['Clonazepam stimulates GABA receptors.', 'It activates the GABA-A receptor.'],
		passes: ['GABA itself opens the GABA-A receptor.', 'It boosts GABA at GABA-A receptors.']
	},
	{
		id: 'hypothalamus-limbic',
		why: 'Unsupported claim about where it works "most" (FACTS B, 002).',
		pattern: /most effective[^.]{0,40}hypothalamus/i,
		trips: ['It is most effective, for instance in the hypothalamus and limbic systems.'],
		passes: ['Receptors that respond to it are found in many parts of the brain.']
	},
	{
		id: 'methadone-substitute',
		why: 'Dangerous: benzodiazepines are no substitute for methadone or buprenorphine (FACTS B, 002).',
		pattern: /substitute for (?:methadone|buprenorphine)/i,
		trips: [
			'Klonopin can be used as a substitute for methadone.',
			'a substitute for buprenorphine'
		],
		passes: ['It is never a reason to be refused methadone or buprenorphine.']
	},
	{
		id: 'benign-cognition',
		why: 'The label warns about thinking and memory; it is not "benign" (FACTS B, 002).',
		pattern: /benign nature regarding cognit|harmless (?:to|for) (?:memory|thinking)/i,
		trips: [
			'Its relatively benign nature regarding cognitive function.',
			'It is harmless to memory.'
		],
		passes: ['The label warns that it can affect thinking and memory.']
	},
	{
		id: 'birth-control',
		why: 'Unsourced interaction claim (FACTS B, 001; C NEVER 8).',
		pattern: /birth control pills? (?:can )?(?:decrease|reduce|lower|weaken)/i,
		trips: [
			'Some birth control pills can decrease the effectiveness of clonazepam.',
			'Birth control pills reduce its effect.'
		],
		passes: ['The label does not list birth control pills as changing how clonazepam works.']
	},
	{
		id: 'ssris-increase',
		why: 'Blanket "SSRIs increase the effects" is unsupported (FACTS B, 001; C NEVER 8).',
		pattern: /SSRIs?\b[^.]{0,40}\bincrease the effects?|all antidepressants (?:increase|add to)/i,
		trips: [
			'Certain antidepressants, such as SSRIs and TCAs, can increase the effects of clonazepam.',
			'All antidepressants increase its effects.'
		],
		passes: ['Fluoxetine, an antidepressant, does not change clonazepam levels.']
	},
	{
		id: 'take-extra-dose',
		why: 'Never suggest extra or as-needed doses (FACTS C, NEVER 3).',
		pattern:
			/(?<!\b(?:never|not|don't|do not|or)\s+)\b(?:take|taking)\s+(?:an?\s+)?(?:extra|additional|another|higher|bigger)\s+(?:dose|pill|tablet)s?\b/i,
		trips: ['If anxiety breaks through, take an extra dose.', 'Taking another pill helps.'],
		passes: [
			'Never take an extra dose.',
			"Don't take extra doses.",
			'Do not take two doses to make up for a missed one.'
		]
	},
	{
		id: 'as-needed',
		why: 'Label dosing is scheduled, not "as needed" (FACTS B, 002; C NEVER 3).',
		pattern: /\bas needed\b/i,
		trips: [
			'It is usually taken once a day or in divided doses as needed.',
			'As needed for panic.'
		],
		passes: ['Take each dose as planned.', 'Ask for the help you need.']
	},
	{
		id: 'dependence-less-common',
		why: 'Dependence is expected with regular use, not a "less common" side effect (FACTS B, 003).',
		pattern: /less common[^.]{0,60}\bdependence\b/i,
		trips: ['Less common but serious side effects: dependence (with long-term use).'],
		passes: ['Physical dependence is expected with regular use.']
	},
	{
		id: 'pregnancy-stop-now',
		why: 'Never say "not safe in pregnancy, stop now" (FACTS C, NEVER 7).',
		pattern:
			/not safe (?:to use )?(?:during|in) pregnancy|stop (?:it |taking it )?(?:now|today|at once) (?:if|because) you(?:'re| are) pregnant/i,
		trips: [
			'It is not safe to use during pregnancy and breastfeeding.',
			'Stop taking it now if you are pregnant.'
		],
		passes: ['If you are pregnant, contact your prescriber right away. Do not stop suddenly.']
	},
	{
		id: 'weeks-to-work',
		why: 'Each dose acts within about an hour; "weeks to work" is antidepressant framing (FACTS B, 003).',
		pattern: /(?:several days or weeks|weeks) to (?:achieve|reach) full (?:therapeutic )?benefit/i,
		trips: ['It might take several days or weeks to achieve full therapeutic benefits.'],
		passes: ['A dose starts to work within about an hour.']
	},
	{
		id: 'safe-to-stop-suddenly',
		why: 'Stopping suddenly can be dangerous after regular use (FACTS C, ALWAYS 1).',
		pattern:
			/(?<!\bnot\s+)\bsafe to stop (?:it )?(?:suddenly|all at once|straight away)|\byou can (?:just )?stop (?:it )?(?:suddenly|any ?time|whenever)/i,
		trips: ['It is safe to stop suddenly.', 'You can stop it whenever you like.'],
		passes: ['It is not safe to stop suddenly.', 'Never stop suddenly.']
	},
	{
		id: 'relapse-certain',
		why: 'Relapse "tends to last until it is treated"; the evidence is moderate (issue 12).',
		pattern: /\b(?:does not|doesn't|never) fades?\b(?: on its own)?/i,
		trips: ['A relapse does not fade on its own.', 'It never fades.'],
		passes: ['A relapse tends to last until it is treated.', 'Rebound fades.']
	},
	{
		id: 'clinician',
		why: 'Say "doctor or other health professional", not "clinician" (issue 12).',
		everywhere: true,
		pattern: /\bclinicians?\b/i,
		trips: ['Only a clinician can tell them apart.', 'Clinicians should taper.'],
		passes: ['A clinical review found this.', 'Your doctor or other health professional can help.']
	},
	{
		id: 'urgent-care',
		why: '"Urgent care" is a US-only service; name what exists where the reader is (issue 12).',
		everywhere: true,
		pattern: /\burgent care\b/i,
		trips: ['Ask a pharmacist or an urgent care service.', 'Go to Urgent Care.'],
		passes: ['Get urgent help now.', 'It needs emergency care even if it stops.']
	},
	{
		id: 'unnamed-society',
		why: 'Name the society, not "US addiction doctors" (issue 12).',
		everywhere: true,
		pattern: /\b(?:US|American) addiction doctors\b/i,
		trips: ['A patient guide from US addiction doctors says so.'],
		passes: ['The American Society of Addiction Medicine (ASAM) says so.']
	},
	{
		id: 'opioid-painkillers',
		why: 'The boxed warning covers every opioid, not only painkillers: cough medicines, methadone, buprenorphine, heroin and fentanyl too (issue 12).',
		pattern: /\bopioid (?:painkillers?|pain relievers?)\b/i,
		trips: ['Alcohol, opioid painkillers and other sedating medicines.'],
		passes: ['Opioids, including some pain and cough medicines, methadone and heroin.']
	},
	{
		id: 'fever-with-shaking',
		why: '"Shaking" is both an emergency sign and a same-day call: say shivering with a high temperature, or trembling hands (FACTS C).',
		everywhere: true,
		pattern: /\b(?:high )?(?:fever|temperature) with shaking\b/i,
		trips: ['Call if someone has a high fever with shaking.'],
		passes: ['Call if someone has a high temperature with shivering.', 'Trembling hands (tremor).']
	}
];

/**
 * @param {string} text
 * @param {{ quoted?: boolean }} [options] quoted: the text states a misconception on purpose, so
 *   only the `everywhere` rules apply
 * @returns {{ rule: ForbiddenRule, match: string }[]}
 */
export function findForbidden(text, { quoted = false } = {}) {
	return forbiddenRules.flatMap((rule) => {
		if (quoted && !rule.everywhere) return [];
		const match = rule.pattern.exec(text);
		return match ? [{ rule, match: match[0] }] : [];
	});
}

/**
 * Question prompts that ask for the one wrong thing ("Which is NOT safe?") make a learner who
 * picks a safe step read "Not quite" (issue 12): ask positively instead.
 * @type {{ pattern: RegExp, trips: string[], passes: string[] }}
 */
export const negativeStem = {
	pattern:
		/\bNOT\b|\bEXCEPT\b|\b[Ww]hich (?:of these )?(?:is|are|would be) not\b|\bis not (?:a )?safe\b|\bnot (?:a )?safe thing\b|\bleast (?:safe|likely|helpful)\b/,
	trips: [
		'Which of these is NOT an approved use of clonazepam in the US?',
		'Which of these is not a safe thing to do?',
		'Which is not part of a supervised taper?',
		'All of these help EXCEPT which one?',
		'Which step is least safe?'
	],
	passes: [
		'Which of these can help during a taper? Choose all that apply.',
		'She never had these with her anxiety. Which is most likely?',
		'They are not fading. Which is most likely?',
		'Why does it matter that withdrawal is often mistaken for relapse?'
	]
};
