import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { etagOf, renderFeed, type FeedEvent } from './ics.js';

/** The writer alone, on hand-made events: wall-clock times across daylight saving, and a text that only the data changes. */
const call = (id: string, start: string, end: string): FeedEvent => ({
  uid: `interaction-${id}@advance`,
  sequence: 0,
  status: 'confirmed',
  summary: 'Call with Globex',
  description: 'Planned outcome',
  url: null,
  created: '2026-01-05T09:00:00.000Z',
  changedAt: '2026-01-05T09:00:00.000Z',
  when: { start, end, timeZone: 'Europe/Paris' },
});

describe('renderFeed', () => {
  it('writes no control character a calendar would refuse, whatever the titles hold', () => {
    const odd = { ...call('v', '2026-01-15T15:00:00.000Z', '2026-01-15T15:30:00.000Z'), summary: 'Send\u000Bthe\u000Cpack\u0007', description: 'Line one\r\nLine two\rthree\u001B' };
    const text = renderFeed({ name: 'Plan\u000B', description: 'Test', events: [odd] });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Send the pack ');
    expect(event.description).toBe('Line one\nLine two\nthree ');
  });

  it('writes the calendar’s name and description as one line each: a newline in a plan title starts no event of its own', () => {
    const title = 'Q3\nBEGIN:VEVENT\nUID:x\nDTSTART:20270105T090000Z\nSUMMARY:Pay invoice\nEND:VEVENT\nX-A:';
    const text = renderFeed({ name: title, description: `${title} — your commitments`, events: [call('w', '2026-01-15T15:00:00.000Z', '2026-01-15T15:30:00.000Z')] });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary)).toEqual(['Call with Globex']);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Q3 BEGIN:VEVENT UID:x DTSTART:20270105T090000Z SUMMARY:Pay invoice END:VEVENT X-A:');
  });

  it('writes a timed event on the wall clock of its zone, winter (UTC+1) and summer (UTC+2) alike', () => {
    const text = renderFeed({ name: 'Test', description: 'Test', events: [call('a', '2026-01-15T15:00:00.000Z', '2026-01-15T15:30:00.000Z'), call('b', '2026-07-15T15:00:00.000Z', '2026-07-15T16:00:00.000Z')] });
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260115T160000');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260715T170000');
    expect(text).toContain('DTEND;TZID=Europe/Paris:20260715T180000');
    // ical.js, given the VTIMEZONE the feed carries, reads the same instants back.
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const starts = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString());
    expect(starts.sort()).toEqual(['2026-01-15T15:00:00.000Z', '2026-07-15T15:00:00.000Z']);
  });

  it('writes an all-day event as a date lasting one day, and the same data as the same text (and ETag) whenever it is written', () => {
    const task: FeedEvent = { ...call('c', '', ''), uid: 'commitment-c@advance', when: { allDay: '2026-12-31' } };
    const once = renderFeed({ name: 'Test', description: 'Test', events: [task] });
    expect(once).toContain('DTSTART;VALUE=DATE:20261231');
    expect(once).toContain('DTEND;VALUE=DATE:20270101');
    expect(once).toContain('DTSTAMP:20260105T090000Z');
    const later = renderFeed({ name: 'Test', description: 'Test', events: [task] });
    expect(later).toBe(once);
    expect(etagOf(later)).toBe(etagOf(once));
    expect(etagOf(renderFeed({ name: 'Test', description: 'Test', events: [{ ...task, sequence: 1 }] }))).not.toBe(etagOf(once));
  });

  it('gives every TZID its VTIMEZONE, whatever name the zone was stored under, and falls back to UTC for a zone the data lacks', () => {
    const at = (id: string, timeZone: string): FeedEvent => ({ ...call(id, '2026-07-15T15:00:00.000Z', '2026-07-15T16:00:00.000Z'), when: { start: '2026-07-15T15:00:00.000Z', end: '2026-07-15T16:00:00.000Z', timeZone } });
    // Stored before zone names were checked for their case, an alias, and a name newer than the zone data.
    const text = renderFeed({ name: 'Test', description: 'Test', events: [at('a', 'europe/paris'), at('b', 'Asia/Calcutta'), at('c', 'Europe/Kyiv'), at('d', 'UTC'), at('e', 'Mars/Olympus')] });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const used = events.map((e) => e.startDate.zone?.tzid).filter((z): z is string => !!z && z !== 'UTC' && z !== 'floating');
    expect(used.sort()).toEqual(['Asia/Kolkata', 'Etc/UTC', 'Europe/Kiev', 'Europe/Paris']);
    for (const tz of used) expect(zones).toContain(tz);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260715T170000');
    expect(text).toContain('DTSTART;TZID=Asia/Kolkata:20260715T203000');
    expect(text).toContain('DTSTART;TZID=Europe/Kiev:20260715T180000');
    // Every event still starts at its instant.
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(Array(5).fill('2026-07-15T15:00:00.000Z'));
    // The unknown zone is written in UTC.
    expect(text).toContain('DTSTART:20260715T150000Z');
  });
});
