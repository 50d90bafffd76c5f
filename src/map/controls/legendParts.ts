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
