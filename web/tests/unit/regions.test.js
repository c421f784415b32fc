import { describe, it, expect, vi, afterEach } from 'vitest';
import { regionName, clearRegionCache } from '../../src/api/regions.js';

const village = {
  code: '520521100201',
  name: '某村',
  path: [
    { code: '52', name: '贵州省' },
    { code: '5205', name: '毕节市' },
    { code: '520521', name: '大方县' },
    { code: '520521100', name: '大方镇' },
    { code: '520521100201', name: '某村' },
  ],
};

describe('region names', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearRegionCache();
  });

  it('looks a code up once and shortens the path for a table cell', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(village), { status: 200 })));
    vi.stubGlobal('fetch', fetchMock);
    const [a, b] = await Promise.all([regionName('520521100201'), regionName('520521100201')]);
    expect(a).toEqual({ short: '大方镇 / 某村', full: '贵州省 / 毕节市 / 大方县 / 大方镇 / 某村' });
    expect(b).toBe(a);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/regions/520521100201');
  });

  it('gives null for unknown codes and never asks for non-codes', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ error: { code: 'not_found' } }), { status: 404 })));
    vi.stubGlobal('fetch', fetchMock);
    expect(await regionName('999999')).toBeNull();
    expect(await regionName('../etc')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
