import { useEffect, useRef, useState } from 'react';
import { announcementBetween, remainingAt, type CountdownAnchor } from './countdown';

/**
 * The remaining time of an attempt, redrawn four times a second from the latest anchor (the server's
 * answer), and the announcement of the last threshold crossed for the screen reader's live region.
 * `onTimeUp` is called once when it reaches 0.
 */
export function useCountdown(anchor: CountdownAnchor | null, onTimeUp: () => void) {
  const [now, setNow] = useState(() => performance.now());
  const [announcement, setAnnouncement] = useState('');
  const last = useRef<number | null>(null);
  const timeUp = useRef(onTimeUp);
  useEffect(() => {
    timeUp.current = onTimeUp;
  }, [onTimeUp]);

  useEffect(() => {
    if (anchor === null) return;
    const tick = () => {
      const at = performance.now();
      setNow(at);
      const remaining = remainingAt(anchor, at);
      const before = last.current;
      last.current = remaining;
      if (before === null) {
        if (remaining === 0) timeUp.current();
        return;
      }
      const words = announcementBetween(before, remaining);
      if (words) setAnnouncement(words);
      if (before > 0 && remaining === 0) timeUp.current();
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [anchor]);

  return { remainingMs: anchor === null ? null : remainingAt(anchor, now), announcement };
}
