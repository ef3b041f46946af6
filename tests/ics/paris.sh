# A small crafted event in Europe/Paris across the end of summer time
# (Sunday 28 October 2007, 03:00 CEST -> 02:00 CET), sourced by the
# iCalendar tests after lib.sh.
rm -f "$db" "$db-wal" "$db-shm"
summit init "name=Réunion de Paris" city=Paris country=France first_day=2007-10-26 \
	last_day=2007-10-30 timezone=Europe/Paris currency=EUR >/dev/null ||
	{ echo "Bail out! cannot create the Paris event"; exit 1; }
summit add venues "name=Centre de conférences Kléber" city=Paris >/dev/null
summit add rooms "name=Salle Kléber" "venue=Centre de conférences Kléber" capacity=200 >/dev/null
summit add rooms "name=Salle Côte d'Ivoire" "venue=Centre de conférences Kléber" capacity=40 >/dev/null
summit add delegations code=FRA name=France kind=state status=participant \
	email=protocole@diplomatie.example >/dev/null
summit add delegations code=CIV "name=Côte d'Ivoire" kind=state status=observer \
	email=ambassade@civ.example >/dev/null
summit add people delegation=FRA "name=Hélène Duvivier" role=head >/dev/null  # 1
summit add people delegation=CIV "name=Aya Kouassi" role=head >/dev/null      # 2
summit add people delegation=CIV "name=Koffi N'Guessan" >/dev/null            # 3
summit add sessions "title=Ouverture" kind=ceremony "room=Salle Kléber" \
	"start=2007-10-27 10:00" "end=2007-10-27 12:00" >/dev/null                     # 1
summit add sessions "title=Bilatérale France - Côte d'Ivoire" kind=bilateral \
	"room=Salle Côte d'Ivoire" "start=2007-10-29 10:00" "end=2007-10-29 11:30" \
	attendance=list "delegations=FRA CIV" >/dev/null                             # 2
summit add sessions "title=Séance plénière réservée aux participants : démocratie, développement et sécurité en Afrique de l'Ouest" \
	kind=plenary "room=Salle Kléber" "start=2007-10-28 09:00" "end=2007-10-28 12:30" \
	attendance=participants >/dev/null                                           # 3
summit add places "name=Aéroport Charles-de-Gaulle" kind=airport >/dev/null
summit add places "name=Hôtel Lutetia" kind=hotel "address=45 boulevard Raspail" >/dev/null
summit add hotels "name=Hôtel Lutetia" "place=Hôtel Lutetia" >/dev/null
summit add allocations "hotel=Hôtel Lutetia" delegation=CIV night=2007-10-27 rooms=3 >/dev/null
summit add allocations "hotel=Hôtel Lutetia" delegation=FRA night=2007-10-27 rooms=1 >/dev/null
summit add vehicles code=VAN-1 kind=van capacity=8 "driver=Marc Lefèvre" >/dev/null
summit add trips vehicle=VAN-1 kind=pickup "origin=Aéroport Charles-de-Gaulle" \
	"destination=Hôtel Lutetia" "depart=2007-10-26 18:00" "arrive=2007-10-26 19:00" \
	"riders=1 2 3" "note=AF 703 (CIV) with the French head" >/dev/null           # 1
summit add arrivals delegation=CIV flight="AF 703" "airport=Aéroport Charles-de-Gaulle" \
	"time=2007-10-26 17:30" party=2 pickup=1 >/dev/null
summit add arrivals delegation=FRA flight="AF 007" "airport=Aéroport Charles-de-Gaulle" \
	"time=2007-10-26 17:40" party=1 pickup=1 >/dev/null
summit add tasks "title=Envoyer les invitations" due=2007-07-15 >/dev/null
summit add tasks "title=Réserver les hôtels" due=2007-09-01 state=done >/dev/null
