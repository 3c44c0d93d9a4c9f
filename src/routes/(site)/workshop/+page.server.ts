export { courseSummaries as load } from '$lib/server/pages';
