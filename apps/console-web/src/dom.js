// @ts-check
/**
 * Elements built from data with textContent only: nothing the API returns is ever parsed as HTML.
 */

/** @typedef {string | number | Node | null | undefined | false} Child */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | undefined | null>} [attributes] `data-*`, `class`, …; false/null/undefined leave it out
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * A table with a header row and one row per item; an empty list gets one row saying so.
 * @template T
 * @param {string[]} headers
 * @param {readonly T[]} items
 * @param {(item: T) => Child[]} cells
 * @param {Record<string, string>} [attributes]
 * @param {(item: T) => Record<string, string | number | undefined>} [rowAttributes]
 */
export function table(headers, items, cells, attributes = {}, rowAttributes = () => ({})) {
  const body = items.length
    ? items.map((item) => el('tr', rowAttributes(item), cells(item).map((cell) => el('td', {}, cell))))
    : [el('tr', { class: 'empty' }, el('td', { colspan: headers.length }, '无'))];
  return el('table', attributes, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))), el('tbody', {}, body));
}

/**
 * @param {Element} container
 * @param {...(Child | Child[])} children
 */
export function replace(container, ...children) {
  container.replaceChildren();
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) container.append(child instanceof Node ? child : String(child));
}
