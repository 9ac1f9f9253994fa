/**
 * A problem with the input recording that the user can fix (a damaged header, an unsupported
 * encoding, no audio at all). The message is written for the user: one sentence saying what is
 * wrong and what to do, without the file name, which the host adds.
 */
export class AudioInputError extends Error {
  override readonly name = 'AudioInputError';
}
