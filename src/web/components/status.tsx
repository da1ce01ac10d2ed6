import { Alert, Text, type MantineSpacing, type StyleProp } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * What a page says after a step succeeded ("Details saved"), and where it says it: a live region
 * that takes the keyboard user's focus, since the control they used may have left the page.
 */
export function useStatus() {
  const [message, setMessage] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  /** Says `text`; with `focus` (the default) the keyboard user's place moves onto it once drawn. */
  const show = useCallback((text: string, focus = true) => {
    setMessage(text);
    if (focus) requestAnimationFrame(() => ref.current?.focus());
  }, []);
  const clear = useCallback(() => setMessage(''), []);
  return { message, show, clear, ref };
}

export type StatusMessage = ReturnType<typeof useStatus>;

/** The live region itself, for a page that words its confirmation its own way; focus it with `regionRef`. */
export function StatusRegion({ regionRef, children }: { regionRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  return (
    <div ref={regionRef} tabIndex={-1} role="status" aria-live="polite" style={{ outline: 'none' }}>
      {children}
    </div>
  );
}

/** The status of `useStatus` as a green alert the person may dismiss. */
export function StatusAlert({ status, mt }: { status: StatusMessage; mt?: StyleProp<MantineSpacing> }) {
  return (
    <StatusRegion regionRef={status.ref}>
      {status.message && (
        <Alert mt={mt} color="green" variant="light" withCloseButton onClose={status.clear} closeButtonLabel="Dismiss">
          {status.message}
        </Alert>
      )}
    </StatusRegion>
  );
}

/** A short confirmation beside a control ("Link copied"), read out when it appears; focus stays where it was. */
export function StatusText({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <Text size="sm" c="green.8">
          {message}
        </Text>
      )}
    </div>
  );
}
