/**
 * `t(locale, key, params)`: the one way to turn a coach message key into text. Placeholders are
 * `{name}` (see template.ts); their names are read from the English text at compile time, so a
 * missing or misspelt parameter is a type error. Numbers are formatted for the locale (Dutch
 * writes 1,5).
 */
import { catalogues, type Locale, type MessageKey, type Messages } from './messages.ts';
import { fillTemplate, placeholdersOf, type TemplateArgs, type TemplateParams, type TextNote } from './template.ts';
import type { MessageRef } from '../report/report-types.ts';

export { placeholdersOf };

/** The parameters of message `K`: one per placeholder in its English text. */
export type MessageParams<K extends MessageKey> = TemplateParams<Messages[K]>;

/** `[]` for messages without placeholders, `[params]` otherwise. */
export type ParamsArgument<K extends MessageKey> = TemplateArgs<Messages[K]>;

/** A message and its parameters, kept unrendered so the text can be shown in any locale later. */
export type Note = TextNote<MessageKey>;

export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsArgument<K>): string {
  return fillTemplate(locale, catalogues[locale][key], params[0] ?? {});
}

/** Builds a Note with the same compile-time checks as `t`. */
export function note<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): Note {
  return { key, params: params[0] ?? {} };
}

export function renderNote(locale: Locale, message: Note): string {
  return fillTemplate(locale, catalogues[locale][message.key], message.params);
}

/**
 * A message kept in a report (key and parameters) in `locale`, or null when this version does not
 * know its key (a report from a newer one): then the report's own text stands.
 */
export function renderMessage(locale: Locale, message: MessageRef): string | null {
  if (!Object.hasOwn(catalogues[locale], message.key)) return null;
  const template: string = catalogues[locale][message.key as MessageKey];
  // A key whose placeholders changed since the report was made: its own text says it better.
  if (!placeholdersOf(template).every((name) => message.params[name] !== undefined)) return null;
  return fillTemplate(locale, template, message.params);
}

/**
 * A report's texts (an event's reasons, say) in `locale`: from their messages when it kept them
 * and this version knows every one, else as the report wrote them.
 */
export function reportTexts(locale: Locale, texts: readonly string[] = [], messages?: readonly MessageRef[]): string[] {
  if (!messages || messages.length !== texts.length) return [...texts];
  const rendered = messages.map((message) => renderMessage(locale, message));
  return rendered.every((text) => text !== null) ? (rendered as string[]) : [...texts];
}
