// How deeply JSON text nests, found by one scan of its characters (strings skipped), without parsing
// it: a page refuses a file nested thousands of levels deep before it is parsed and structured-cloned
// to a worker (the clone recurses and throws "Maximum call stack size exceeded").

/** Whether `text`'s arrays and objects nest deeper than `limit` levels ("[[1]]" is 2 levels). */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
