export { entries, load } from '$lib/server/lessonRoute';
