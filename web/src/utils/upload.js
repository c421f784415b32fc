// Uploads with progress (XMLHttpRequest: fetch reports no upload progress) and files as
// base64 for the JSON of public reports.
import { API_BASE, ApiError, classifyError, getCsrfToken } from '../api/client.js';

// POSTs `body` (a File/Blob) to /api/v1<path> with its type; calls onProgress(percent 0–100)
// as the browser sends it. Resolves with the parsed JSON answer; rejects with an ApiError
// whose details carry the server's (e.g. the import's error rows).
export function uploadWithProgress(path, body, { contentType, query, onProgress, xhrFactory } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = xhrFactory ? xhrFactory() : new XMLHttpRequest();
    const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '' && v != null)).toString() : '';
    xhr.open('POST', `${API_BASE}${path}${search ? `?${search}` : ''}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    if (xhr.upload && onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
      };
    }
    xhr.onerror = () => reject(new ApiError({ status: 0, kind: 'network', path, message: 'network error' }));
    xhr.onload = () => {
      let data = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (onProgress) onProgress(100);
        resolve(data);
        return;
      }
      const err = data && data.error ? data.error : {};
      reject(
        new ApiError({
          status: xhr.status,
          code: err.code || '',
          message: err.message || '',
          details: err.details ?? null,
          kind: classifyError(xhr.status, err.code || '', Boolean(data && data.error)),
          path,
        }),
      );
    };
    xhr.send(body);
  });
}

// A File as base64 (no "data:" prefix).
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const text = String(reader.result || '');
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

// Checks attachments before sending: [] when fine, else [{key, params}] for the messages.
export function checkAttachments(files) {
  const problems = [];
  if (files.length > MAX_ATTACHMENTS) problems.push({ key: 'portal.report.tooMany', params: {} });
  for (const f of files) {
    if (f.size > MAX_ATTACHMENT_BYTES) problems.push({ key: 'portal.report.tooLarge', params: { name: f.name } });
  }
  return problems;
}
