import { en } from "./en";

export type MessageKey = keyof typeof en;
export type Locale = "en-GB" | "cy-GB" | "fi-FI" | "nb-NO";
/** A catalogue for another language may leave keys out: English shows until they are translated. */
export type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<Locale, Catalogue> = { "en-GB": en, "cy-GB": {}, "fi-FI": {}, "nb-NO": {} };

export type MessageValues = Record<string, string | number>;

export type Translator = {
  locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
  /** Picks `key.one`, `key.other` … by the locale's plural rules, with `{count}` filled in. */
  plural(keyBase: string, count: number, values?: MessageValues): string;
  formatDate(date: Date, style?: "short" | "long" | "dateTime"): string;
  formatNumber(value: number): string;
};

const interpolate = (text: string, values: MessageValues = {}) =>
  text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    values[name] === undefined ? placeholder : String(values[name]),
  );

export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}

/** An audit action as people read it ("Granted emergency access"); an unlisted one as written. */
export function auditActionLabel(t: Translator, action: string): string {
  const key = `auditAction.${action}`;
  return isMessageKey(key) ? t.t(key) : action;
}

export function createTranslator(locale: Locale = "en-GB", timeZone = "Europe/London"): Translator {
  const catalogue = catalogues[locale];
  const lookup = (key: string): string =>
    (catalogue as Record<string, string>)[key] ?? (en as Record<string, string>)[key] ?? key;
  const pluralRules = new Intl.PluralRules(locale);
  const dateFormats = {
    short: new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone }),
    long: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }),
    dateTime: new Intl.DateTimeFormat(locale, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      // People read times to the minute (NHS.UK style: 9:30am or 09:30); seconds are noise.
      hourCycle: "h23",
      timeZone,
    }),
  };
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    t: (key, values) => interpolate(lookup(key), values),
    plural: (keyBase, count, values) =>
      interpolate(lookup(`${keyBase}.${pluralRules.select(count)}`) ?? lookup(`${keyBase}.other`), {
        count: numberFormat.format(count),
        ...values,
      }),
    formatDate: (date, style = "long") => dateFormats[style].format(date),
    formatNumber: (value) => numberFormat.format(value),
  };
}
