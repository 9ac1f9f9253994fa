import type { SpeakerRole } from '../report/report-types.ts';

export interface ChannelAssignment {
  role: SpeakerRole;
  channel: number;
}

export interface RoleOptions {
  /** In a stereo recording, the agent's channel; the other is the customer. Default 0. */
  agentChannel?: number;
  /** Whose voice a mono recording holds. Default the agent. */
  monoSpeaker?: SpeakerRole;
}

/** Which channel is which speaker: the one rule every host follows. */
export function assignChannels(channelCount: number, options: RoleOptions = {}): ChannelAssignment[] {
  if (channelCount === 1) return [{ role: options.monoSpeaker ?? 'agent', channel: 0 }];
  if (channelCount === 2) {
    const agent = options.agentChannel ?? 0;
    if (agent !== 0 && agent !== 1) throw new RangeError(`agent channel must be 0 or 1, got ${agent}`);
    return [
      { role: 'agent', channel: agent },
      { role: 'customer', channel: 1 - agent },
    ];
  }
  throw new RangeError(
    `the recording has ${channelCount} channels; Luister reads mono (one speaker) or stereo (agent and customer). Mix it down to one or two channels first`,
  );
}

/**
 * The roles that give each channel the other speaker, from whose voice each channel carries now:
 * stereo swaps agent and customer, mono hands the one voice to the other role. For a coach who
 * finds, once the report is there, that the recording had them the other way round.
 */
export function swappedRoles(channelRoles: readonly SpeakerRole[]): RoleOptions {
  if (channelRoles.length === 1) return { monoSpeaker: channelRoles[0] === 'agent' ? 'customer' : 'agent' };
  const customerChannel = channelRoles.indexOf('customer');
  if (channelRoles.length !== 2 || customerChannel < 0) throw new RangeError(`cannot swap the roles of ${channelRoles.join(', ') || 'no channels'}`);
  return { agentChannel: customerChannel };
}
