// Tag page: the posts with one tag (?tag=), newest first, a page at a time.
import { loadChrome, loadListing, notice, setPageTitle } from './blog.js';

const tag = (new URLSearchParams(window.location.search).get('tag') ?? '').trim();
const heading = document.getElementById('tag-heading');
const list = document.getElementById('posts');
const status = document.getElementById('listing-status');

if (!tag) {
  heading.textContent = 'No tag chosen';
  list.replaceChildren();
  list.removeAttribute('aria-busy');
  status.replaceChildren(notice('info', 'Pick a tag', 'Follow a tag under any post to see every post with that tag.'));
} else {
  heading.textContent = `Posts tagged “${tag}”`;
  setPageTitle(`Posts tagged “${tag}”`);
  loadListing({
    list,
    pager: document.getElementById('pager'),
    status,
    tag,
    headingLevel: 2,
    emptyText: `No published posts are tagged “${tag}”.`,
    pageUrl: (cursor) => `/tag.html?tag=${encodeURIComponent(tag)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  });
}
loadChrome();
