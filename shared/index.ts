// The domain module (docs/domain-rules.md) and the wire contracts every part shares.
export * from './domain/index';
export * from './entities/primitives';
export * from './entities/ticket';
export * from './entities/comment';
export * from './entities/attachment';
export * from './entities/agent';
export * from './entities/sla-policy';
export * from './sync/mutations';
export * from './sync/wire';
export * from './sync/snapshot-wire';
export * from './sync/ticket-sla';
export * from './sync/apply-ticket-mutation';
export * from './ipc/index';
export * from './sync/sla-policy-choice';
