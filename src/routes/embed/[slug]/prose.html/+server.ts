import { entries, proseResponse } from '$lib/server/lessonRoute';

export const prerender = true;
export { entries };
export const GET = ({ params }: { params: { slug: string } }) => proseResponse(params.slug, true);
