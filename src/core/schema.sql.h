/* Schema version 1. Later versions append a migration to db.c; never edit a
 * migration that has shipped. Times are INTEGER UTC seconds, dates TEXT
 * YYYY-MM-DD, money INTEGER hundredths. */
// clang-format off
static const char schema_v1[] =
    "CREATE TABLE event ("
    " id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL, country TEXT NOT NULL, city TEXT NOT NULL,"
    " first_day TEXT NOT NULL, last_day TEXT NOT NULL, timezone TEXT NOT NULL,"
    " currency TEXT, CHECK (first_day <= last_day));"

    "CREATE TABLE delegations ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('state','igo','civil-society','press')),"
    " status TEXT NOT NULL CHECK (status IN ('participant','observer','guest')),"
    " head TEXT, rank TEXT, size INTEGER NOT NULL DEFAULT 1 CHECK (size > 0),"
    " email TEXT);"

    "CREATE TABLE people ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " delegation INTEGER NOT NULL REFERENCES delegations(id),"
    " name TEXT NOT NULL, title TEXT, role TEXT NOT NULL DEFAULT 'member',"
    " rank TEXT, needs TEXT, email TEXT);"
    "CREATE INDEX people_delegation ON people(delegation);"

    "CREATE TABLE invitations ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " delegation INTEGER NOT NULL UNIQUE REFERENCES delegations(id),"
    " state TEXT NOT NULL DEFAULT 'draft', channel TEXT NOT NULL DEFAULT 'direct',"
    " via INTEGER REFERENCES delegations(id), deadline TEXT, note TEXT);"

    "CREATE TABLE history ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " delegation INTEGER NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL, old_state TEXT, new_state TEXT NOT NULL,"
    " channel TEXT, note TEXT);"
    "CREATE INDEX history_invitation ON history(delegation, at);"

    "CREATE TABLE venues ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, city TEXT, address TEXT);"

    "CREATE TABLE rooms ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, venue INTEGER NOT NULL REFERENCES venues(id),"
    " capacity INTEGER NOT NULL CHECK (capacity > 0),"
    " booths INTEGER NOT NULL DEFAULT 0 CHECK (booths >= 0));"

    "CREATE TABLE sessions ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " title TEXT NOT NULL, kind TEXT NOT NULL, room INTEGER NOT NULL REFERENCES rooms(id),"
    " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
    " attendance TEXT NOT NULL DEFAULT 'all', status TEXT NOT NULL DEFAULT 'scheduled',"
    " description TEXT, CHECK (\"end\" > start));"
    "CREATE INDEX sessions_start ON sessions(start);"
    "CREATE TABLE session_delegations ("
    " owner INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " ref INTEGER NOT NULL REFERENCES delegations(id), PRIMARY KEY (owner, ref));"
    "CREATE INDEX session_delegations_ref ON session_delegations(ref);"

    "CREATE TABLE places ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, address TEXT);"

    "CREATE TABLE travel ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " origin INTEGER NOT NULL REFERENCES places(id),"
    " destination INTEGER NOT NULL REFERENCES places(id),"
    " minutes INTEGER NOT NULL CHECK (minutes > 0));"
    "CREATE UNIQUE INDEX travel_pair ON travel(min(origin, destination),"
    " max(origin, destination));"

    "CREATE TABLE hotels ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, place INTEGER REFERENCES places(id),"
    " address TEXT, stars INTEGER CHECK (stars BETWEEN 1 AND 5));"

    "CREATE TABLE blocks ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " hotel INTEGER NOT NULL REFERENCES hotels(id), night TEXT NOT NULL,"
    " rooms INTEGER NOT NULL CHECK (rooms > 0), UNIQUE (hotel, night));"

    "CREATE TABLE allocations ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " hotel INTEGER NOT NULL REFERENCES hotels(id),"
    " delegation INTEGER NOT NULL REFERENCES delegations(id), night TEXT NOT NULL,"
    " rooms INTEGER NOT NULL CHECK (rooms > 0), UNIQUE (hotel, delegation, night));"
    "CREATE INDEX allocations_delegation ON allocations(delegation);"

    "CREATE TABLE vehicles ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " code TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
    " capacity INTEGER NOT NULL CHECK (capacity > 0), driver TEXT, phone TEXT, plate TEXT);"

    "CREATE TABLE trips ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " vehicle INTEGER NOT NULL REFERENCES vehicles(id), kind TEXT NOT NULL DEFAULT 'transfer',"
    " origin INTEGER NOT NULL REFERENCES places(id),"
    " destination INTEGER NOT NULL REFERENCES places(id),"
    " depart INTEGER NOT NULL, arrive INTEGER NOT NULL, note TEXT,"
    " CHECK (arrive > depart));"
    "CREATE INDEX trips_depart ON trips(depart);"
    "CREATE TABLE trip_riders ("
    " owner INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,"
    " ref INTEGER NOT NULL REFERENCES people(id), PRIMARY KEY (owner, ref));"
    "CREATE INDEX trip_riders_ref ON trip_riders(ref);"

    "CREATE TABLE arrivals ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " delegation INTEGER NOT NULL REFERENCES delegations(id),"
    " person INTEGER REFERENCES people(id),"
    " direction TEXT NOT NULL DEFAULT 'arrival', flight TEXT,"
    " airport INTEGER NOT NULL REFERENCES places(id), time INTEGER NOT NULL,"
    " party INTEGER NOT NULL DEFAULT 1 CHECK (party > 0),"
    " pickup INTEGER REFERENCES trips(id));"
    "CREATE INDEX arrivals_time ON arrivals(time);"

    "CREATE TABLE partners ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, kind TEXT, contact TEXT);"

    "CREATE TABLE costs ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " name TEXT NOT NULL UNIQUE, category TEXT,"
    " amount INTEGER NOT NULL CHECK (amount >= 0), note TEXT);"

    "CREATE TABLE pledges ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " partner INTEGER NOT NULL REFERENCES partners(id), kind TEXT NOT NULL DEFAULT 'cash',"
    " amount INTEGER NOT NULL CHECK (amount >= 0),"
    " received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),"
    " cost INTEGER REFERENCES costs(id), description TEXT);"

    "CREATE TABLE tasks ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " title TEXT NOT NULL, owner TEXT, due TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'open', note TEXT);"
    "CREATE INDEX tasks_due ON tasks(due);";
