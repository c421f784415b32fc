// Region names for codes the lists carry (region_code, village_code): GET /regions/{code},
// cached for the page's life, one request per code however many rows show it.
import { api } from './client.js';

const cache = new Map();

// {short, full}: short is what fits a table cell ("大方县" for a county, "大水乡 / 大水村" for a
// village: the last two levels), full the whole path for the tooltip; null when the code is
// unknown or the lookup fails (the caller then shows the code).
export function regionName(code) {
  const key = String(code || '');
  if (!/^\d{2,12}$/.test(key)) return Promise.resolve(null);
  if (!cache.has(key)) {
    cache.set(
      key,
      api.get(`/regions/${key}`).then(
        (region) => {
          const path = Array.isArray(region?.path) ? region.path.map((r) => r.name) : [];
          if (path.length === 0) return region?.name ? { short: region.name, full: region.name } : null;
          const short = path.length >= 4 ? path.slice(-2).join(' / ') : path.slice(-2).join('');
          return { short, full: path.join(' / ') };
        },
        () => null,
      ),
    );
  }
  return cache.get(key);
}

export function clearRegionCache() {
  cache.clear();
}
