// Messages in place of content: what went wrong in words a reader understands, and what to do.
import { ApiError } from './api.js';
import { el } from './elements.js';

export function notice(kind, title, text, retry = false) {
  return el(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    el('p', { class: 'notice-title' }, title),
    el('p', {}, text),
    retry ? el('button', { type: 'button', class: 'button', 'data-retry': true }, 'Try again') : null,
  );
}

/** The message for a failed API call; `what` names what could not be loaded ("search results"). */
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

// "Try again" buttons reload the page: a page that shows them loads all it needs on start.
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-retry]')) {
    window.location.reload();
  }
});
