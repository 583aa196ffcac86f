/** The built output of each bundled page, one BuiltAssets per dist/ folder. */
export const DASHBOARD_ASSETS = Symbol('DASHBOARD_ASSETS');
export const CONSOLE_ASSETS = Symbol('CONSOLE_ASSETS');
