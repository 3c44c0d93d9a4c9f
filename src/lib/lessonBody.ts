/** A lesson's compiled prose; each lesson.md is its own chunk, fetched only on its own page. */
import type { Component } from 'svelte';
import type { Lesson } from './course/types';

const bodies = import.meta.glob<Component>('/src/lessons/*/lesson.md', { import: 'default' });

export async function lessonBody(dir: string): Promise<Component> {
	const load = bodies[`/src/lessons/${dir}/lesson.md`];
	if (!load) throw new Error(`No lesson.md in src/lessons/${dir}`);
	return load();
}

/** The universal load of both lesson routes (/lessons/[slug] and /embed/[slug]). */
export async function load({ data }: { data: { lesson: Lesson } }) {
	return { ...data, body: await lessonBody(data.lesson.dir) };
}
