import { describe, it, expect } from 'vitest';
import { formatFen, formatYuan, displayValue, formatDateTime } from '../../src/utils/format.js';
import { resolveColumns } from '../../src/config/collections.js';
import { loginErrorText, lockWaitMinutes } from '../../src/utils/errors.js';
import { ApiError } from '../../src/api/client.js';
import zhCN from '../../src/i18n/zh-CN.js';

// A minimal t/te over the Chinese messages.
function lookup(key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), zhCN);
}
const te = (key) => typeof lookup(key) === 'string';
const t = (key, params = {}) => (te(key) ? lookup(key).replace(/\{(\w+)\}/g, (_, n) => params[n]) : key);

describe('format', () => {
  it('formats money', () => {
    expect(formatFen(123400)).toBe('1,234.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-150)).toBe('-1.50');
    expect(formatYuan('1,234.5')).toBe('1,234.50');
    expect(formatFen(null)).toBe('');
  });

  it('shows values in the UI language and masked values as they are', () => {
    expect(displayValue('amount_fen', 120000, { t, te })).toBe('1,200.00');
    expect(displayValue('severity', 'high', { t, te })).toBe('高');
    expect(displayValue('status', 'poor', { t, te, collection: 'households' })).toBe('贫困户');
    expect(displayValue('category', 'industry', { t, te })).toBe('产业发展');
    expect(displayValue('head_id_number', '520521********1234', { t, te })).toBe('520521********1234');
    expect(displayValue('exit_year', null, { t, te })).toBe('—');
    expect(formatDateTime('2021-12-31T08:30:00Z')).toBe('2021-12-31 08:30');
  });

  it('keeps configured columns the data has, or falls back to the data', () => {
    const configured = [{ field: 'payment_id' }, { field: 'amount_fen', alt: 'amount' }, { field: 'missing' }];
    expect(resolveColumns(configured, [{ payment_id: 'P1', amount: '12.00' }]).map((c) => c.field)).toEqual(['payment_id', 'amount']);
    expect(resolveColumns(configured, [{ a: 1, b: 2 }]).map((c) => c.field)).toEqual(['a', 'b']);
    expect(resolveColumns(configured, []).length).toBe(3);
  });

  it('explains login failures', () => {
    expect(loginErrorText(new ApiError({ status: 401, kind: 'unauthenticated' }), t)).toBe(zhCN.login.badCredentials);
    const locked = new ApiError({ status: 429, kind: 'too_many_attempts', code: 'too_many_attempts', details: { retry_after_seconds: 900 } });
    expect(loginErrorText(locked, t)).toContain('已暂时锁定');
    expect(loginErrorText(locked, t)).toContain('15 分钟');
    expect(loginErrorText(new ApiError({ status: 404, kind: 'not_available' }), t)).toBe(zhCN.login.notAvailable);
    expect(lockWaitMinutes({ locked_minutes: 30 })).toBe(30);
    expect(lockWaitMinutes(null)).toBeNull();
  });
});
