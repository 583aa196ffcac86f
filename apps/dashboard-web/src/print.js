// @ts-check
/**
 * 打印: the print stylesheet lays the figures and charts out on paper; the canvases, drawn in the wall's light-on-dark
 * colours and sized for the screen, are drawn again for paper when printing starts and back when it ends. Both the
 * print dialog (beforeprint/afterprint) and a print media query (a headless browser emulating print) are followed.
 */

/**
 * Each chart's size on an A4 page, as dashboard.css's print rules lay it out: fixed, because when the print dialog
 * opens the page has not been laid out for paper yet, so the containers cannot be measured.
 */
export const PRINT_CHART_SIZES = {
  sector: { width: 320, height: 210 },
  region: { width: 320, height: 210 },
  status: { width: 320, height: 210 },
  trend: { width: 320, height: 210 },
};

const printMedia = window.matchMedia('print');
let printing = false;

export function isPrinting() {
  return printing || printMedia.matches;
}

/** @param {() => void} redraw called whenever the page goes to paper or comes back */
export function followPrinting(redraw) {
  /** @param {boolean} on */
  const set = (on) => {
    if (printing === on) return;
    printing = on;
    redraw();
  };
  window.addEventListener('beforeprint', () => set(true));
  window.addEventListener('afterprint', () => set(false));
  printMedia.addEventListener('change', (event) => set(event.matches));
}
