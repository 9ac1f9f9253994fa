/**
 * One analysis frame is a fixed run of numbers in a Float64Array (struct of arrays would need one
 * buffer per field on every hop; this keeps a batch to one transferable buffer). The core's stages
 * also read and write the frame in place here, by integer offset: fractional numbers passed
 * between functions V8 does not inline get boxed, which would allocate on the audio thread.
 */
export const FrameField = {
  f0Hz: 0,
  voicing: 1,
  levelDb: 2,
  floorDb: 3,
  centroidHz: 4,
  spreadHz: 5,
  flatness: 6,
  rolloffHz: 7,
  zcrHz: 8,
  bandDb: 9,
  highBandDb: 10,
  highFloorDb: 11,
  bandFloorDb: 12,
} as const;
export type FrameFieldName = keyof typeof FrameField;
export const FRAME_STRIDE = 13;
export const FRAME_FIELD_NAMES = Object.keys(FrameField) as FrameFieldName[];
