/**
 * How each kind of event looks: a colour for the waveform region and the list's marker, and the
 * label that always goes with it, so colour is never the only signal.
 */
import type { ReportEventType } from '../../report/report-types.ts';
import type { PlainUiTextKey } from '../i18n/ui-text.ts';

export interface EventStyle {
  /** Solid colour: the marker in the list and the label's edge. */
  color: string;
  /** The region's fill over the waveform (translucent, so the waveform shows through). */
  fill: string;
  label: PlainUiTextKey;
  /** The label for a count or a list of them. */
  plural: PlainUiTextKey;
}

/** Hues far enough apart to tell neighbours apart, dark enough for 3:1 against white. */
export const EVENT_STYLES: Readonly<Record<ReportEventType, EventStyle>> = {
  pause: { color: '#5b6b82', fill: 'rgba(91, 107, 130, 0.22)', label: 'event.pause', plural: 'events.pause' },
  silence: { color: '#1f66c1', fill: 'rgba(31, 102, 193, 0.22)', label: 'event.silence', plural: 'events.silence' },
  sigh: { color: '#7b3fb3', fill: 'rgba(123, 63, 179, 0.25)', label: 'event.sigh', plural: 'events.sigh' },
  overlap: { color: '#b35c00', fill: 'rgba(179, 92, 0, 0.25)', label: 'event.overlap', plural: 'events.overlap' },
  interruption: { color: '#c0262d', fill: 'rgba(192, 38, 45, 0.25)', label: 'event.interruption', plural: 'events.interruption' },
  backchannel: { color: '#207a48', fill: 'rgba(32, 122, 72, 0.25)', label: 'event.backchannel', plural: 'events.backchannel' },
  agitation: { color: '#ad1457', fill: 'rgba(173, 20, 87, 0.25)', label: 'event.agitation', plural: 'events.agitation' },
  'dead-air': { color: '#7a5c00', fill: 'rgba(122, 92, 0, 0.25)', label: 'event.deadAir', plural: 'events.deadAir' },
};

/** A style for event types newer than this app (the report may gain some): grey, labelled by type. */
export function eventStyle(type: string): EventStyle | null {
  return (EVENT_STYLES as Readonly<Record<string, EventStyle>>)[type] ?? null;
}

export const UNKNOWN_EVENT_COLOR = '#4d5666';
