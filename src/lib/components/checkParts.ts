/**
 * What a knowledge check shows once the learner checks: the result, the question-by-question
 * review and the error summary. They load once the course session has started (KnowledgeCheck),
 * not with the page: a first visit to a lesson does not need them to read it (firstUse.ts).
 */
export { default as CheckResult } from './CheckResult.svelte';
export { default as ErrorSummary } from './ErrorSummary.svelte';
export { default as QuestionReview } from './QuestionReview.svelte';
