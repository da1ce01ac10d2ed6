export * from './bodies';
export * from './accounts';
export * from './people';
export * from './activities';
export * from './audit';
export * from './settings';
export * from './relations';
