// Post page: one post by slug (?slug= or #slug). The body is the API's sanitised HTML, inserted
// as it is; everything else is set as text. Renamed posts redirect (301) to their new slug.
import {
  ApiError,
  SITE_TITLE,
  dateElement,
  el,
  formatDate,
  formatReadingTime,
  formatWords,
  getPost,
  loadSidebar,
  messageFor,
  postHref,
  tagList,
} from './blog.js';

const article = document.getElementById('post');
const title = document.getElementById('post-title');
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
  document.title = `Post not found | ${SITE_TITLE}`;
  title.textContent = 'Post not found';
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
  document.title = `Post unavailable | ${SITE_TITLE}`;
  title.textContent = 'This post could not be loaded';
  meta.replaceChildren();
  body.replaceChildren(messageFor(error, 'post'));
  after.replaceChildren();
}

function showPost(post) {
  document.title = `${post.title} | ${SITE_TITLE}`;
  if (post.description) {
    document.querySelector('meta[name="description"]')?.setAttribute('content', post.description);
  }

  title.textContent = post.title;
  const parts = [dateElement(post.published), ' · ', formatReadingTime(post.readingMinutes)];
  if (post.author) parts.push(' · By ', el('span', { class: 'author' }, post.author));
  meta.replaceChildren(...parts);
  if (post.updated && formatDate(post.updated) !== formatDate(post.published)) {
    meta.append(el('span', { class: 'updated' }, ' · Updated ', dateElement(post.updated)));
  }

  const figure = post.image
    ? el('figure', { class: 'post-image' }, el('img', { src: post.image, alt: post.imageAlt ?? '', loading: 'eager', decoding: 'async' }))
    : null;
  const content = el('div', { class: 'post-content' });
  // Sanitised by the API (HtmlSafetyPolicy); the page's Content-Security-Policy also forbids inline script.
  content.innerHTML = post.html;
  body.replaceChildren(...[figure, content].filter(Boolean));

  const extra = [el('p', { class: 'word-count' }, formatWords(post.wordCount))];
  if (post.reviewedBy) {
    extra.push(
      el(
        'p',
        { class: 'reviewed' },
        `Medically reviewed by ${post.reviewedBy}`,
        post.lastReviewed ? [' on ', dateElement(post.lastReviewed)] : null,
        '.',
      ),
    );
  }
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
loadSidebar();

// post.html#slug links between posts change only the hash: load the post they name.
window.addEventListener('hashchange', () => {
  if (!new URLSearchParams(window.location.search).has('slug')) window.location.reload();
});
