import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type AnchorAttributes = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function AnchorBase(props: AnchorProps & AnchorAttributes) {
  return <Anchor component="a" {...props} />;
}

function ButtonBase(props: ButtonProps & AnchorAttributes) {
  return <Button component="a" {...props} />;
}

function NavLinkBase(props: NavLinkProps & AnchorAttributes) {
  return <NavLink component="a" {...props} />;
}

/** Router links that look like Mantine's anchors, buttons and navigation links. */
export const AnchorLink: LinkComponent<typeof AnchorBase> = createLink(AnchorBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = createLink(ButtonBase);
export const NavLinkLink: LinkComponent<typeof NavLinkBase> = createLink(NavLinkBase);
