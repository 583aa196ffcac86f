// @ts-check
/**
 * The reader's token in this browser, for the dashboard and the console alike: taken once from `?token=` (and
 * then removed from the address bar, so it is not bookmarked or shared), kept in localStorage under the page's
 * own key.
 *
 * @param {string} key
 */
export function tokenStore(key) {
  return {
    /** @returns {string | null} */
    take() {
      const url = new URL(location.href);
      const fromUrl = url.searchParams.get('token');
      if (fromUrl) {
        this.save(fromUrl);
        url.searchParams.delete('token');
        history.replaceState(history.state, '', url.pathname + url.search + url.hash);
      }
      return localStorage.getItem(key);
    },
    /** @param {string} token */
    save(token) {
      localStorage.setItem(key, token.trim());
    },
    forget() {
      localStorage.removeItem(key);
    },
  };
}
