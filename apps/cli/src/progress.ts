import { SingleBar, Presets } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays clean for `digest > digest.json`), shown only on a terminal or when
 * forced, so scripts and tests get plain output.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  if (!stream.isTTY && !process.env.FORCE_PROGRESS) return () => undefined;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} events`, stream, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}
