/**
 * Following the system's default microphone during a call. Chromium keeps a track opened on
 * "default" on the physical device it started with when the user picks another default in the
 * OS; the call notices through 'devicechange' and moves to the new default by itself. The
 * 'default' entry of enumerateDevices shares its groupId with the physical device it stands for.
 */

/** The part of MediaDeviceInfo this needs (plain data, so it is testable without a browser). */
export interface DeviceEntry {
  deviceId: string;
  groupId: string;
  kind: string;
  label: string;
}

/** Ids that name a role rather than a device. */
const ROLE_IDS = new Set(['', 'default', 'communications']);

/**
 * The deviceId of the physical input that is the default now, when that is not the device the
 * call listens to (`currentGroupId`); null when nothing moved or the browser does not say.
 */
export function movedDefaultInput(currentGroupId: string, devices: readonly DeviceEntry[]): DeviceEntry | null {
  const inputs = devices.filter((d) => d.kind === 'audioinput');
  const standIn = inputs.find((d) => d.deviceId === 'default');
  if (!standIn || !standIn.groupId || !currentGroupId || standIn.groupId === currentGroupId) return null;
  return inputs.find((d) => d.groupId === standIn.groupId && !ROLE_IDS.has(d.deviceId)) ?? null;
}
