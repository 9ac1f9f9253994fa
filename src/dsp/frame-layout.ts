/**
 * One analysis frame is a fixed run of numbers in a Float64Array (struct of arrays would need one
 * buffer per field on every hop; this keeps a batch to one transferable buffer).
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
} as const;
export type FrameFieldName = keyof typeof FrameField;
export const FRAME_STRIDE = 11;
export const FRAME_FIELD_NAMES = Object.keys(FrameField) as FrameFieldName[];
