/** A saved session's recording as a WAV: from its PCM chunks, or decoded from its stored file. */
import { sessionStore } from '../../storage/session-store.ts';
import type { SessionSummary } from '../../storage/session-types.ts';
import { fileAsWav } from '../../worker/file-client.ts';
import { wavBlob } from './export-files.ts';

export async function sessionWav(session: SessionSummary): Promise<Blob> {
  if (session.audio === 'file') {
    const stored = await sessionStore.loadFile(session.id);
    return fileAsWav(new File([stored.file], session.name, { type: stored.file.type }));
  }
  return wavBlob(await sessionStore.loadAudio(session.id), session.sampleRate);
}
