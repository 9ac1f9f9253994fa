/** Saving a file the app made: a Blob handed to the browser's download, nothing uploaded. */

/** Offers `blob` as a download named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; a delay covers slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name's stem that is safe on every system: the extension dropped, characters that
 * Windows, macOS or shells treat specially replaced, and never empty.
 */
export function safeFileStem(name: string, fallback = 'luister'): string {
  const stem = Array.from(name.replace(/\.[^./\\]{1,8}$/, ''), (c) => (c.charCodeAt(0) < 0x20 ? '_' : c))
    .join('')
    .replace(/[<>:"/\\|?*]+/g, '_')
    .replace(/^[.\s_]+|[.\s_]+$/g, '')
    .slice(0, 80);
  return stem || fallback;
}