// clang-format on

/* Version 2: the part after '@' of the event's calendar UIDs, kept from the
 * event's first name so renaming the event changes no UID (NULL until the
 * event is first written by a summit that knows it); and the indexes a
 * room's, a vehicle's or a delegation's schedule is read by. */
static const char schema_v2[] =
    "ALTER TABLE event ADD COLUMN uid_domain TEXT;"
    "CREATE INDEX sessions_room ON sessions(room, start);"
    "CREATE INDEX trips_vehicle ON trips(vehicle, depart);"
    "CREATE INDEX arrivals_delegation ON arrivals(delegation);"
    "CREATE INDEX arrivals_pickup ON arrivals(pickup);";

/* Version 3: what the planners need. A delegation's French name (for the
 * order of precedence), hotels the host prefers for heads, records a
 * planner must never move, and the plans applied, change by change with
 * the values they replaced, so the last one can be undone. */
static const char schema_v3[] =
    "ALTER TABLE delegations ADD COLUMN name_fr TEXT;"
    "ALTER TABLE hotels ADD COLUMN preferred TEXT NOT NULL DEFAULT 'no';"
    "ALTER TABLE allocations ADD COLUMN locked TEXT NOT NULL DEFAULT 'no';"
    "ALTER TABLE trips ADD COLUMN locked TEXT NOT NULL DEFAULT 'no';"
    "CREATE TABLE plans ("
    " id INTEGER PRIMARY KEY, planner TEXT NOT NULL, applied INTEGER NOT NULL,"
    " undone INTEGER);"
    "CREATE TABLE plan_changes ("
    " plan INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL, kind TEXT NOT NULL,"
    " op TEXT NOT NULL CHECK (op IN ('add', 'change', 'remove')),"
    " record INTEGER NOT NULL, revision INTEGER NOT NULL,"
    " PRIMARY KEY (plan, seq));"
    "CREATE TABLE plan_values ("
    " plan INTEGER NOT NULL, seq INTEGER NOT NULL, field TEXT NOT NULL, value TEXT,"
    " PRIMARY KEY (plan, seq, field),"
    " FOREIGN KEY (plan, seq) REFERENCES plan_changes(plan, seq) ON DELETE CASCADE);";

