// Hands text to the browser as a download (CSV exports, backups); nothing leaves the machine.
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started by then; the blob URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `2026-11-26`: in file names, so a folder of exports sorts by date. */
export const fileDate = (at: number) => new Date(at).toISOString().slice(0, 10);
