/** Export formats: the events CSV (RFC 4180, spreadsheet-safe) and file names. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report-types.ts';
import { csvField } from '../../src/report/csv.ts';
import type { SessionSummary } from '../../src/storage/session-types.ts';
import { eventsCsv } from '../../src/ui/export/report-csv.ts';
import { sessionsCsv } from '../../src/ui/export/sessions-csv.ts';
import { exportFileName } from '../../src/ui/export/export-files.ts';
import { safeFileStem } from '../../src/ui/shared/download.ts';

/** A ten-second report holding just `events`. */
function reportWith(events: Report['events']): Report {
  return { schema: 'luister-report/1', durationSec: 10, sampleRate: 8000, speakers: {}, events };
}

describe('events CSV', () => {
  it('writes a header and one CRLF-terminated row per event', () => {
    const report = reportWith([
      { type: 'pause', speaker: 'agent', start: 1.25, end: 1.6 },
      { type: 'sigh', speaker: 'customer', start: 4, end: 4.9, confidence: 0.82, reasons: ['0.9 s breathy, fading 8 dB', 'with "voiced" onset'] },
      { type: 'dead-air', start: 7, end: 10 },
    ]);
    expect(eventsCsv(report, 'en')).toBe(
      'type,speaker,start,end,confidence,reasons\r\n' +
        'pause,agent,1.25,1.6,,\r\n' +
        'sigh,customer,4,4.9,0.82,"0.9 s breathy, fading 8 dB; with ""voiced"" onset"\r\n' +
        'dead-air,,7,10,,\r\n',
    );
    // As a Dutch spreadsheet reads CSV: semicolons between fields, decimal commas.
    expect(eventsCsv(report, 'nl')).toBe(
      'type;speaker;start;end;confidence;reasons\r\n' +
        'pause;agent;1,25;1,6;;\r\n' +
        'sigh;customer;4;4,9;0,82;"0.9 s breathy, fading 8 dB; with ""voiced"" onset"\r\n' +
        'dead-air;;7;10;;\r\n',
    );
  });

  it("writes the reasons in the interface's language where the report kept them as messages", () => {
    const report = reportWith([
      {
        type: 'pause',
        speaker: 'agent',
        start: 1,
        end: 1.4,
        reasons: ['een pauze van 0,4 s binnen de beurt'],
        reasonMessages: [{ key: 'pause.reason', params: { sec: 0.4 } }],
      },
      { type: 'pause', speaker: 'agent', start: 3, end: 3.5, reasons: ['een pauze van 0,5 s binnen de beurt'] },
    ]);
    const rows = (locale: 'en' | 'nl') => eventsCsv(report, locale).split('\r\n').slice(1, 3);
    expect(rows('en')).toEqual(['pause,agent,1,1.4,,a pause of 0.4 s within the turn', 'pause,agent,3,3.5,,"een pauze van 0,5 s binnen de beurt"']);
    expect(rows('nl')).toEqual(['pause;agent;1;1,4;;een pauze van 0,4 s binnen de beurt', 'pause;agent;3;3,5;;een pauze van 0,5 s binnen de beurt']);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const safe = { spreadsheetSafe: true };
    expect(csvField('=HYPERLINK("x")', safe)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1', safe)).toBe("'+1");
    expect(csvField('@SUM(A1)', safe)).toBe("'@SUM(A1)");
    expect(csvField(-3.5, safe)).toBe('-3.5');
    expect(csvField(Number.NaN, safe)).toBe('');
    // For programs (the command line's summary) the text stays as it is.
    expect(csvField('-call.wav')).toBe('-call.wav');
  });
});

describe('sessions CSV', () => {
  it("writes one row per session with the agent's figures, in local time, and blanks where there are none", () => {
    const base = { sampleRate: 8000, channels: 2, chunkCount: 0, samples: 0, status: 'complete' } as const;
    const sessions: SessionSummary[] = [
      {
        ...base,
        id: 'a',
        kind: 'review',
        name: 'gesprek, maandag.wav',
        agent: 'Daan',
        createdAt: new Date(2026, 10, 23, 9, 5).getTime(),
        durationSec: 32.587,
        figures: { talkShare: 0.56123, pitchSdSemitones: 2.4567, articulationRate: 4.8049 },
      },
      { ...base, id: 'b', kind: 'practice', name: '=oefening', createdAt: new Date(2026, 0, 2, 14, 30).getTime(), durationSec: 4.21, status: 'recording' },
    ];
    expect(sessionsCsv(sessions, 'en')).toBe(
      'name,kind,agent,date,duration_s,status,agent_talk_share,agent_pitch_sd_semitones,agent_articulation_rate\r\n' +
        '"gesprek, maandag.wav",review,Daan,2026-11-23 09:05,32.6,complete,0.561,2.46,4.8\r\n' +
        "'=oefening,practice,,2026-01-02 14:30,4.2,recording,,,\r\n",
    );
    expect(sessionsCsv(sessions, 'nl').split('\r\n')[1]).toBe('gesprek, maandag.wav;review;Daan;2026-11-23 09:05;32,6;complete;0,561;2,46;4,8');
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
