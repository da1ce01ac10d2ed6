import { Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/** A dialog of the app: the whole screen at phone width, its close button named "Close". */
export function PageModal(props: ModalProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return <Modal fullScreen={phone} closeButtonProps={{ 'aria-label': 'Close' }} {...props} />;
}
