// What surrounds the content on a page of web/ (the search page), which the pipeline did not
// write: the site's title, tagline, language and About Me text from GET /api/site, and the
// sidebar's "Latest Posts". The HTML carries FALLBACK_SITE, so the page reads well before the API
// answers and when it cannot; the header and the About Me box have fixed heights, so swapping the
// text in moves nothing. The last answer is kept for the browser session, so the next page starts
// with it. Only aboutHtml, which the API has sanitised, is inserted as HTML.
import { apiBase, getJson } from './api.js';
import { dateElement, el } from './elements.js';

/** What the page shows before GET /api/site answers, and if it never does. Matches the HTML. */
export const FALLBACK_SITE = Object.freeze({
  title: 'Trending Health And Medical Information For Healthy Living',
  description: 'Plain-language articles on health, medicine and healthy living.',
  aboutHtml: null,
  language: 'en',
  defaultAuthor: null,
});

const SITE_CACHE_KEY = `healthfunctions.site:${apiBase}`;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
let site = { ...FALLBACK_SITE };
let pageTitle = null;

/** Sets the page's own title; the document title becomes "TITLE | SITE TITLE" (null: the site title alone). */
export function setPageTitle(title) {
  pageTitle = title;
  document.title = pageTitle ? `${pageTitle} | ${site.title}` : site.title;
}

/** The static author page of the person site.yaml names as defaultAuthor. */
function authorPageOf(slug) {
  return `/authors/${encodeURIComponent(slug)}/`;
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
  const open = body.classList.contains('is-open');
  const clipped = !open && body.scrollHeight > body.clientHeight + 1;
  body.classList.toggle('is-clipped', clipped);
  const items = [];
  if (clipped || open) {
    items.push(el('button', { type: 'button', class: 'link-button', 'aria-expanded': String(open), 'data-about-toggle': true }, open ? 'Show less' : 'Read more'));
  }
  if (site.defaultAuthor) {
    items.push(el('a', { href: authorPageOf(site.defaultAuthor) }, 'More about me →'));
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
async function loadSite() {
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

/** Fills the sidebar's "Latest Posts" (its skeleton rows are in the HTML) with links to the posts' pages. */
async function loadLatestPosts() {
  const list = document.getElementById('latest-posts');
  if (!list) return;
  try {
    const page = await getJson('/api/posts?limit=5');
    list.replaceChildren(
      ...page.items.map((post) =>
        el(
          'li',
          { class: 'latest-item' },
          el('a', { class: 'latest-title', href: post.url }, post.title),
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

/** What a page of web/ does on start: the site settings and the sidebar's latest posts. */
export function loadSiteChrome() {
  loadSite();
  loadLatestPosts();
}
