// The only script the static pages load. Everything a reader needs is already in the HTML;
// this adds what must be live: a "More posts" button under a list that fetches the next page from
// GET /api/posts (continuing after the posts the page already shows). Without JavaScript the
// button never appears and older posts stay reachable through the date archives.
import { getJson } from './api.js';
import { dateElement, el, formatReadingTime, postCard } from './elements.js';

const PAGE = 10;

function card(post) {
  return postCard({
    title: post.title,
    url: post.url,
    meta: [dateElement(post.published), ' · ', formatReadingTime(post.readingMinutes)],
    excerpt: post.excerpt,
    after: post.tags?.length ? el('ul', { class: 'tags' }, post.tags.map((tag) => el('li', {}, tag))) : null,
  });
}

function query(filter, limit, cursor) {
  const params = new URLSearchParams(filter);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/posts?${params}`;
}

function enhance(list) {
  const shown = Number.parseInt(list.dataset.shown ?? '0', 10);
  if (!list.hasAttribute('data-more') || shown === 0) return;
  const filter = list.dataset.more;
  const button = el('button', { type: 'button', class: 'button more-posts' }, 'More posts');
  let cursor = null;
  let started = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      if (!started) {
        // Skip what the page already shows: one request for its cursor.
        cursor = (await getJson(query(filter, Math.min(50, shown), null))).cursor ?? null;
        started = true;
      }
      if (!cursor) {
        button.remove();
        return;
      }
      const page = await getJson(query(filter, PAGE, cursor));
      list.append(...page.items.map(card));
      cursor = page.cursor ?? null;
      if (!cursor) button.remove();
    } catch {
      button.textContent = 'Could not load more posts: try again';
    } finally {
      button.disabled = false;
    }
  });
  list.after(el('p', { class: 'pager' }, button));
}

for (const list of document.querySelectorAll('ol.post-list[data-more]')) enhance(list);
