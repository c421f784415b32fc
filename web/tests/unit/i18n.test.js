import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';
import { RULES } from '../../src/config/rules.js';
import { PLACEHOLDERS } from '../../src/router/index.js';
import { COLLECTIONS } from '../../src/config/collections.js';

function keys(messages, prefix = '') {
  return Object.entries(messages).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
function lookup(messages, key) {
  return key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), messages);
}

describe('i18n', () => {
  it('has the same keys in Chinese and English', () => {
    const zh = keys(zhCN).sort();
    const english = keys(en).sort();
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('has no empty message', () => {
    for (const messages of [zhCN, en]) {
      for (const key of keys(messages)) expect(lookup(messages, key), key).toMatch(/\S/);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys(zhCN)) {
      const names = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(lookup(en, key)), key).toEqual(names(lookup(zhCN, key)));
    }
  });

  it('translates every key the source files use', () => {
    const srcDir = path.resolve(__dirname, '../../src');
    const files = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(vue|js)$/.test(name) && !full.includes(`${path.sep}i18n${path.sep}`)) files.push(full);
      }
    };
    walk(srcDir);
    const used = new Set();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/title: '([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
    }
    for (const [, title, group] of PLACEHOLDERS) {
      used.add(title);
      if (group) used.add(group);
    }
    for (const c of Object.values(COLLECTIONS)) used.add(c.title);
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => lookup(zhCN, key) === undefined || lookup(en, key) === undefined);
    expect(missing).toEqual([]);
  });

  it('names every rule in both languages', () => {
    for (const [code, rule] of Object.entries(RULES)) {
      expect(rule.zh, code).toMatch(/\S/);
      expect(rule.en, code).toMatch(/\S/);
      expect(rule.explainZh, code).toMatch(/\S/);
      expect(rule.explainEn, code).toMatch(/\S/);
    }
  });
});
