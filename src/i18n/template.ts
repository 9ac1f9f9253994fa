/**
 * The one template syntax of every text catalogue (the coach's messages, the interface, the
 * practice view): `{name}` placeholders, whose names the types read from the template itself, so a
 * missing or misspelt parameter is a compile error. No DOM: the coach and the command line use it.
 */
import { LANGUAGE_TAGS, type Locale } from './messages.ts';

export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters of template `S`: one per placeholder. */
export type TemplateParams<S extends string, V = number | string> = { readonly [P in Placeholders<S>]: V };

/** `[]` for a template without placeholders, `[params]` otherwise: `t('en', 'x')` needs no `{}`. */
export type TemplateArgs<S extends string, V = number | string> = [Placeholders<S>] extends [never] ? [] : [TemplateParams<S, V>];

/** The keys of catalogue `T` whose texts have no placeholders: what a label lookup table may hold. */
export type PlainKeys<T extends Readonly<Record<string, string>>> = { [K in keyof T]: [Placeholders<T[K]>] extends [never] ? K : never }[keyof T];

/** A text and its parameters, kept unrendered so it can be shown in whatever locale is current later. */
export interface TextNote<K extends string> {
  key: K;
  params: Readonly<Record<string, number | string>>;
}

const decimals: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat(LANGUAGE_TAGS.en, { maximumFractionDigits: 1 }),
  nl: new Intl.NumberFormat(LANGUAGE_TAGS.nl, { maximumFractionDigits: 1 }),
};

/** A number with at most one decimal, as the locale writes it (Dutch: 5,5; 5). */
export function formatDecimal(locale: Locale, value: number): string {
  return decimals[locale].format(value);
}

/** `template` with its placeholders filled in (numbers by `formatDecimal`); an unknown name stays as written. */
export function fillTemplate(locale: Locale, template: string, params: Readonly<Record<string, number | string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatDecimal(locale, value) : value;
  });
}

/** The names of the placeholders in a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]);
}
