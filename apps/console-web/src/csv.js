// @ts-check
/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF, every field quoted (RFC 4180), and a leading
 * =, +, - or @ neutralised so a unit name cannot become a formula in the reader's spreadsheet.
 * @param {string[]} headers
 * @param {(string | number)[][]} rows
 */
export function toCsv(headers, rows) {
  const field = (/** @type {string | number} */ value) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `\uFEFF${[headers, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/**
 * Hands a file to the browser's downloads, from memory: nothing leaves this origin.
 * @param {string} name
 * @param {BlobPart} content
 * @param {string} type
 */
export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
