/**
 * `t(locale, key, params)`: the one way to turn a message key into text. Placeholders are `{name}`;
 * their names are read from the English template at compile time, so a missing or misspelt
 * parameter is a type error. Numbers are formatted for the locale (Dutch writes 1,5).
 */
import { catalogues, type Locale, type MessageKey, type Messages } from './messages.ts';

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters of message `K`: one per placeholder in its English text. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<Messages[K]>]: number | string };

/** `[]` for messages without placeholders, `[params]` otherwise: `t('en', 'x')` needs no `{}`. */
export type ParamsArgument<K extends MessageKey> = [Placeholders<Messages[K]>] extends [never] ? [] : [MessageParams<K>];

/** A message and its parameters, kept unrendered so the text can be shown in any locale later. */
export interface Note {
  key: MessageKey;
  params: Readonly<Record<string, number | string>>;
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
};

export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsArgument<K>): string {
  return format(locale, key, params[0] ?? {});
}

/** Builds a Note with the same compile-time checks as `t`. */
export function note<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): Note {
  return { key, params: params[0] ?? {} };
}

export function renderNote(locale: Locale, message: Note): string {
  return format(locale, message.key, message.params);
}

/** The names of the placeholders in a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]);
}

function format(locale: Locale, key: MessageKey, params: Readonly<Record<string, number | string>>): string {
  const template: string = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormats[locale].format(value) : value;
  });
}
