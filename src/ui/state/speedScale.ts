// The speed control's log scale: slider positions 0..40 are 10^(pos/10) examples per second (1 to
// 10,000), and the last position is "as fast as possible".
export const SPEED_STEPS = 41;
const MAX_POS = SPEED_STEPS - 1;

export function speedFromPosition(pos: number): number {
  if (pos >= MAX_POS) return Infinity;
  return Math.round(10 ** (pos / 10) * 100) / 100;
}

export function positionFromSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return MAX_POS;
  return Math.max(0, Math.min(MAX_POS - 1, Math.round(10 * Math.log10(Math.max(speed, 1)))));
}

export const formatSpeed = (speed: number): string =>
  Number.isFinite(speed) ? `${speed < 10 ? speed.toFixed(speed % 1 ? 1 : 0) : Math.round(speed)} /s` : 'max';
