/** Paths in the web app that notices link to. */
export function renewalLink(bodyId: string, personId: string, certificationId: string): string {
  return `/bodies/${bodyId}/people/${personId}/renewals/${certificationId}`;
}

export function staffRenewalLink(bodyId: string, personId: string, renewalId: string): string {
  return `/bodies/${bodyId}/people/${personId}/renewal-applications/${renewalId}`;
}
