// Where the scripts (the static pages' "More posts", the search page) find the HealthFunctions API.
//   ''                                   same origin: the API is served under /api beside these pages
//                                        (src/HealthFunctions.LocalHost, or a proxy in front of both)
//   'https://func-xyz.azurewebsites.net' another origin: list this site's origin in the Function
//                                        App's CORS list (API_ALLOWED_ORIGINS) so browsers may call it
// No trailing slash. Replace this file when deploying; nothing else needs building.
window.HEALTHFUNCTIONS_API = '';
