// Home page: the newest posts, a page at a time (?cursor= from the API), the site settings and the sidebar.
import { loadChrome, loadListing } from './blog.js';

loadListing({
  list: document.getElementById('posts'),
  pager: document.getElementById('pager'),
  status: document.getElementById('listing-status'),
  emptyText: 'No posts have been published yet.',
  pageUrl: (cursor) => (cursor ? `/?cursor=${encodeURIComponent(cursor)}` : '/'),
});
loadChrome();
