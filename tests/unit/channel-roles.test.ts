import { describe, expect, it } from 'vitest';
import { assignChannels, swappedRoles, type RoleOptions } from '../../src/analysis/channel-roles.ts';
import type { SpeakerRole } from '../../src/report/report-types.ts';

/** Whose voice each channel carries under `options`. */
function rolesByChannel(channelCount: number, options: RoleOptions): SpeakerRole[] {
  const roles: SpeakerRole[] = [];
  for (const { role, channel } of assignChannels(channelCount, options)) roles[channel] = role;
  return roles;
}

describe('channel roles', () => {
  it('puts the agent where the options say, and the customer on the other channel', () => {
    expect(rolesByChannel(2, {})).toEqual(['agent', 'customer']);
    expect(rolesByChannel(2, { agentChannel: 1 })).toEqual(['customer', 'agent']);
    expect(rolesByChannel(1, {})).toEqual(['agent']);
    expect(rolesByChannel(1, { monoSpeaker: 'customer' })).toEqual(['customer']);
    expect(() => assignChannels(2, { agentChannel: 2 })).toThrow(RangeError);
    expect(() => assignChannels(6)).toThrow(/6 channels/);
  });

  it.each<[string, number, RoleOptions]>([
    ['stereo, agent left', 2, { agentChannel: 0 }],
    ['stereo, agent right', 2, { agentChannel: 1 }],
    ['mono agent', 1, { monoSpeaker: 'agent' }],
    ['mono customer', 1, { monoSpeaker: 'customer' }],
  ])('swapping %s gives every channel the other speaker, and swapping back restores it', (_, channelCount, options) => {
    const before = rolesByChannel(channelCount, options);
    const swapped = swappedRoles(before);
    const after = rolesByChannel(channelCount, swapped);
    expect(after).toEqual(before.map((role) => (role === 'agent' ? 'customer' : 'agent')));
    expect(rolesByChannel(channelCount, swappedRoles(after))).toEqual(before);
  });

  it('refuses what it cannot swap', () => {
    expect(() => swappedRoles([])).toThrow(RangeError);
    expect(() => swappedRoles(['agent', 'agent'])).toThrow(RangeError);
  });
});
