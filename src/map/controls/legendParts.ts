const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with these attributes: the legend's swatches and keys are drawn from these. */
export function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** One row of a legend list: a swatch and its label, the label set as text. */
export function row(swatch: Element, label: string): HTMLElement {
  const li = document.createElement('li');
  li.append(swatch);
  const span = document.createElement('span');
  span.textContent = label;
  li.append(span);
  return li;
}

/**
 * A keyed section of the legend (the density view's key, the matching key): a box with its class
 * and test id, a title set as text, and the list its rows go in, already appended to the box.
 */
export function keySection(className: string, testid: string, title: string): { box: HTMLDivElement; list: HTMLUListElement } {
  const box = document.createElement('div');
  box.className = className;
  box.dataset.testid = testid;
  const heading = document.createElement('p');
  heading.textContent = title;
  const list = document.createElement('ul');
  box.append(heading, list);
  return { box, list };
}
