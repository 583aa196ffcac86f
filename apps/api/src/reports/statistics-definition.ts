import { FilingRuleError } from '@hazard/domain';
import { computeStatistics } from '@hazard/projections';

/**
 * The version of the figures' definitions (DESIGN.md's table) that reports are computed with today. A changed
 * definition is a new version beside the old one here, so an old filing still recomputes with its own.
 */
export const STATISTICS_DEFINITION_VERSION = 1;

const DEFINITIONS: Readonly<Record<number, typeof computeStatistics>> = { 1: computeStatistics };

export function statisticsDefinition(version: number): typeof computeStatistics {
  const compute = DEFINITIONS[version];
  if (!compute) {
    throw new FilingRuleError('REPORT.DEFINITION_UNSUPPORTED', `figure definitions version ${version} are not known to this server (it knows ${Object.keys(DEFINITIONS).join(', ')})`, { definitionVersion: version });
  }
  return compute;
}
