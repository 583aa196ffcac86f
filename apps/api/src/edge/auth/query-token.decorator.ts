import { SetMetadata } from '@nestjs/common';

export const QUERY_TOKEN = 'queryToken';

/**
 * The route also accepts its token as `?access_token=<JWT>`, verified by the same JwtAuthGuard: a browser's
 * EventSource cannot set an Authorization header. Only for such routes — a token in a URL can end up in
 * proxy logs and browser history, so every other route keeps to the header.
 */
export const AcceptQueryToken = () => SetMetadata(QUERY_TOKEN, true);
