/**
 * Small DOM helpers for the pages. Text always goes in through textContent, never innerHTML, so
 * a cell holding markup shows as the characters it is.
 */

export interface ElementOptions {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
}

/** Creates an element with classes, text and attributes, then appends the children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly (Node | null)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {}))
    node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** The element with this id, or an error naming it: a missing id is a bug in the page's HTML. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no element #${id}.`);
  return node as T;
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, children: readonly (Node | null)[]): void {
  parent.replaceChildren(...children.filter((child): child is Node => child !== null));
}

/** Shows or hides an element through the `hidden` attribute. */
export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}
