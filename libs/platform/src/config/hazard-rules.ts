import { Catalogue, HazardRules, referenceChecksOf } from '@hazard/domain';
import { AppConfig } from './app-config';

/** The hazard rules a city configures (API.md "Configuration") and its catalogue, as the decider takes them: the server's and the seed's alike. */
export function hazardRulesOf(config: AppConfig, catalogue: Catalogue): HazardRules {
  return {
    closureRequired: config.closureRequired,
    closureReviewDays: config.closureReviewDays,
    noticeSignDays: config.noticeSignDays,
    supervisionDocPrefix: config.supervisionDocPrefix,
    timeZone: config.timeZone,
    reference: referenceChecksOf(catalogue),
  };
}
