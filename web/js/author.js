// Author page (?slug=): the profile from GET /api/authors/{slug} (name, credentials, avatar, bio,
// links) and the author's posts from GET /api/authors/{slug}/posts, a page at a time (?cursor=).
// The bio is the API's sanitised HTML, inserted as it is; everything else is set as text.
import {
  ApiError,
  authorHref,
  el,
  getAuthor,
  listAuthorPosts,
  loadChrome,
  loadListing,
  messageFor,
  setPageDescription,
  setPageTitle,
} from './blog.js';

const slug = (new URLSearchParams(window.location.search).get('slug') ?? '').trim();
const profile = document.getElementById('profile');
const avatar = document.getElementById('author-avatar');
const name = document.getElementById('author-name');
const credentials = document.getElementById('author-credentials');
const bio = document.getElementById('author-bio');
const links = document.getElementById('author-links');
const postsSection = document.getElementById('author-posts');
const postsHeading = document.getElementById('author-posts-heading');

function showNotFound() {
  setPageTitle('Author not found');
  name.textContent = 'Author not found';
  avatar.remove();
  credentials.remove();
  links.remove();
  bio.replaceChildren(
    el(
      'div',
      { class: 'notice notice-info', role: 'status' },
      el('p', { class: 'notice-title' }, slug ? `There is no author at “${slug}”.` : 'No author was named in the address.'),
      el('p', {}, 'The profile may have been renamed or removed. ', el('a', { href: '/' }, 'See the newest posts on the home page'), '.'),
    ),
  );
  postsSection.remove();
}

function showError(error) {
  setPageTitle('Author unavailable');
  name.textContent = 'This author could not be loaded';
  avatar.replaceChildren();
  credentials.textContent = '';
  bio.replaceChildren(messageFor(error, 'author'));
}

function showAuthor(author) {
  setPageTitle(author.credentials ? `${author.name}, ${author.credentials}` : author.name);
  const bioText = new DOMParser().parseFromString(author.bioHtml ?? '', 'text/html').body.textContent?.trim() ?? '';
  setPageDescription(bioText.length > 160 ? `${bioText.slice(0, 157).trimEnd()}…` : bioText || null);

  name.textContent = author.name;
  credentials.textContent = author.credentials ?? '';
  if (author.avatar) {
    avatar.replaceChildren(
      el('img', {
        src: author.avatar,
        alt: `Photo of ${author.name}`,
        width: author.avatarWidth ?? 120,
        height: author.avatarHeight ?? 120,
        loading: 'eager',
        decoding: 'async',
      }),
    );
  } else {
    avatar.replaceChildren(el('span', { class: 'avatar-initials', 'aria-hidden': 'true' }, initials(author.name)));
  }

  const content = el('div', { class: 'profile-bio-text' });
  // Sanitised by the API (HtmlSafetyPolicy); the page's Content-Security-Policy also forbids inline script.
  content.innerHTML = author.bioHtml ?? '';
  bio.replaceChildren(content);

  links.replaceChildren(
    ...(author.links ?? []).map((link) =>
      el('li', {}, link.url ? el('a', { href: link.url, rel: 'me noopener' }, link.title) : link.title),
    ),
  );
  if (links.childElementCount === 0) links.remove();
  postsHeading.textContent = `Posts by ${author.name}`;
}

function initials(fullName) {
  const words = fullName.replace(/^(dr|prof|mr|mrs|ms)\.?\s+/i, '').split(/\s+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?').slice(0, 2)).toUpperCase();
}

async function load() {
  if (!slug) {
    showNotFound();
    profile.removeAttribute('aria-busy');
    return;
  }

  // The profile and the first page of posts are asked for together.
  const posts = loadListing({
    list: document.getElementById('posts'),
    pager: document.getElementById('pager'),
    status: document.getElementById('listing-status'),
    emptyText: 'This author has no published posts yet.',
    pageUrl: (cursor) => `${authorHref(slug)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    fetchPage: (cursor) => listAuthorPosts(slug, { cursor }),
  });
  try {
    showAuthor(await getAuthor(slug));
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'not-found') showNotFound();
    else showError(error);
  } finally {
    profile.removeAttribute('aria-busy');
  }
  await posts;
}

load();
loadChrome();
