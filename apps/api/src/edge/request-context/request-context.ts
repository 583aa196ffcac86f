import type { CommandContext } from '@hazard/event-store';

/** What the edge knows about a request and passes along with every command (the runner's CommandContext). */
export type RequestContext = CommandContext;
