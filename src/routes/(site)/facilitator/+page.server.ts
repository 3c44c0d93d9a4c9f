export { facilitatorData as load } from '$lib/server/facilitator';
