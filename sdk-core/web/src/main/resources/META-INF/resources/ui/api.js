// Calls the Bürgerbüro REST API with the browser session. Errors arrive as RFC 9457
// application/problem+json and are thrown as ApiError with the stable code (BB-nnnn).
import {lang} from './i18n.js';

let csrfToken = null;

export function setCsrfToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.code = problem.code;
  }
}

function headers(extra = {}) {
  const h = {'Accept': 'application/json', 'Accept-Language': lang(), 'X-Requested-With': 'fetch',
    ...extra};
  if (csrfToken) h['X-CSRF-Token'] = csrfToken;
  return h;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (e) { /* fall through to a generic problem */ }
  }
  return {status: response.status, title: response.statusText || `HTTP ${response.status}`};
}

/** GET/POST/DELETE with an optional JSON body; returns the parsed JSON (or null for 204). */
export async function api(path, {method = 'GET', body} = {}) {
  const init = {method, headers: headers(), credentials: 'same-origin'};
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (e) {
    throw new ApiError(0, {code: 'network', title: 'network'});
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.status === 204 ? null : response.json();
}

/** POSTs JSON and returns the answer as a Blob (a PDF preview); errors as in api(). */
export async function apiBlob(path, body) {
  const init = {method: 'POST', headers: headers({'Accept': 'application/pdf, application/problem+json',
    'Content-Type': 'application/json'}), credentials: 'same-origin', body: JSON.stringify(body)};
  let response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (e) {
    throw new ApiError(0, {code: 'network', title: 'network'});
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.blob();
}

/** POSTs multipart form data with upload progress (XMLHttpRequest, as fetch has none). */
export function upload(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    });
    xhr.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json);
      else reject(new ApiError(xhr.status, json || {status: xhr.status, title: `HTTP ${xhr.status}`}));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, {code: 'network', title: 'network'})));
    xhr.send(formData);
  });
}
