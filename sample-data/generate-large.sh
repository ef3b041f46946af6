#!/bin/sh
# Writes a climate-conference-sized event as CSV files that `summit load DIR`
# reads (see sample-data/COLUMNS.md): 200 delegations, 40,000 people, 4,000
# sessions over 12 days, 120 hotels, 600 vehicles, 20,000 trips, and their
# invitations, arrivals, allocations and budget. Deterministic: the same
# files every time, with a planted handful of problems (listed at the end
# of this script's awk program) as of 2027-11-01, a week before.
#
# SCALE (default 1) multiplies the people, sessions (rooms), trips and
# vehicles, for measuring growth: 0.25 is a 10,000-person event, 4 a
# 160,000-person one. The delegations, hotels, days and the planted
# problems are the same at every scale.
#
# usage: sample-data/generate-large.sh DIR [SCALE]
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 DIR [SCALE]" >&2
	exit 2
fi
dir=$1
scale=${2:-1}
case $scale in
*[!0-9.]* | "" | .* | *. | *.*.*) bad=1 ;;
*) bad=$(awk -v s="$scale" 'BEGIN { print (s < 0.25 || s > 8) }') ;;
esac
if [ "$bad" = 1 ]; then
	echo "$0: SCALE: got \"$scale\", expected a number from 0.25 to 8" >&2
	exit 2
fi
mkdir -p "$dir"
LC_ALL=C awk -v dir="$dir" -v S="$scale" '
function q(s) { if (s ~ /[,"]/) { gsub(/"/, "\"\"", s); return "\"" s "\"" } return s }
# Day offsets from the first day (2027-11-08) as dates; November only.
function date(off,   d) { d = 8 + off; return sprintf("2027-11-%02d", d) }
function ts(off, min) { off += int(min / 1440); min %= 1440
	return sprintf("%s %02d:%02d", date(off), int(min / 60), min % 60) }
