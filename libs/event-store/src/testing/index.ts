export * from './event-store.contract';
export * from './event-builders';
export * from './temp-store-file';
