export * from './checkpointed-consumer';
