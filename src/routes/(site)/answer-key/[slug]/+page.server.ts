export { entries } from '$lib/server/handouts';
