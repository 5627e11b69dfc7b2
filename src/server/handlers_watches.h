// The handlers of /api/watches (handlers_watches.cc): watch queries, the documents of
// `depeche watch ... --json` (api/json.h). Declared apart from service.h's handlers so that the
// watch slice keeps to its own files; routes.cc lists them with the others.
#ifndef DEPECHE_SERVER_HANDLERS_WATCHES_H_
#define DEPECHE_SERVER_HANDLERS_WATCHES_H_

#include "server/service.h"

namespace depeche::server {

// POST /api/watches: body {"query": ..., "entity"?, "lang"?, "name"?} (strings or null) -> 201
// and the watch. 400: not a flat JSON object, a missing or bad query, an unknown field.
Response PostWatch(Service& service, const Request& request);
// GET /api/watches: every watch, newest first.
Response GetWatches(Service& service, const Request& request);
// GET /api/watches/{id}: one watch (id or unique prefix); 404.
Response GetWatchById(Service& service, const Request& request);
// GET /api/watches/{id}/matches?since=&limit=: the watch-matches document; 400 (since not an
// ISO date, a bad limit), 404.
Response GetWatchMatches(Service& service, const Request& request);
// DELETE /api/watches/{id}: 204; 404.
Response DeleteWatch(Service& service, const Request& request);

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_HANDLERS_WATCHES_H_
