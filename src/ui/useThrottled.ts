import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but while `throttle` holds it changes at most once every `ms` of wall time (the last value always
 * shows in the end); otherwise at once. The event log follows a playing run this way (issue 17): a few renders
 * a second read as live, and leave the frame to the ring.
 */
export function useThrottled<T>(value: T, ms: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = throttle ? last.current + ms - performance.now() : 0;
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const id = setTimeout(() => {
      last.current = performance.now();
      setShown(latest.current);
    }, wait);
    return () => clearTimeout(id);
  }, [value, shown, ms, throttle]);
  return throttle ? shown : value;
}
