// Plain-Chinese (or English) explanations of API failures (see api/client.js for the kinds).
import { messages } from '../i18n/index.js';

// Whether a message key exists (asked before translating, so that vue-i18n does not warn).
function hasKey(key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), messages['zh-CN']) !== undefined;
}
export function describeError(error, t) {
  if (!error) return '';
  const kind = error.kind || 'server';
  // Some refusals have a message of their own (errors.codes.<code>).
  if (error.code && hasKey(`errors.codes.${error.code}`)) return t(`errors.codes.${error.code}`);
  if (kind === 'bad_input') {
    return t('errors.bad_input', { message: error.message || error.code || '' });
  }
  const key = `errors.${kind}`;
  if (!hasKey(key)) return error.message || t('errors.server');
  const text = t(key);
  // The server's own message adds the specifics (which field, which state) when there is one.
  if (error.message && (kind === 'conflict' || kind === 'forbidden') && error.message !== text) {
    return `${text}（${error.message}）`;
  }
  return text;
}

// Minutes to wait after a lock-out, when the server says (details.retry_after_seconds,
// details.retry_after, details.locked_seconds or details.locked_minutes).
export function lockWaitMinutes(details) {
  if (!details || typeof details !== 'object') return null;
  const seconds = details.retry_after_seconds ?? details.retry_after ?? details.locked_seconds;
  if (Number.isFinite(seconds) && seconds > 0) return Math.max(1, Math.ceil(seconds / 60));
  if (Number.isFinite(details.locked_minutes)) return details.locked_minutes;
  return null;
}

const LOCK_CODES = new Set(['too_many_attempts', 'locked', 'account_locked']);
// Failed-login locks last minutes; anything beyond a year is an administrator's lock.
const ADMIN_LOCK_MINUTES = 366 * 24 * 60;

// What the login page says when POST /session fails.
export function loginErrorText(error, t) {
  const kind = error?.kind;
  if (kind === 'too_many_attempts' || LOCK_CODES.has(error?.code)) {
    const minutes = lockWaitMinutes(error.details);
    // A lock set by the security administrator lasts until unlocked (the server gives the
    // wait up to year 9999): no point in telling someone to wait millions of minutes.
    if (minutes && minutes > ADMIN_LOCK_MINUTES) return t('login.lockedByAdmin');
    return minutes ? `${t('login.locked')}${t('login.lockedRetry', { minutes })}` : t('login.locked');
  }
  const reason = error?.details?.reason;
  if (kind === 'unauthenticated' && reason === 'totp_required') return t('login.totpRequired');
  if (kind === 'unauthenticated' && reason === 'bad_totp') return t('login.badTotp');
  if (kind === 'unauthenticated') return t('login.badCredentials');
  if (kind === 'not_available') return t('login.notAvailable');
  if (kind === 'network') return t('login.network');
  if (kind === 'bad_input' && /credential|password|login/.test(error.code || '')) {
    return t('login.badCredentials');
  }
  if (kind === 'bad_input') return t('login.failed', { message: error.message || error.code });
  return t('login.failed', { message: describeError(error, t) });
}
