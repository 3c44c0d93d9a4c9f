import { glossary } from '$lib/server/course';

export function load() {
	return { entries: [...glossary].sort((a, b) => a.term.localeCompare(b.term)) };
}
