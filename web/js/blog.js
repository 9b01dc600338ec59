// Shared by every page: the API client, date and number formatting, and the pieces of page
// that more than one page shows (post cards, the sidebar, messages). Plain DOM, no framework.
// Text from the API is always set with textContent; only a post's body, which the API has
// already sanitised, is inserted as HTML (see post.js).

export const SITE_TITLE = 'Trending Health And Medical Information For Healthy Living';

const apiBase = String(window.HEALTHFUNCTIONS_API ?? '').replace(/\/+$/, '');
const pageSize = Math.min(50, Math.max(1, Number.parseInt(window.HEALTHFUNCTIONS_PAGE_SIZE, 10) || 10));
const TIMEOUT_MS = 15000;

export const config = Object.freeze({ apiBase, pageSize });

/** Why a request to the API failed: 'unreachable', 'not-found' or 'http'. */
export class ApiError extends Error {
  constructor(kind, status = 0, detail = '') {
    super(detail || kind);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

/** GETs JSON from the API. Follows redirects (renamed posts answer 301). */
export async function getJson(path) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response;
  try {
    response = await fetch(apiBase + path, {
      headers: { Accept: 'application/json' },
      redirect: 'follow',
      signal: controller.signal,
    });
  } catch {
    throw new ApiError('unreachable');
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) {
    const detail = await problemDetail(response);
    throw new ApiError(response.status === 404 ? 'not-found' : 'http', response.status, detail);
  }

  try {
    return await response.json();
  } catch {
    throw new ApiError('http', response.status, 'The server did not answer with JSON.');
  }
}

async function problemDetail(response) {
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      const problem = await response.json();
      return typeof problem.detail === 'string' ? problem.detail : '';
    }
  } catch {
    // No readable problem body: the status says enough.
  }
  return '';
}

/** A listing page: /api/posts?limit=&cursor=&tag= */
export function listPosts({ limit = pageSize, cursor = null, tag = null } = {}) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  if (tag) query.set('tag', tag);
  return getJson(`/api/posts?${query}`);
}

export function getPost(slug) {
  return getJson(`/api/posts/${encodeURIComponent(slug)}`);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 23 November 2022 */
export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

export function formatWords(count) {
  return `${Number(count).toLocaleString('en-GB')} ${count === 1 ? 'Word' : 'Words'}`;
}

export function formatReadingTime(minutes) {
  return `${Math.max(1, minutes)} min read`;
}

export function postHref(slug) {
  return `/post.html?slug=${encodeURIComponent(slug)}`;
}

export function tagHref(tag) {
  return `/tag.html?tag=${encodeURIComponent(tag)}`;
}

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

export function dateElement(iso, className = null) {
  return el('time', { datetime: iso, class: className }, formatDate(iso));
}

export function tagList(tags, label = 'Tags') {
  if (!tags || tags.length === 0) return null;
  return el('ul', { class: 'tags', 'aria-label': label }, tags.map((tag) => el('li', {}, el('a', { href: tagHref(tag), rel: 'tag' }, tag))));
}

/** One post in a listing, at the same fixed height as its skeleton so nothing moves when it loads. */
export function postCard(post, headingLevel = 3) {
  return el(
    'li',
    { class: 'card' },
    el(
      'article',
      { class: 'card-body' },
      el(`h${headingLevel}`, { class: 'card-title' }, el('a', { href: postHref(post.slug) }, post.title)),
      el('p', { class: 'meta' }, dateElement(post.published), ' · ', formatReadingTime(post.readingMinutes)),
      el('p', { class: 'excerpt' }, post.excerpt),
      tagList(post.tags) ?? el('p', { class: 'tags tags-empty' }),
    ),
  );
}

/** A message in place of content: what went wrong, in words a reader understands, and what to do. */
export function messageFor(error, what) {
  if (error instanceof ApiError && error.kind === 'unreachable') {
    return notice(
      'error',
      "We can't reach the blog right now",
      `The ${what} could not be loaded because the blog's server did not answer. Check your internet connection and try again in a moment.`,
      true,
    );
  }
  const status = error instanceof ApiError && error.status ? ` (HTTP ${error.status})` : '';
  return notice('error', 'Something went wrong', `The ${what} could not be loaded${status}. Please try again later.`, true);
}

export function notice(kind, title, text, retry = false) {
  return el(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('p', { class: 'notice-title' }, title),
    el('p', {}, text),
    retry ? el('button', { type: 'button', class: 'button', 'data-retry': true }, 'Try again') : null,
  );
}

// "Try again" buttons reload the page: every page loads all it needs on start.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-retry]')) {
    window.location.reload();
  }
});

/** Fills the sidebar's "Latest Posts" list (its skeleton rows are in the page's HTML). */
export async function loadSidebar() {
  const list = document.getElementById('latest-posts');
  if (!list) return;
  try {
    const page = await listPosts({ limit: 5 });
    list.replaceChildren(
      ...page.items.map((post) =>
        el(
          'li',
          { class: 'latest-item' },
          el('a', { class: 'latest-title', href: postHref(post.slug) }, post.title),
          dateElement(post.published, 'latest-date'),
          el('p', { class: 'latest-excerpt' }, post.excerpt),
        ),
      ),
    );
    if (page.items.length === 0) {
      list.replaceChildren(el('li', { class: 'latest-empty' }, 'No posts yet.'));
    }
  } catch {
    list.replaceChildren(el('li', { class: 'latest-empty', role: 'status' }, 'Latest posts are unavailable right now.'));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

/** Fills a listing (home or tag page) with one page of posts and links to the next one. */
export async function loadListing({ list, pager, status, tag = null, headingLevel = 3, emptyText, pageUrl }) {
  const cursor = new URLSearchParams(window.location.search).get('cursor');
  try {
    const page = await listPosts({ cursor, tag });
    list.replaceChildren(...page.items.map((post) => postCard(post, headingLevel)));
    if (page.items.length === 0) {
      status.replaceChildren(notice('info', cursor ? 'No more posts' : 'Nothing here yet', emptyText));
    }
    const links = [];
    if (cursor) links.push(el('a', { class: 'button', href: pageUrl(null), rel: 'first' }, '← Newest posts'));
    if (page.next && page.cursor) links.push(el('a', { class: 'button', href: pageUrl(page.cursor), rel: 'next' }, 'Older posts →'));
    pager.replaceChildren(...links);
  } catch (error) {
    list.replaceChildren();
    status.replaceChildren(messageFor(error, 'list of posts'));
  } finally {
    list.removeAttribute('aria-busy');
  }
}
