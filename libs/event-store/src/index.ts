export * from './event-store.port';
export * from './errors';
export * from './event-id';
export * from './hash-chain';
export * from './handle-command';
export * from './sqlite/sqlite-event-store';
export * from './integrity/stream-integrity';
export * from './integrity/store-integrity';
