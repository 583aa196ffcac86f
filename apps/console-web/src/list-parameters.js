// @ts-check
/**
 * Which filters `GET /hazards` takes, read from the API's own OpenAPI document (same origin, no token): the
 * form offers exactly those, so a filter the API gains (a period, say) appears without a console change, and
 * none is offered that the API would refuse with a 400.
 */

/** What API.md lists, for when the document cannot be read. */
const CONTRACT = ['regionCode', 'sector', 'status', 'level', 'unitId', 'overdue', 'underSupervision', 'page', 'pageSize'];

/** @returns {Promise<Set<string>>} */
export async function hazardListParameters() {
  try {
    const response = await fetch('/docs-json', { headers: { Accept: 'application/json' } });
    if (!response.ok) return new Set(CONTRACT);
    const document = await response.json();
    /** @type {{ name?: string, in?: string }[] | undefined} */
    const parameters = document?.paths?.['/api/v1/hazards']?.get?.parameters;
    if (!Array.isArray(parameters)) return new Set(CONTRACT);
    return new Set(parameters.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => String(p.name)));
  } catch {
    return new Set(CONTRACT);
  }
}
