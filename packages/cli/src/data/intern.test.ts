import { describe, expect, it } from 'vitest';
import { ColumnTexts } from './intern.js';

describe('ColumnTexts', () => {
  it('gives one string for equal texts and keeps every text as it is', () => {
    const texts = new ColumnTexts();
    const a = texts.get(['Closed', 'Won'].join(' '));
    const b = texts.get(['Closed', 'Won'].join(' '));
    expect(b).toBe('Closed Won');
    expect(a).toBe(b);
    expect(texts.get('Lost')).toBe('Lost');
    // Two distinct texts remembered: the second "Closed Won" was found, not added.
    expect(texts.size).toBe(2);
  });

  it('keeps reading a column of distinct texts after it stops remembering them', () => {
    const texts = new ColumnTexts();
    for (let i = 0; i < 50_000; i++) expect(texts.get(`D${i}`)).toBe(`D${i}`);
    expect(texts.size).toBe(0);
  });
});
