export * from './exam-form';
export * from './exam-window';
export * from './grade';
export * from './item-statistics';
export * from './pass-mark';
export * from './prerequisites';
export * from './retake';
export * from './shuffle';
