/**
 * The show/hide button of a password field. Mantine names it "Toggle password visibility", which a
 * search by label ("Password") also finds: this name leaves the field the only match of its label.
 */
export const visibilityToggle = { 'aria-label': 'Show the characters typed' } as const;
