import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/**
 * A whole HTML document. Preact escapes every text and attribute value; the only raw HTML on any
 * page is SVG our own code draws (QR codes, charts), passed through `TrustedSvg`.
 */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
