import { HazardRules } from '@hazard/domain';
import { AppConfig } from '@hazard/platform';

/** The hazard rules a city configures (API.md "Configuration"), as the decider takes them. */
export function hazardRulesOf(config: AppConfig): HazardRules {
  return {
    closureRequired: config.closureRequired,
    closureReviewDays: config.closureReviewDays,
    noticeSignDays: config.noticeSignDays,
    supervisionDocPrefix: config.supervisionDocPrefix,
    timeZone: config.timeZone,
  };
}
