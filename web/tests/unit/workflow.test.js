import { describe, it, expect, vi } from 'vitest';
import { createAppI18n } from '../../src/i18n/index.js';
import { stateLabel, codeLabel, transitionErrorText, isOverdue, exportUrl, eventText } from '../../src/utils/workflow.js';
import { uploadWithProgress, checkAttachments, MAX_ATTACHMENT_BYTES } from '../../src/utils/upload.js';
import { displayValue } from '../../src/utils/format.js';
import { ApiError, setCsrfToken } from '../../src/api/client.js';

const { t, te } = createAppI18n('zh-CN').global;
const zh = { t, te };
const english = (() => {
  const g = createAppI18n('en').global;
  return { t: g.t, te: g.te };
})();

describe('workflow labels', () => {
  it('names every state of every machine in Chinese and English', () => {
    expect(stateLabel('warning', 'explanation_requested', zh)).toBe('已要求说明');
    expect(stateLabel('clue', 'transferred', zh)).toBe('已移送');
    expect(stateLabel('transfer', 'acknowledged', zh)).toBe('已签收');
    expect(stateLabel('task', 'submitted', zh)).toBe('申请销号');
    expect(stateLabel('report', 'received', zh)).toBe('已收到');
    expect(stateLabel('transfer', 'acknowledged', english)).toBe('Acknowledged');
  });

  it('falls back to the server label, then to the raw value, never to nothing', () => {
    expect(stateLabel('warning', 'frozen', zh, '冻结')).toBe('冻结');
    expect(stateLabel('warning', 'frozen', zh)).toBe('frozen');
    expect(stateLabel('warning', '', zh)).toBe('—');
    expect(codeLabel('channel', 'petition', zh)).toBe('信访举报');
    expect(codeLabel('disposal', 'talk_inquiry', zh)).toBe('谈话函询');
  });

  it('shows household status and evidence tables in words, not codes', () => {
    expect(displayValue('status', 'poor', { t, te, collection: 'households' })).toBe('贫困户');
    expect(displayValue('table', 'payments', { t, te, collection: 'warnings' })).toBe('资金支付');
    expect(displayValue('state', 'clue', { t, te, collection: 'warnings' })).toBe('线索移交');
  });
});

describe('transitionErrorText', () => {
  it('explains a 409 with the current state and the possible next ones', () => {
    const error = new ApiError({ status: 409, code: 'wrong_state', kind: 'conflict', details: { state: 'dismissed', allowed: [] } });
    expect(transitionErrorText(error, 'warning', zh)).toBe('当前状态为“已排除”，已是最终状态，不能再变更。');
    const open = new ApiError({ status: 409, code: 'wrong_state', kind: 'conflict', details: { state: 'explained', allowed: ['dismissed', 'clue'] } });
    expect(transitionErrorText(open, 'warning', zh)).toBe('当前状态为“已说明”，不能进行这项操作；现在可以：已排除、线索移交。');
  });

  it('leaves other failures to the fallback', () => {
    const error = new ApiError({ status: 403, code: 'outside_jurisdiction', kind: 'forbidden', message: '超出管辖范围' });
    expect(transitionErrorText(error, 'warning', zh, (e) => `X:${e.code}`)).toBe('X:outside_jurisdiction');
  });
});

describe('deadlines, export and history', () => {
  it('marks an open task past its deadline as overdue, a closed one never', () => {
    const today = new Date(2026, 10, 22);
    expect(isOverdue('2026-11-21', 'in_progress', today)).toBe(true);
    expect(isOverdue('2026-11-22', 'in_progress', today)).toBe(false);
    expect(isOverdue('2026-11-01', 'closed', today)).toBe(false);
    expect(isOverdue('', 'assigned', today)).toBe(false);
  });

  it('builds the Excel link from the list query without paging', () => {
    expect(exportUrl('warnings', { rule: 'A01', state: '', page: 3, page_size: 20, sort: 'amount', order: 'desc' })).toBe(
      '/api/v1/warnings?rule=A01&sort=amount&order=desc&format=xlsx',
    );
  });

  it('writes an event as a move between labelled states', () => {
    expect(eventText({ from_state: 'new', to_state: 'clue' }, 'warning', zh)).toBe('由“新预警”转为“线索移交”');
    expect(eventText({ from_state: '', to_state: 'registered' }, 'clue', zh)).toBe('创建为“已登记”');
  });
});

// A stand-in XMLHttpRequest that reports upload progress and answers with `answer`.
function fakeXhr(answer) {
  const xhr = {
    headers: {},
    upload: {},
    open: vi.fn((method, url) => Object.assign(xhr, { method, url })),
    setRequestHeader: (k, v) => (xhr.headers[k] = v),
    send: vi.fn((body) => {
      xhr.sent = body;
      xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
      xhr.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 });
      xhr.status = answer.status;
      xhr.responseText = JSON.stringify(answer.body);
      xhr.onload();
    }),
  };
  return xhr;
}

describe('uploadWithProgress', () => {
  it('sends the file with its type and the CSRF token and reports progress', async () => {
    setCsrfToken('tok');
    const xhr = fakeXhr({ status: 201, body: { batch_id: 7 } });
    const seen = [];
    const result = await uploadWithProgress('/imports', 'BYTES', {
      contentType: 'application/zip',
      query: { name: 'a.zip', encoding: '' },
      onProgress: (p) => seen.push(p),
      xhrFactory: () => xhr,
    });
    expect(result).toEqual({ batch_id: 7 });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/imports?name=a.zip');
    expect(xhr.headers['Content-Type']).toBe('application/zip');
    expect(xhr.headers['X-CSRF-Token']).toBe('tok');
    expect(xhr.sent).toBe('BYTES');
    expect(seen).toEqual([25, 100, 100]);
    setCsrfToken('');
  });

  it('rejects with the server error and its details (the import error rows)', async () => {
    const rows = [{ file: 'payments.csv', row: 3, column: 'amount', code: 'bad_amount', reason: '金额无效' }];
    const xhr = fakeXhr({ status: 422, body: { error: { code: 'dataset_rejected', message: '导入被拒绝', details: { total: 1, errors: rows } } } });
    const error = await uploadWithProgress('/imports', 'X', { xhrFactory: () => xhr }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('dataset_rejected');
    expect(error.details.errors).toEqual(rows);
  });
});

describe('checkAttachments', () => {
  it('refuses more than five files and files over 2 MB', () => {
    const small = { name: 'a.jpg', size: 10 };
    expect(checkAttachments([small])).toEqual([]);
    expect(checkAttachments(Array(6).fill(small)).map((p) => p.key)).toEqual(['portal.report.tooMany']);
    expect(checkAttachments([{ name: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1 }])).toEqual([
      { key: 'portal.report.tooLarge', params: { name: 'big.pdf' } },
    ]);
  });
});
