/**
 * DOM writes that happen only when they change something. Views run on every slider step; a write
 * of the same text or the same `hidden` still replaces the text node or touches the attribute, so
 * the browser styles, lays out and repaints that part of the page again (and a live region may
 * announce it again).
 */

/** Sets a node's text only when it changed. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets an attribute only when its value changed. */
export function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Shows or hides an element only when that changes. */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}
