/**
 * The part of a course session that loads on demand (`loadEngine` in session.svelte.ts): XState,
 * the course machine, and the reader that validates, migrates and merges saved progress. About a
 * third of a lesson page's code; a first visit to a lesson needs none of it until the learner
 * starts using the page.
 */
export { createActor } from 'xstate';
export { courseMachine } from './courseMachine';
export { mergeStored, readStored, sameStored, stamp, toSaved } from './saved';
