import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page template. */
export function renderDocument(page: JSX.Element): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