/* Version 4: the event's settings (what decides a problem or a plan, see
 * summit/model.h), delegations living in town (besides the host), and
 * the attendance a planner expects at a session (NULL: by the rule). */
// clang-format off
static const char schema_v4[] =
    "ALTER TABLE event ADD COLUMN pickup_margin INTEGER NOT NULL DEFAULT 20"
    "  CHECK (pickup_margin >= 0);"
    "ALTER TABLE event ADD COLUMN arrival_days INTEGER NOT NULL DEFAULT 7"
    "  CHECK (arrival_days >= 0);"
    "ALTER TABLE event ADD COLUMN pickup_window INTEGER NOT NULL DEFAULT 30"
    "  CHECK (pickup_window >= 0);"
    "ALTER TABLE event ADD COLUMN immigration_margin INTEGER NOT NULL DEFAULT 30"
    "  CHECK (immigration_margin >= 0);"
    "ALTER TABLE event ADD COLUMN departure_margin INTEGER NOT NULL DEFAULT 120"
    "  CHECK (departure_margin >= 0);"
    "ALTER TABLE event ADD COLUMN shuttle_lead INTEGER NOT NULL DEFAULT 15"
    "  CHECK (shuttle_lead >= 0);"
    "ALTER TABLE event ADD COLUMN minister_cars TEXT NOT NULL DEFAULT 'no'"
    "  CHECK (minister_cars IN ('yes', 'no'));"

    "ALTER TABLE delegations ADD COLUMN in_town TEXT NOT NULL DEFAULT 'no'"
    "  CHECK (in_town IN ('yes', 'no'));"

    "ALTER TABLE sessions ADD COLUMN expected INTEGER CHECK (expected > 0);";
// clang-format on

/* Version 5: accreditation (a badge per person, its history) and check-in
 * (each scan at the entrance or a room's door). */
static const char schema_v5[] =
    "CREATE TABLE accreditations ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " badge TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " person INTEGER NOT NULL UNIQUE REFERENCES people(id),"
    " state TEXT NOT NULL DEFAULT 'requested', category TEXT, note TEXT);"
    "CREATE TABLE \"badge-history\" ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " badge INTEGER NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL, old_state TEXT, new_state TEXT NOT NULL, note TEXT);"
    "CREATE INDEX badge_history_badge ON \"badge-history\"(badge, at);"
    "CREATE TABLE checkins ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " badge INTEGER NOT NULL REFERENCES accreditations(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL, room INTEGER REFERENCES rooms(id), desk TEXT);"
    "CREATE INDEX checkins_at ON checkins(at);"
    "CREATE INDEX checkins_badge ON checkins(badge, at);"
    "CREATE INDEX checkins_room ON checkins(room, at);";

/* Version 6: what a room-night costs (so the report can price unused
 * blocks) and the programme's own record of its moves and cancellations. */
static const char schema_v6[] =
    "ALTER TABLE blocks ADD COLUMN rate INTEGER CHECK (rate >= 0);"
    "CREATE TABLE \"session-history\" ("
    " id INTEGER PRIMARY KEY, revision INTEGER NOT NULL DEFAULT 1,"
    " session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL, field TEXT NOT NULL, old TEXT, new TEXT, note TEXT);"
    "CREATE INDEX session_history_session ON \"session-history\"(session, at);";
