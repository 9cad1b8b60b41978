// Who is signed in, from the access token: user name, agency and realm roles. What the console offers follows the
// API's rules for these (the API decides again on every request).
let claims = {};

export function useToken(parsed) { claims = parsed || {}; }

export const me = () => ({
  username: claims.preferred_username,
  agency: claims.agency,
  roles: (claims.realm_access && claims.realm_access.roles || []).filter((r) => !r.startsWith('default-roles') && r !== 'offline_access' && r !== 'uma_authorization')
});

export const hasRole = (...roles) => roles.some((role) => me().roles.includes(role));

/** The gateway's readers of cases and intelligence: investigator, analyst, supervisor, auditor, platform-admin. */
export const readsCases = () => hasRole('investigator', 'analyst', 'supervisor', 'auditor', 'platform-admin');
export const readsFinance = () => readsCases() || hasRole('finance-officer');
export const readsChemicals = () => readsCases() || hasRole('chemical-officer');

/** Agencies of the demo realm, offered as suggestions; any agency code the API accepts may be typed. */
export const KNOWN_AGENCIES = ['CN-NNCC', 'US-DEA', 'CN-CUSTOMS', 'US-FINCEN', 'CN-CAMLMAC', 'MX-FGR'];
