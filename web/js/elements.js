// Building page elements from API data: el() for any element, dates and reading times as the
// static pages print them, and the post card the lists share. Strings always become text nodes.

/** Builds an element: el('a', { href: '/' }, 'Home'). Strings become text nodes, never HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 23 November 2022, in UTC as the API stores dates, so it reads the same in every time zone. */
export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

export function formatReadingTime(minutes) {
  return `${Math.max(1, minutes)} min read`;
}

export function dateElement(iso, className = null) {
  return el('time', { datetime: iso, class: className }, formatDate(iso));
}

/**
 * One post in a list, in the markup of the static pages' cards: the title linking to the post's
 * page, a meta line, the excerpt (or a search snippet) and what follows it (tags), if anything.
 */
export function postCard({ title, url, meta, excerpt, headingLevel = 3, excerptClass = 'excerpt', after = null }) {
  return el(
    'li',
    { class: 'card' },
    el(
      'div',
      { class: 'card-body' },
      el(`h${headingLevel}`, { class: 'card-title' }, el('a', { href: url }, title)),
      el('p', { class: 'meta' }, meta),
      el('p', { class: excerptClass }, excerpt),
      after,
    ),
  );
}
