// Saving bytes the page fetched (with the token) as a file: an object URL and a click on a
// download link, the one way a script can hand a blob to the browser's downloads.
export function saveBlob(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  // The download has taken the URL by the next task; revoke it a little later all the same.
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
