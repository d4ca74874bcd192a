import { describe, expect, it } from 'vitest';
import { isKnownCurrency, knownCurrencies, unknownCurrencyMessage } from './currencies.js';

describe('currency codes', () => {
  it('knows the ISO 4217 codes people are paid in', () => {
    for (const code of ['USD', 'EUR', 'GBP', 'JPY', 'INR', 'BRL', 'CHF', 'AUD'])
      expect(isKnownCurrency(code)).toBe(true);
    expect(knownCurrencies().length).toBeGreaterThan(150);
  });

  it('rejects typos, lower case and non-currencies', () => {
    for (const code of ['USS', 'usd', 'EURO', 'XAU', 'ABC']) expect(isKnownCurrency(code)).toBe(false);
  });

  it('explains what is wrong', () => {
    expect(unknownCurrencyMessage('usd')).toBe('Currency codes are written in capitals: USD, not usd');
    expect(unknownCurrencyMessage('EURO')).toBe(
      'EURO is not a currency code: use a three-letter ISO 4217 code such as USD or EUR',
    );
    expect(unknownCurrencyMessage('USS')).toBe(
      'USS is not a known currency code (ISO 4217), such as USD or EUR',
    );
  });
});
