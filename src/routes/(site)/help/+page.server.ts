export { citations as load } from '$lib/server/pages';
