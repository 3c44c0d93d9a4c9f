// @ts-check
/**
 * Things learner-facing text must never say (../shared/content/FACTS.md, sections B and C).
 * Each rule carries a sample that must trip it, so a rule that stops working fails its test.
 *
 * @typedef {{ id: string, why: string, pattern: RegExp, sample: string }} ForbiddenRule
 */

/** @type {ForbiddenRule[]} */
export const forbiddenRules = [
	{
		id: 'dose-amount',
		why: 'No dose amounts: doses are for the prescriber (FACTS C, NEVER 2).',
		pattern: /\b\d+(?:[.,]\d+)?\s*(?:mg|milligrams?|mcg|micrograms?)\b/i,
		sample: 'The usual starting dose is 0.25 mg twice a day.'
	},
	{
		id: 'taper-percentage',
		why: 'No taper percentages (FACTS C, NEVER 1).',
		pattern: /\b\d+(?:\s*(?:-|–|to)\s*\d+)?\s*(?:%|per ?cent)/i,
		sample: 'Cut the dose by 10% every two weeks.'
	},
	{
		id: 'taper-interval',
		why: 'No taper intervals or step schedules (FACTS C, NEVER 1).',
		pattern:
			/\b(?:cut|reduce|lower|drop|decrease)\w*\b[^.]{0,60}\bevery\s+(?:\d+|one|two|three|four|few|other)\s*(?:-\s*\w+\s*)?(?:days?|weeks?|months?)\b/i,
		sample: 'Reduce the dose every 2 weeks until you stop.'
	},
	{
		id: 'pregnancy-category',
		why: 'Pregnancy letter categories were removed by the FDA in 2015 (FACTS B, 003).',
		pattern: /\b[Cc]ategory\s+[ABCDX]\b/,
		sample: 'Clonazepam is Pregnancy Category D.'
	},
	{
		id: 'approved-for-depression',
		why: 'Clonazepam is not approved for depression; low mood is a listed side effect (FACTS B, 002).',
		pattern:
			/(?<!\b(?:not|never|isn't)\s+)\b(?:treats?|treating|helps? (?:with|reduce)|approved for|used (?:to treat|for))\s+(?:the\s+)?(?:symptoms of\s+)?depression/i,
		sample: 'It helps reduce symptoms of depression.'
	},
	{
		id: 'approved-for-insomnia',
		why: 'Not approved for insomnia or sleep problems (FACTS B, 001/002).',
		pattern:
			/(?<!\b(?:not|never|isn't)\s+)\b(?:approved|used|prescribed) (?:to treat|for)\s+(?:insomnia|sleep (?:problems|disorders))/i,
		sample: 'Clonazepam is used to treat sleep disorders, such as insomnia.'
	},
	{
		id: 'stimulates-receptor',
		why: 'It boosts GABA; it does not stimulate or activate the receptor by itself (FACTS B, 002).',
		pattern: /\b(?:stimulates?|activates?)\s+(?:the\s+)?GABA(?:-A)?\s+receptors?/i,
		sample: 'Clonazepam stimulates GABA receptors.'
	},
	{
		id: 'hypothalamus-limbic',
		why: 'Unsupported claim about where it works "most" (FACTS B, 002).',
		pattern: /most effective[^.]{0,40}hypothalamus/i,
		sample: 'It is most effective, for instance in the hypothalamus and limbic systems.'
	},
	{
		id: 'methadone-substitute',
		why: 'Dangerous: benzodiazepines are no substitute for methadone or buprenorphine (FACTS B, 002).',
		pattern: /substitute for (?:methadone|buprenorphine)/i,
		sample: 'Klonopin can be used as a substitute for methadone.'
	},
	{
		id: 'benign-cognition',
		why: 'The label warns about thinking and memory; it is not "benign" (FACTS B, 002).',
		pattern: /benign nature regarding cognit/i,
		sample: 'Its relatively benign nature regarding cognitive function.'
	},
	{
		id: 'weight-based-dose',
		why: 'Adult doses are not weight-based (FACTS B, 002).',
		pattern:
			/overweight people may need a higher dose|higher dose[^.]{0,30}\b(?:weigh|overweight)/i,
		sample: 'Overweight people may need a higher dose.'
	},
	{
		id: 'birth-control',
		why: 'Unsourced interaction claim (FACTS B, 001; C NEVER 8).',
		pattern: /birth control pills? (?:can )?(?:decrease|reduce|lower)/i,
		sample: 'Some birth control pills can decrease the effectiveness of clonazepam.'
	},
	{
		id: 'ssris-increase',
		why: 'Blanket "SSRIs increase the effects" is unsupported (FACTS B, 001; C NEVER 8).',
		pattern: /SSRIs?\b[^.]{0,40}\bincrease the effects?/i,
		sample:
			'Certain antidepressants, such as SSRIs and TCAs, can increase the effects of clonazepam.'
	},
	{
		id: 'take-extra-dose',
		why: 'Never suggest extra or as-needed doses (FACTS C, NEVER 3).',
		pattern:
			/(?<!\b(?:never|not|don't|do not|or)\s+)\b(?:take|taking)\s+(?:an?\s+)?(?:extra|additional|another|higher|bigger)\s+(?:dose|pill|tablet)s?\b/i,
		sample: 'If anxiety breaks through, take an extra dose.'
	},
	{
		id: 'as-needed',
		why: 'Label dosing is scheduled, not "as needed" (FACTS B, 002; C NEVER 3).',
		pattern: /\bas needed\b/i,
		sample: 'It is usually taken once a day or in divided doses as needed.'
	},
	{
		id: 'cold-turkey',
		why: 'Never suggest stopping "cold turkey" (FACTS C, NEVER 5).',
		pattern: /cold turkey/i,
		sample: 'Some people simply quit cold turkey.'
	},
	{
		id: 'diazepam-conversion',
		why: 'No conversions to diazepam or dose equivalents (FACTS C, NEVER 1).',
		pattern: /\bequivalent to\b[^.]{0,30}\bdiazepam|diazepam equivalent/i,
		sample: 'One tablet is equivalent to 10 of diazepam.'
	},
	{
		id: 'dependence-less-common',
		why: 'Dependence is expected with regular use, not a "less common" side effect (FACTS B, 003).',
		pattern: /less common[^.]{0,60}\bdependence\b/i,
		sample: 'Less common but serious side effects: dependence (with long-term use).'
	},
	{
		id: 'addict-label',
		why: 'Never shame; do not call people "addicts" (FACTS C, NEVER 9).',
		pattern: /\baddicts?\b/i,
		sample: 'Klonopin for addicts.'
	},
	{
		id: 'pregnancy-stop-now',
		why: 'Never say "not safe in pregnancy, stop now" (FACTS C, NEVER 7).',
		pattern: /not safe (?:to use )?(?:during|in) pregnancy/i,
		sample: 'It is not safe to use during pregnancy and breastfeeding.'
	},
	{
		id: 'weeks-to-work',
		why: 'Each dose acts within about an hour; "weeks to work" is antidepressant framing (FACTS B, 003).',
		pattern: /(?:several days or weeks|weeks) to (?:achieve|reach) full (?:therapeutic )?benefit/i,
		sample: 'It might take several days or weeks to achieve full therapeutic benefits.'
	}
];

/**
 * @param {string} text
 * @returns {{ rule: ForbiddenRule, match: string }[]}
 */
export function findForbidden(text) {
	return forbiddenRules.flatMap((rule) => {
		const match = rule.pattern.exec(text);
		return match ? [{ rule, match: match[0] }] : [];
	});
}
