export * from './bodies';
export * from './accounts';
export * from './people';
export * from './activities';
export * from './providers';
export * from './audit';
export * from './settings';
export * from './relations';
