// The HealthFunctions API as the scripts call it: its base address from config.js, and one GET
// that answers JSON or throws an ApiError saying why not (unreachable, not found, other status).

/** The API's base URL from config.js, without a trailing slash ('' = the same origin as the page). */
export const apiBase = String(window.HEALTHFUNCTIONS_API ?? '').replace(/\/+$/, '');

const TIMEOUT_MS = 15000;

/** Why a request to the API failed: 'unreachable', 'not-found' or 'http'. */
export class ApiError extends Error {
  constructor(kind, status = 0, detail = '') {
    super(detail || kind);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

/** GETs JSON from the API, giving up after 15 s. Follows redirects. */
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

/** The `detail` of a problem+json answer, or '' when there is none to read. */
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
