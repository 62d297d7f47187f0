// Saves what the app built as a file: a Blob behind a temporary `a[download]`, so exports never
// leave the browser and work offline against the mock backend too. One helper for every export
// (decision records, statements of reasons, import row issues, the audit trail, the network's PNG).
export function downloadFile(fileName: string, mimeType: string, text: string, { byteOrderMark = false } = {}): void {
  // A byte-order mark lets spreadsheet programs read a CSV's UTF-8 as UTF-8.
  downloadBlob(fileName, new Blob(byteOrderMark ? ['\uFEFF', text] : [text], { type: mimeType }));
}

/** Saves a Blob as it is (a picture). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
