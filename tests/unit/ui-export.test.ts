/** Export formats: the events CSV (RFC 4180, spreadsheet-safe) and file names. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report-types.ts';
import { csvField, eventsCsv } from '../../src/ui/export/report-csv.ts';
import { exportFileName } from '../../src/ui/export/export-files.ts';
import { safeFileStem } from '../../src/ui/shared/download.ts';

describe('events CSV', () => {
  it('writes a header and one CRLF-terminated row per event', () => {
    const report: Report = {
      schema: 'luister-report/1',
      durationSec: 10,
      sampleRate: 8000,
      speakers: {},
      events: [
        { type: 'pause', speaker: 'agent', start: 1.25, end: 1.6 },
        { type: 'sigh', speaker: 'customer', start: 4, end: 4.9, confidence: 0.82, reasons: ['0.9 s breathy, fading 8 dB', 'with "voiced" onset'] },
        { type: 'dead-air', start: 7, end: 10 },
      ],
    };
    expect(eventsCsv(report)).toBe(
      'type,speaker,start,end,confidence,reasons\r\n' +
        'pause,agent,1.25,1.6,,\r\n' +
        'sigh,customer,4,4.9,0.82,"0.9 s breathy, fading 8 dB; with ""voiced"" onset"\r\n' +
        'dead-air,,7,10,,\r\n',
    );
  });

  it("writes the reasons in the interface's language where the report kept them as messages", () => {
    const report: Report = {
      schema: 'luister-report/1',
      durationSec: 10,
      sampleRate: 8000,
      speakers: {},
      events: [
        {
          type: 'pause',
          speaker: 'agent',
          start: 1,
          end: 1.4,
          reasons: ['een pauze van 0,4 s binnen de beurt'],
          reasonMessages: [{ key: 'pause.reason', params: { sec: 0.4 } }],
        },
        { type: 'pause', speaker: 'agent', start: 3, end: 3.5, reasons: ['een pauze van 0,5 s binnen de beurt'] },
      ],
    };
    const rows = (locale?: 'en' | 'nl') => eventsCsv(report, locale).split('\r\n').slice(1, 3);
    expect(rows('en')).toEqual(['pause,agent,1,1.4,,a pause of 0.4 s within the turn', 'pause,agent,3,3.5,,"een pauze van 0,5 s binnen de beurt"']);
    expect(rows('nl')).toEqual(['pause,agent,1,1.4,,"een pauze van 0,4 s binnen de beurt"', 'pause,agent,3,3.5,,"een pauze van 0,5 s binnen de beurt"']);
    expect(rows()).toEqual(rows('nl'));
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('export file names', () => {
  it('keeps the recording\'s name, safe on every system', () => {
    expect(exportFileName('Gesprek 12-03.mp3', 'json')).toBe('Gesprek 12-03.report.json');
    expect(exportFileName('Gesprek 12-03.mp3', 'csv')).toBe('Gesprek 12-03.events.csv');
    expect(exportFileName('Gesprek 12-03.mp3', 'wav')).toBe('Gesprek 12-03.wav');
    expect(safeFileStem('<img src=x onerror=alert(1)>.wav')).toBe('img src=x onerror=alert(1)');
    expect(safeFileStem('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileStem('a\u0000b:c.wav')).toBe('a_b_c');
    expect(safeFileStem('...')).toBe('luister');
  });
});
