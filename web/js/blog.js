// Shared by every page: the API client, date and number formatting, the site settings
// (title, description, language, About Me from GET /api/site) and the pieces of page that more
// than one page shows (post cards, the sidebar, bylines, messages). Plain DOM, no framework.
// Text from the API is always set with textContent; only HTML the API has already sanitised
// (a post's body, an author's bio, the About Me box) is inserted as HTML.

/** What the pages show before GET /api/site answers, and if it never does. Matches the HTML. */
export const FALLBACK_SITE = Object.freeze({
  title: 'Trending Health And Medical Information For Healthy Living',
  description: 'Plain-language articles on health, medicine and healthy living.',
  aboutHtml: null,
  language: 'en',
  defaultAuthor: null,
});

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

export function getAuthor(slug) {
  return getJson(`/api/authors/${encodeURIComponent(slug)}`);
}

/** An author's posts: /api/authors/{slug}/posts?limit=&cursor=, paged like /api/posts. */
export function listAuthorPosts(slug, { limit = pageSize, cursor = null } = {}) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return getJson(`/api/authors/${encodeURIComponent(slug)}/posts?${query}`);
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

export function authorHref(slug) {
  return `/author.html?slug=${encodeURIComponent(slug)}`;
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

/** Fills a listing (home, tag or author page) with one page of posts and links to the next one. */
export async function loadListing({ list, pager, status, tag = null, headingLevel = 3, emptyText, pageUrl, fetchPage = null }) {
  const cursor = new URLSearchParams(window.location.search).get('cursor');
  try {
    const page = await (fetchPage ? fetchPage(cursor) : listPosts({ cursor, tag }));
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

/**
 * "By NAME, CREDENTIALS" (with the avatar) and "Last medically reviewed on DATE by NAME, CREDENTIALS"
 * for a post; the review line only when the post names both the reviewer and the date, so a review
 * that is not recorded is never claimed. People with a profile link to their author page; a name
 * without one is plain text.
 */
export function byline(post) {
  const author = post.authorProfile ?? (post.author ? { name: post.author } : null);
  const reviewer = post.reviewer ?? (post.reviewedBy ? { name: post.reviewedBy } : null);
  if (!author && !reviewer) return null;

  const lines = [];
  if (author) {
    lines.push(el('p', { class: 'byline-author' }, 'By ', personName(author, 'author'), credentials(author)));
  }
  if (reviewer && post.lastReviewed) {
    lines.push(
      el(
        'p',
        { class: 'reviewed' },
        'Last medically reviewed on ',
        dateElement(post.lastReviewed),
        ' by ',
        personName(reviewer),
        credentials(reviewer),
      ),
    );
  }
  const avatar = author?.avatar
    ? el('img', { class: 'avatar', src: author.avatar, alt: '', width: 48, height: 48, loading: 'eager', decoding: 'async' })
    : null;
  return el(
    'div',
    { class: avatar ? 'byline' : 'byline no-avatar' },
    avatar && author.slug ? el('a', { href: authorHref(author.slug), tabindex: -1, 'aria-hidden': 'true' }, avatar) : avatar,
    el('div', { class: 'byline-text' }, lines),
  );
}

function personName(person, rel = null) {
  return person.slug
    ? el('a', { class: 'person', href: authorHref(person.slug), rel }, person.name)
    : el('span', { class: 'person' }, person.name);
}

function credentials(person) {
  return person.credentials ? [', ', el('span', { class: 'credentials' }, person.credentials)] : null;
}

// ---------------------------------------------------------------------------------------------
// Site settings: title, description, language and About Me from GET /api/site. The HTML carries
// FALLBACK_SITE, so a page reads well before the API answers and when it cannot; the header and
// the About Me box have fixed heights, so swapping the text in moves nothing. The last answer is
// kept for the browser session, so the next page starts with it.

const SITE_CACHE_KEY = `healthfunctions.site:${apiBase}`;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
let site = { ...FALLBACK_SITE };
let pageTitle = null;
let pageDescription = null;

/** The blog's title as currently known (site.yaml's once loaded). */
export function siteTitle() {
  return site.title;
}

/** Sets the page's own title; the document title becomes "TITLE | SITE TITLE" (null: the site title alone). */
export function setPageTitle(title) {
  pageTitle = title;
  document.title = pageTitle ? `${pageTitle} | ${site.title}` : site.title;
}

/** Sets the page's own meta description (null: the site's). */
export function setPageDescription(description) {
  pageDescription = description || null;
  document.querySelector('meta[name="description"]')?.setAttribute('content', pageDescription ?? site.description ?? '');
}

function readCachedSite() {
  try {
    return JSON.parse(window.sessionStorage.getItem(SITE_CACHE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function applySite(info, state) {
  if (!info || typeof info.title !== 'string' || info.title.trim() === '') return;
  site = {
    title: info.title.trim(),
    description: typeof info.description === 'string' ? info.description : null,
    aboutHtml: typeof info.aboutHtml === 'string' && info.aboutHtml.trim() !== '' ? info.aboutHtml : null,
    language: typeof info.language === 'string' && LANGUAGE.test(info.language) ? info.language : FALLBACK_SITE.language,
    defaultAuthor: typeof info.defaultAuthor === 'string' && info.defaultAuthor ? info.defaultAuthor : null,
  };

  document.documentElement.lang = site.language;
  for (const node of document.querySelectorAll('[data-site-title]')) node.textContent = site.title;
  for (const node of document.querySelectorAll('[data-site-description]')) node.textContent = site.description ?? '';
  setPageTitle(pageTitle);
  setPageDescription(pageDescription);

  const about = document.getElementById('about-text');
  if (about) {
    if (site.aboutHtml) {
      // Rendered from site.yaml's Markdown and sanitised by the API (HtmlSafetyPolicy); the
      // Content-Security-Policy also forbids inline script.
      about.innerHTML = site.aboutHtml;
    }
    fitAbout();
  }
  document.documentElement.dataset.site = state;
}

/** The About Me box keeps its height: longer text is cut with a fade and a "Read more" button. */
function fitAbout() {
  const body = document.querySelector('.about-body');
  const more = document.getElementById('about-more');
  if (!body || !more) return;
  body.classList.remove('is-clipped');
  const clipped = !body.classList.contains('is-open') && body.scrollHeight > body.clientHeight + 1;
  body.classList.toggle('is-clipped', clipped);
  const items = [];
  if (clipped || body.classList.contains('is-open')) {
    const open = body.classList.contains('is-open');
    items.push(el('button', { type: 'button', class: 'link-button', 'aria-expanded': String(open), 'data-about-toggle': true }, open ? 'Show less' : 'Read more'));
  }
  if (site.defaultAuthor) {
    items.push(el('a', { href: authorHref(site.defaultAuthor) }, 'More about me →'));
  }
  more.replaceChildren(...items);
}

document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-about-toggle]')) {
    document.querySelector('.about-body')?.classList.toggle('is-open');
    fitAbout();
  }
});

/** Applies the site settings: at once from this session's last answer, then from GET /api/site. */
export async function loadSite() {
  const cached = readCachedSite();
  if (cached) applySite(cached, 'cached');
  else fitAbout();
  try {
    const info = await getJson('/api/site');
    applySite(info, 'loaded');
    try {
      window.sessionStorage.setItem(SITE_CACHE_KEY, JSON.stringify(info));
    } catch {
      // Storage full or disabled: the next page asks the API again.
    }
  } catch {
    // The fallback (or the cached answer) stays: the page still reads well without it.
    document.documentElement.dataset.site = document.documentElement.dataset.site === 'cached' ? 'cached' : 'fallback';
  }
}

/** What every page does on start: the site settings and the sidebar's latest posts. */
export function loadChrome() {
  loadSite();
  loadSidebar();
}
