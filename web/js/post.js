// Post page: one post by slug (?slug= or #slug). The body is the API's sanitised HTML, inserted
// as it is; everything else is set as text. Renamed posts redirect (301) to their new slug.
import {
  ApiError,
  byline,
  dateElement,
  el,
  formatDate,
  formatReadingTime,
  formatWords,
  getPost,
  loadChrome,
  messageFor,
  postHref,
  setPageDescription,
  setPageTitle,
  tagList,
} from './blog.js';

const article = document.getElementById('post');
const title = document.getElementById('post-title');
const bylineSlot = document.getElementById('post-byline');
const meta = document.getElementById('post-meta');
const body = document.getElementById('post-body');
const after = document.getElementById('post-after');

function requestedSlug() {
  const query = new URLSearchParams(window.location.search).get('slug');
  if (query) return query.trim();
  try {
    return decodeURIComponent(window.location.hash.slice(1)).trim();
  } catch {
    return '';
  }
}

function showNotFound(slug) {
  setPageTitle('Post not found');
  title.textContent = 'Post not found';
  bylineSlot.replaceChildren();
  meta.replaceChildren();
  body.replaceChildren(
    el(
      'div',
      { class: 'notice notice-info', role: 'status' },
      el('p', { class: 'notice-title' }, slug ? `There is no post at “${slug}”.` : 'No post was named in the address.'),
      el('p', {}, 'It may have been renamed or taken down. ', el('a', { href: '/' }, 'See the newest posts on the home page'), '.'),
    ),
  );
  after.replaceChildren();
}

function showError(error) {
  setPageTitle('Post unavailable');
  title.textContent = 'This post could not be loaded';
  bylineSlot.replaceChildren();
  meta.replaceChildren();
  body.replaceChildren(messageFor(error, 'post'));
  after.replaceChildren();
}

function showPost(post) {
  setPageTitle(post.title);
  setPageDescription(post.description);

  title.textContent = post.title;
  bylineSlot.replaceChildren(byline(post) ?? '');
  meta.replaceChildren(dateElement(post.published), ' · ', formatReadingTime(post.readingMinutes));
  if (post.updated && formatDate(post.updated) !== formatDate(post.published)) {
    meta.append(el('span', { class: 'updated' }, ' · Updated ', dateElement(post.updated)));
  }

  // The cover's width and height (from the API) reserve its box before it loads, so the text below never moves.
  const sized = post.imageWidth > 0 && post.imageHeight > 0;
  const figure = post.image
    ? el(
        'figure',
        { class: sized ? 'post-image' : 'post-image unsized' },
        el('img', {
          src: post.image,
          alt: post.imageAlt ?? '',
          width: sized ? post.imageWidth : null,
          height: sized ? post.imageHeight : null,
          loading: 'eager',
          fetchpriority: 'high',
          decoding: 'async',
        }),
      )
    : null;
  const content = el('div', { class: 'post-content' });
  // Sanitised by the API (HtmlSafetyPolicy); the page's Content-Security-Policy also forbids inline script.
  content.innerHTML = post.html;
  body.replaceChildren(...[figure, content].filter(Boolean));

  const extra = [el('p', { class: 'word-count' }, formatWords(post.wordCount))];
  const tags = tagList(post.tags);
  if (tags) extra.push(el('div', { class: 'post-tags' }, el('h2', { class: 'small-heading' }, 'Tags'), tags));
  if (post.references?.length) {
    extra.push(
      el(
        'section',
        { class: 'references', 'aria-labelledby': 'references-heading' },
        el('h2', { id: 'references-heading', class: 'small-heading' }, 'References'),
        el('ol', {}, post.references.map((ref) => el('li', {}, ref.url ? el('a', { href: ref.url, rel: 'nofollow noopener' }, ref.title) : ref.title))),
      ),
    );
  }
  if (post.related?.length) {
    extra.push(
      el(
        'nav',
        { class: 'related', 'aria-labelledby': 'related-heading' },
        el('h2', { id: 'related-heading', class: 'small-heading' }, 'Related posts'),
        el('ul', {}, post.related.map((item) => el('li', {}, el('a', { href: postHref(item.slug) }, item.title)))),
      ),
    );
  }
  after.replaceChildren(...extra);

  if (post.jsonLd) {
    const data = el('script', { type: 'application/ld+json' });
    data.textContent = JSON.stringify(post.jsonLd);
    document.head.append(data);
  }
}

async function load() {
  const slug = requestedSlug();
  try {
    if (!slug) {
      showNotFound('');
      return;
    }
    const post = await getPost(slug);
    if (post.slug !== slug) {
      // The post was renamed: the API redirected us; show its current address.
      window.history.replaceState(null, '', postHref(post.slug));
    }
    showPost(post);
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not-found') showNotFound(slug);
    else showError(error);
  } finally {
    article.removeAttribute('aria-busy');
  }
}

load();
loadChrome();

// post.html#slug links between posts change only the hash: load the post they name.
window.addEventListener('hashchange', () => {
  if (!new URLSearchParams(window.location.search).has('slug')) window.location.reload();
});