function out(file, line) { print line > (dir "/" file) }
function travel_hotel(h) { return 5 + h % 30 }      # hotel to the venue
function travel_airport(h) { return 25 + h % 20 }   # airport to the hotel
BEGIN {
	DAYS = 12; NDLG = 200; NHOTEL = 120
	PEOPLE = int(40000 * S); SESSIONS = int(4000 * S); TRIPS = int(20000 * S)
	NROOM = int(60 * S + 0.5); NBUS = int(400 * S); NMIN = int(120 * S); NVAN = int(40 * S)
	# At least a shuttle bus for every hotel, beside the pickup pool.
	if (NBUS < NHOTEL + int(40 * S)) NBUS = NHOTEL + int(40 * S)
	split("Amina Jean José Søren Aïssata Li Mei Ngozi Pedro Hana Yusuf Ana Kofi Ingrid Tomás Fatou Chloé Raj Olga Kwame", given, " ")
	split("Diallo Müller Ødegaard Silva Nguyen Okafor García Traoré Kowalski Haddad Mensah Dubois Sato Pérez Mwangi Ivanova Öztürk Bianchi Kamau Ndiaye", family, " ")

	out("event.csv", "name,country,city,first_day,last_day,timezone,currency")
	out("event.csv", "Climate Conference (generated),Kenya,Nairobi," date(0) "," date(DAYS - 1) ",Africa/Nairobi,USD")

	# Delegations: the host, 180 states (160 participants, 20 observers, the
	# first 20 led by heads of state), 10 organisations, 9 civil society
	# groups and the press.
	out("delegations.csv", "code,name,kind,status,head,rank,size")
	total = 0
	for (i = 2; i <= NDLG; i++) {
		size[i] = int((100 + (i * 37) % 201) * S + 0.5); if (size[i] < 3) size[i] = 3
		total += size[i]
	}
	size[1] = PEOPLE - total; if (size[1] < 3) size[1] = 3 # the host
	for (i = 1; i <= NDLG; i++) {
		if (i == 1) { code[i] = "KEN"; name[i] = "Kenya"; kind = "state"; st = "participant"; rank[i] = "head-of-state" }
		else if (i <= 181) { code[i] = sprintf("S%03d", i); name[i] = sprintf("State %03d", i); kind = "state"
			st = i <= 161 ? "participant" : "observer"; rank[i] = i <= 21 ? "head-of-state" : "minister" }
		else if (i <= 191) { code[i] = sprintf("IGO%02d", i - 181); name[i] = sprintf("Organisation %02d", i - 181)
			kind = "igo"; st = "observer"; rank[i] = "official" }
		else { code[i] = i == 200 ? "PRESS" : sprintf("CSO%02d", i - 191)
			name[i] = i == 200 ? "Press pool" : sprintf("Civil society network %02d", i - 191)
			kind = i == 200 ? "press" : "civil-society"; st = "guest"; rank[i] = "" }
		status[i] = st
		out("delegations.csv", code[i] "," q(name[i]) "," kind "," st ",," rank[i] "," size[i])
	}

	# People: the head first, then (for heads of state) their security.
	out("people.csv", "id,delegation,name,role,rank")
	pid = 0
	for (i = 1; i <= NDLG; i++) {
		first[i] = pid + 1
		for (k = 1; k <= size[i]; k++) {
			pid++
			role = k == 1 ? "head" : (k == 2 && rank[i] == "head-of-state") ? "security" : "member"
			out("people.csv", pid "," code[i] "," given[pid % 20 + 1] " " family[int(pid / 20) % 20 + 1] "," role "," (k == 1 ? rank[i] : ""))
		}
	}

	# Invitations: accepted, but for one declined and three without an
	# answer after their deadline (planted).
	out("invitations.csv", "delegation,state,channel,deadline")
	for (i = 1; i <= NDLG; i++) {
		state = "accepted"
		if (i == 177) state = "declined"
		if (i == 178) state = "sent"
		if (i == 179) state = "delivered"
		if (i == 180) state = "acknowledged"
		expected[i] = state == "accepted"
		out("invitations.csv", code[i] "," state ",diplomatic note,2027-10-15")
	}

	# The venue, its rooms and the places vehicles stop at.
	out("venues.csv", "name,city"); out("venues.csv", "Conference Centre,Nairobi")
	out("rooms.csv", "name,venue,capacity,booths")
	out("rooms.csv", "Plenary Hall,Conference Centre," PEOPLE ",6")
	for (r = 2; r <= NROOM + 1; r++) out("rooms.csv", sprintf("Room %02d,Conference Centre,250,2", r))
	for (r = 1; r <= 11; r++) out("rooms.csv", sprintf("Bilateral %02d,Conference Centre,%d,0", r, S > 1 ? 700 * S : 700))
	out("places.csv", "name,kind")
	out("places.csv", "International Airport,airport"); out("places.csv", "Conference Centre,venue")
	out("hotels.csv", "name,place,stars")
	out("travel.csv", "origin,destination,minutes")
	out("travel.csv", "International Airport,Conference Centre,40")
	for (h = 1; h <= NHOTEL; h++) {
		hotel[h] = sprintf("Hotel %03d", h)
		out("places.csv", hotel[h] ",hotel"); out("hotels.csv", hotel[h] "," hotel[h] "," (3 + h % 3))
		out("travel.csv", "International Airport," hotel[h] "," travel_airport(h))
		out("travel.csv", hotel[h] ",Conference Centre," travel_hotel(h))
	}

	# Sessions: plenaries open and close each day in the Plenary Hall; open
	# working groups, side events and civil society meetings run in 60 rooms
	# in every slot; bilaterals between expected states in 11 rooms midday.
	split("540 645 810 915 1020", slot_start, " ")
	nexp = 0
	for (i = 1; i <= 181; i++) if (expected[i]) E[nexp++] = i
	out("sessions.csv", "id,title,kind,room,start,end,attendance,delegations")
	sid = 0
	# Planted: a side event in a room already taken, and a bilateral during
	# a plenary (2 sessions, counted in the 4,000).
	sid++; out("sessions.csv", sid ",Side event (added late): carbon markets,side-event,Room 02," ts(3, 660) "," ts(3, 720) ",all,")
	sid++; out("sessions.csv", sid ",Bilateral: " code[2] " - " code[3] " (added late),bilateral,Bilateral 01," ts(5, 570) "," ts(5, 600) ",list," code[2] " " code[3])
	split("working-group side-event civil-society", open_kind, " ")
	for (d = 0; d < DAYS && sid < SESSIONS; d++)
		for (s = 1; s <= 5 && sid < SESSIONS; s++) {
			a = slot_start[s]; b = a + 90
			if (s == 1 || s == 5) {
				t = (d == 0 && s == 1) ? "Opening ceremony" : (d == DAYS - 1 && s == 5) ? "Closing ceremony" : sprintf("Plenary %d", d * 2 + (s == 5))
				sid++; out("sessions.csv", sid "," t "," (t ~ /ceremony/ ? "ceremony" : "plenary") ",Plenary Hall," ts(d, a) "," ts(d, b) ",all,")
			}
			for (r = 2; r <= NROOM + 1 && sid < SESSIONS; r++) {
				k = open_kind[(r + s + d) % 3 + 1]
				sid++; out("sessions.csv", sid "," sprintf("%s %02d-%d-%d", k == "working-group" ? "Working group" : k == "side-event" ? "Side event" : "Civil society forum", r, d + 1, s) "," k "," sprintf("Room %02d", r) "," ts(d, a) "," ts(d, b) "," (k == "working-group" ? "participants" : "all") ",")
			}
			if (s >= 2 && s <= 4)
				for (r = 1; r <= 11 && sid < SESSIONS; r++) {
					base = ((d * 3 + s - 2) * 22) % nexp
					x = E[(base + 2 * (r - 1)) % nexp]; y = E[(base + 2 * (r - 1) + 1) % nexp]
					sid++; out("sessions.csv", sid ",Bilateral: " code[x] " - " code[y] ",bilateral," sprintf("Bilateral %02d", r) "," ts(d, a) "," ts(d, b) ",list," code[x] " " code[y])
				}
		}

	# Hotels: each delegation in one hotel, every night from four nights
	# before the first day to the last day; blocks hold a few rooms more.
	out("allocations.csv", "hotel,delegation,night,rooms")
	for (i = 2; i <= NDLG; i++) {
		if (!expected[i]) continue
		h = (i - 1) % NHOTEL + 1; dh[i] = h
		for (n = -4; n < DAYS; n++) {
			if (i == 150 && n == 4) continue # planted: a night without a hotel
			rooms = int((size[i] + 1) / 2)
			held[h, n] += rooms
			out("allocations.csv", hotel[h] "," code[i] "," date(n) "," rooms)
		}
	}
	out("blocks.csv", "hotel,night,rooms")
	for (h = 1; h <= NHOTEL; h++)
		for (n = -4; n < DAYS; n++)
			out("blocks.csv", hotel[h] "," date(n) "," (held[h, n] + 5 - (h == 7 && n == 2 ? 8 : 0)))

	# Vehicles: 400 buses, 120 minibuses, 40 vans, 40 cars, a driver each.
	out("vehicles.csv", "code,kind,capacity,driver")
	v = 0
	for (k = 1; k <= NBUS; k++) out("vehicles.csv", sprintf("BUS-%03d,bus,50,Driver %04d", k, ++v))
	for (k = 1; k <= NMIN; k++) out("vehicles.csv", sprintf("MIN-%03d,minibus,25,Driver %04d", k, ++v))
	for (k = 1; k <= NVAN; k++) out("vehicles.csv", sprintf("VAN-%03d,van,8,Driver %04d", k, ++v))
	for (k = 1; k <= 40; k++) out("vehicles.csv", sprintf("CAR-%03d,car,4,Driver %04d", k, ++v))
	npool = 0
	for (k = 1; k <= NMIN; k++) pool[npool++] = sprintf("MIN-%03d", k)
	for (k = NBUS - int(40 * S) + 1; k <= NBUS; k++) pool[npool++] = sprintf("BUS-%03d", k)
	# The planted transport problems, at the same place in the list of
	# arrival groups whatever the scale.
	G300 = int(300 * S); G500 = int(500 * S); G700 = int(700 * S); G900 = int(900 * S)

	# Arrivals and departures: every delegation but the host comes in groups
	# of up to 25, each met by its own vehicle 45 minutes after landing.
	# 540 groups a day at scale 1, over three days before the opening and
	# the first hour of the opening day; at a small scale (more groups, as
	# parties are rounded up) still over three days, not into the opening.
	ng = 0
	for (i = 2; i <= NDLG; i++)
		if (expected[i] && i != 160)
			ng += int((size[i] - (rank[i] == "head-of-state" ? 2 : 0) + 24) / 25)
	GPD = 540 * S; if (ng > 3.05 * GPD) GPD = ng / 3
	DPD = GPD * 10 / 3 # departures spread over 08:00 to 23:00
	out("arrivals.csv", "id,delegation,person,direction,flight,airport,time,party,pickup")
	out("trips.csv", "id,vehicle,kind,origin,destination,depart,arrive,riders,note")
	tid = 0; aid = 0; g = 0
	for (i = 2; i <= NDLG; i++) {
		if (!expected[i] || i == 160) continue # 160: planted, no arrival details
		h = dh[i]; p = first[i]; last = first[i] + size[i] - 1
		if (rank[i] == "head-of-state") p += 2
		for (; p <= last; p += 25) {
			n = last - p + 1 < 25 ? last - p + 1 : 25
			day = -3 + int(g / GPD); land = 300 + int((g % GPD) * 864 / GPD)
			if (i == 120) { day = 0; land = 600 } # planted: lands after the opening
			riders = ""; for (k = 0; k < n; k++) riders = riders (k ? " " : "") (p + k)
			veh = pool[g % npool]
			if (g == G700) veh = pool[(G700 - 1) % npool] # planted: a vehicle on two trips at once
			dep = land + 45 - (g == G300 ? 35 : 0) # planted: leaves 10 minutes after landing
			if (g == G700) dep = land + 44
			tid++; out("trips.csv", tid "," veh ",pickup,International Airport," hotel[h] "," ts(day, dep) "," ts(day, dep + travel_airport(h)) "," riders ",Flight " sprintf("XA %d", 100 + g % 800))
			aid++; out("arrivals.csv", aid "," code[i] ",,arrival," sprintf("XA %d", 100 + g % 800) ",International Airport," ts(day, land) "," n "," (g == G500 || g == G900 ? "" : tid))
			arrive_day[i] = day; arrive_min[i] = land
			# Home on the day after the last day, flights from 08:00 to 23:00.
			fly = 480 + int(g * 900 / DPD)
			tid++; out("trips.csv", tid "," pool[(g + int(80 * S)) % npool] ",departure," hotel[h] ",International Airport," ts(DAYS, fly - 180) "," ts(DAYS, fly - 180 + travel_airport(h)) "," riders ",")
			aid++; out("arrivals.csv", aid "," code[i] ",,departure," sprintf("XD %d", 100 + g % 800) ",International Airport," ts(DAYS, fly) "," n "," tid)
			g++
		}
	}

	# Heads of state: their own car from the airport, every morning and
	# evening, and back; one of them (planted) has none.
	for (i = 2; i <= 21; i++) {
		if (i == 21) continue
		h = dh[i]; car = sprintf("CAR-%03d", i - 1); riders = first[i] " " (first[i] + 1)
		land = arrive_min[i]; day = arrive_day[i]
		tid++; out("trips.csv", tid "," car ",pickup,International Airport," hotel[h] "," ts(day, land + 20) "," ts(day, land + 20 + travel_airport(h)) "," riders ",")
		aid++; out("arrivals.csv", aid "," code[i] "," first[i] ",arrival,Special flight,International Airport," ts(day, land) ",2," tid)
		for (d = 0; d < DAYS; d++) {
			tid++; out("trips.csv", tid "," car ",transfer," hotel[h] ",Conference Centre," ts(d, 480) "," ts(d, 480 + travel_hotel(h)) "," riders ",")
			tid++; out("trips.csv", tid "," car ",transfer,Conference Centre," hotel[h] "," ts(d, 1140) "," ts(d, 1140 + travel_hotel(h)) "," riders ",")
		}
		tid++; out("trips.csv", tid "," car ",departure," hotel[h] ",International Airport," ts(DAYS, 600) "," ts(DAYS, 600 + travel_airport(h)) "," riders ",")
		aid++; out("arrivals.csv", aid "," code[i] "," first[i] ",departure,Special flight,International Airport," ts(DAYS, 720) ",2," tid)
	}

	# Shuttles fill the trips up to 20,000: two or three buses per hotel,
	# four runs a day each (to the venue at 07:30 and 13:00, back at 12:20
	# and 18:45), and an evening run at 21:00 for the few left.
	left = TRIPS - tid; buses = int(left / (4 * DAYS)); extra = left - buses * 4 * DAYS
	if (buses < NHOTEL) { buses = NHOTEL; extra = 0 }
	bus = 0
	for (h = 1; h <= NHOTEL; h++) {
		nb = int(buses / NHOTEL) + (h <= buses % NHOTEL)
		for (b = 1; b <= nb; b++) {
			code_bus = sprintf("BUS-%03d", ++bus); tt = travel_hotel(h)
			for (d = 0; d < DAYS; d++) {
				m = 450
				if (h == 50 && d == 4) m = 530 # planted: reaches the venue after 09:00
				tid++; out("trips.csv", tid "," code_bus ",shuttle," hotel[h] ",Conference Centre," ts(d, m) "," ts(d, m + (h == 60 && d == 2 && b == 1 ? 2 : tt)) ",,")
				tid++; out("trips.csv", tid "," code_bus ",shuttle,Conference Centre," hotel[h] "," ts(d, 740) "," ts(d, 740 + tt) ",,")
				tid++; out("trips.csv", tid "," code_bus ",shuttle," hotel[h] ",Conference Centre," ts(d, 780) "," ts(d, 780 + tt) ",,")
				tid++; out("trips.csv", tid "," code_bus ",shuttle,Conference Centre," hotel[h] "," ts(d, 1125) "," ts(d, 1125 + tt) ",,")
				if (b == 1 && extra > 0) {
					extra--; tid++; out("trips.csv", tid "," code_bus ",shuttle,Conference Centre," hotel[h] "," ts(d, 1260) "," ts(d, 1260 + tt) ",,")
				}
			}
		}
	}

	# The budget falls short and one pledge is half paid (planted); two
	# tasks are overdue on 2027-11-01 (planted).
	out("costs.csv", "name,category,amount")
	split("Venue Interpretation Translation Transport Security Accommodation Printing Receptions Press Secretariat", cost, " ")
	for (k = 1; k <= 10; k++) out("costs.csv", cost[k] "," tolower(cost[k]) "," (k * 1000000))
	out("partners.csv", "name,kind"); out("pledges.csv", "partner,kind,amount,received,cost")
	for (k = 1; k <= 10; k++) {
		out("partners.csv", sprintf("Partner %02d,organisation", k))
		amount = k == 10 ? 5000000 : k * 1000000
		out("pledges.csv", sprintf("Partner %02d,cash,%d,%d,%s", k, amount, k == 4 ? amount / 2 : amount, cost[k]))
	}
	out("tasks.csv", "title,owner,due,state")
	for (k = 1; k <= 30; k++)
		out("tasks.csv", sprintf("Task %02d,Secretariat,2027-10-%02d,%s", k, k, k == 12 || k == 25 ? "open" : "done"))

	# What `summit --today 2027-11-01 check` finds: room-double-booked 1,
	# delegation-double-booked 2 (S002 and S003 at Plenary 10), late-arrival 1
	# (S120), shuttle-late 1 (Hotel 050 on 2027-11-12), hotel-overbooked 1
	# (Hotel 007), no-hotel 1 (S150), no-pickup 2, pickup-early 1,
	# vehicle-double-booked 1, trip-too-short 1, invitation-unanswered 3,
	# arrival-details-missing 1 (S160), head-without-car 1 (S021),
	# pledges-short 1, pledge-not-received 1, task-overdue 2.
	printf "wrote %d delegations, %d people, %d sessions, %d hotels, %d vehicles, %d trips, %d arrivals\n", NDLG, pid, sid, NHOTEL, v, tid, aid > "/dev/stderr"
}'
