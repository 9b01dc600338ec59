// Search page: the results of GET /api/search for ?q= (and &cursor=), best first. Every page's
// search box is a plain GET form that lands on this page, which the site writes from the theme's
// search template (header, About Me and Latest Posts are in its HTML); this script adds the results.
import { getJson } from './api.js';
import { dateElement, el, postCard } from './elements.js';
import { messageFor, notice } from './notices.js';

const params = new URLSearchParams(window.location.search);
const query = (params.get('q') ?? '').trim();
const cursor = params.get('cursor');
const input = document.getElementById('search-q');
const heading = document.getElementById('search-heading');
const results = document.getElementById('results');
const status = document.getElementById('search-status');
const pager = document.getElementById('pager');
const siteTitle = heading.closest('[data-site-title]')?.dataset.siteTitle ?? '';

/**
 * A snippet as nodes. The API escapes the text and adds only <mark>…</mark>; it is still built
 * from text nodes here, so nothing else in it could ever become markup.
 */
export function snippetNodes(snippet) {
  const nodes = [];
  const parts = String(snippet).split(/<mark>(.*?)<\/mark>/s);
  parts.forEach((part, i) => {
    const text = new DOMParser().parseFromString(`<!doctype html><body>${part}`, 'text/html').body.textContent ?? '';
    nodes.push(i % 2 === 1 ? el('mark', {}, text) : text);
  });
  return nodes;
}

function result(item) {
  return postCard({
    title: item.title,
    url: item.url,
    meta: dateElement(item.published),
    excerpt: snippetNodes(item.snippet),
    headingLevel: 2,
    excerptClass: 'excerpt snippet',
  });
}

async function search() {
  input.value = query;
  if (!query) {
    status.replaceChildren(notice('info', 'Search the articles', 'Type a word or a "quoted phrase" and press Search.'));
    return;
  }

  heading.textContent = `Results for “${query}”`;
  document.title = siteTitle ? `Search: ${query} | ${siteTitle}` : `Search: ${query}`;
  results.setAttribute('aria-busy', 'true');
  try {
    const search = new URLSearchParams({ q: query, limit: '10' });
    if (cursor) search.set('cursor', cursor);
    const page = await getJson(`/api/search?${search}`);
    results.replaceChildren(...page.items.map(result));
    status.replaceChildren(page.items.length ? '' : notice('info', 'No posts found', `No published post matches “${query}”.`));
    pager.replaceChildren(
      page.cursor ? el('a', { class: 'button', rel: 'next', href: `${window.location.pathname}?${new URLSearchParams({ q: query, cursor: page.cursor })}` }, 'More results →') : '',
    );
  } catch (error) {
    results.replaceChildren();
    // A 400 names what is wrong with the words (too long, only stop words): say it as it is.
    status.replaceChildren(
      error.status === 400 && error.detail ? notice('info', 'Try other words', error.detail) : messageFor(error, 'search results'),
    );
  } finally {
    results.removeAttribute('aria-busy');
  }
}

search();
