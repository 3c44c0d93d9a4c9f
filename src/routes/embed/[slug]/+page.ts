export { load } from '$lib/lessonBody';
