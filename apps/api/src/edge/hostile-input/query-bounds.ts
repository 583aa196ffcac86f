/**
 * Upper bounds of the numeric query parameters. Without them `page=99999999999999999999` parses to 1e20,
 * passes @IsInt, and reaches SQLite as an OFFSET it cannot bind (a 500). The public lists already stopped at
 * 100000; positions and revisions stop where a JavaScript number stops being exact.
 */
export const MAX_PAGE = 100_000;
export const MAX_POSITION = Number.MAX_SAFE_INTEGER;
export const MAX_REVISION = Number.MAX_SAFE_INTEGER;
