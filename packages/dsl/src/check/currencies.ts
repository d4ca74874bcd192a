/**
 * Currency codes the language accepts: the active ISO 4217 codes of national currencies (funds,
 * precious metals and test codes are left out, since nobody is paid in them). A code outside this
 * list is reported as AT3011, which catches typos such as `USS` before anything runs.
 */

const ISO_4217 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN ' +
  'BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW ' +
  'KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD ' +
  'NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD ' +
  'SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES ' +
  'VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG';

const known: ReadonlySet<string> = new Set(ISO_4217.split(' '));

/** True when `code` is a currency code the language accepts. */
export function isKnownCurrency(code: string): boolean {
  return known.has(code);
}

/** Every accepted currency code, sorted (for completion). */
export function knownCurrencies(): readonly string[] {
  return [...known];
}

/** The message for an unknown currency code, written for a comp admin. */
export function unknownCurrencyMessage(code: string): string {
  const upper = code.toUpperCase();
  if (upper !== code && known.has(upper))
    return `Currency codes are written in capitals: ${upper}, not ${code}`;
  if (!/^[A-Z]{3}$/.test(code)) {
    return `${code} is not a currency code: use a three-letter ISO 4217 code such as USD or EUR`;
  }
  return `${code} is not a known currency code (ISO 4217), such as USD or EUR`;
}
