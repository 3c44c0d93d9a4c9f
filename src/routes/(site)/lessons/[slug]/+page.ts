import type { Component } from 'svelte';

// Each lesson's prose is its own chunk, loaded only on its own page.
const bodies = import.meta.glob<Component>('/src/lessons/*/lesson.md', { import: 'default' });

export async function load({ data }) {
	const body = await bodies[`/src/lessons/${data.lesson.dir}/lesson.md`]!();
	return { ...data, body };
}
