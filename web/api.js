// The JSON API (docs/HTTP_API.md) as the pages use it.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
  // An endpoint this server does not have (yet): 404 for the route, or 400 for a parameter.
  get unsupported() {
    return this.status === 404 || this.status === 400 || this.status === 405;
  }
}

// GET (or another method with a JSON body) -> {data, headers}; throws ApiError.
export async function api(path, options = {}) {
  const init = { method: options.method || 'GET', headers: { Accept: 'application/json' } };
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers['Content-Type'] = 'application/json';
  }
  if (options.token) init.headers.Authorization = `Bearer ${options.token}`;
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `the server did not answer (${e.message})`);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'bad_answer', `${path}: the answer is not JSON`);
    }
  }
  if (!response.ok) {
    const err = (data && data.error) || {};
    throw new ApiError(response.status, err.code || 'http_' + response.status,
      err.message || `${path}: HTTP ${response.status}`);
  }
  return { data, headers: response.headers };
}

// "/api/stories" + {sort: 'top', q: ''} -> "/api/stories?sort=top" (empty values left out).
export function withParams(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, v);
  }
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

export const enc = encodeURIComponent;
