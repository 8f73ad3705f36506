// Antithetic pairs: theta+ = theta + sigma eps, theta- = theta - sigma eps, each rounded to float32
// (the engines take V_M as float32).
import { asVmParams, type VmParams } from '../layout';

export interface AntitheticPair {
  readonly plus: VmParams;
  readonly minus: VmParams;
}

export function perturbPair(
  theta: Float32Array,
  eps: Float64Array,
  sigma: number,
  out?: AntitheticPair,
): AntitheticPair {
  const D = theta.length;
  if (eps.length !== D) throw new Error(`perturbPair: eps has ${eps.length} values, theta ${D}`);
  const plus = out?.plus ?? asVmParams(new Float32Array(D));
  const minus = out?.minus ?? asVmParams(new Float32Array(D));
  for (let k = 0; k < D; k++) {
    const d = sigma * eps[k];
    plus[k] = theta[k] + d;
    minus[k] = theta[k] - d;
  }
  return { plus, minus };
}
