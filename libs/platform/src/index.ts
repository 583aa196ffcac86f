export * from './config/app-config';
export * from './config/jwt-secret';
export * from './auth/claims';
export * from './auth/sign-token';
export * from './stores/open-event-store';
export * from './clock';
export * from './catalogue/load-catalogue';
