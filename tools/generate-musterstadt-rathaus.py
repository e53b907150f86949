#!/usr/bin/env python3
"""Writes the reference app's sample building, the Musterstadt town hall, as OSM Simple Indoor
Tagging: ground floor + two upper floors, 42 rooms, a lift, two staircases, a main entrance
(step-free) and a side entrance with steps outside (wheelchair=no).

  python3 tools/generate-musterstadt-rathaus.py
writes reference-app/src/main/resources/indoor/musterstadt-rathaus.osm
"""
import os
from osm_indoor import Osm

ROOMS = {
    0: [("0.01", "Information und Empfang", "buergeramt"), ("0.02", "Bürgerbüro Schalter 1", "buergeramt"),
        ("0.03", "Bürgerbüro Schalter 2", "buergeramt"), ("0.04", "Bürgerbüro Schalter 3", "buergeramt"),
        ("0.05", "Wartebereich", "buergeramt"), ("0.06", "Stadtkasse", "steueramt"),
        ("0.07", "Fundbüro", "ordnungsamt"), ("0.08", "WC barrierefrei", None),
        ("0.09", "Trauzimmer", "standesamt"), ("0.10", "Standesamt", "standesamt"),
        ("0.11", "Poststelle", None), ("0.12", "Sitzungssaal", None),
        ("0.13", "Kopierraum", None), ("0.14", "Archiv", None)],
    1: [("1.01", "Ordnungsamt Leitung", "ordnungsamt"), ("1.02", "Ordnungsamt", "ordnungsamt"),
        ("1.03", "Bewohnerparken", "ordnungsamt"), ("1.04", "Gewerbeamt", "gewerbe"),
        ("1.05", "Gewerbeamt Sachbearbeitung", "gewerbe"), ("1.06", "Gaststätten", "gewerbe"),
        ("1.07", "Schulamt", "schulamt"), ("1.08", "Schülerbeförderung", "schulamt"),
        ("1.09", "Steueramt", "steueramt"), ("1.10", "Hundesteuer", "steueramt"),
        ("1.11", "Abfallwirtschaft", "abfallwirtschaft"), ("1.12", "Besprechungsraum 1", None),
        ("1.13", "Teeküche", None), ("1.14", "Lager", None)],
    2: [("2.01", "Bürgermeisterin", None), ("2.02", "Vorzimmer", None),
        ("2.03", "Bauamt", "bauamt"), ("2.04", "Bauberatung", "bauamt"),
        ("2.05", "Sozialamt", "sozialamt"), ("2.06", "Wohngeld", "sozialamt"),
        ("2.07", "Jugendamt", "jugendamt"), ("2.08", "Kita-Platzvergabe", "jugendamt"),
        ("2.09", "Friedhofsverwaltung", "friedhofsamt"), ("2.10", "IT-Service", None),
        ("2.11", "Personal", None), ("2.12", "Ratssaal", None),
        ("2.13", "Besprechungsraum 2", None), ("2.14", "Serverraum", None)],
}
NARROW = {"0.14", "1.14", "2.14"}  # 0.80 m doors: not for wheelchairs
LEVELS = [0, 1, 2]
CORRIDOR_Y = 10
# doors along the corridor: south side x = 5..75 (8 rooms), north side x = 5, 15, 25, 55, 65, 75
SOUTH = [5, 15, 25, 35, 45, 55, 65, 75]
NORTH = [5, 15, 25, 55, 65, 75]

o = Osm()
lift = o.node(38, 16, highway="elevator", level="0;1;2", width="1.1", name="Aufzug")
main_entrance = o.node(40, -4, entrance="main", door="automatic", width="1.6", name="Haupteingang")
side_entrance = o.node(82, 10, entrance="service", door="hinged", width="1.0", name="Nebeneingang")

for level in LEVELS:
    names = ROOMS[level]
    doors = []
    corridor = []
    xs = sorted(set([0, 38, 44, 46, 80] + SOUTH + NORTH))
    by_x = {}
    for x in xs:
        by_x[x] = o.node(x, CORRIDOR_Y)
    # door nodes in the room outlines, joined to the corridor
    i = 0
    for side, xs_side in (("south", SOUTH), ("north", NORTH)):
        for x in xs_side:
            ref, name, dept = names[i]
            i += 1
            y_door = CORRIDOR_Y - 2 if side == "south" else CORRIDOR_Y + 2
            door = o.node(x, y_door, door="hinged", width="0.80" if ref in NARROW else "1.0")
            o.way([by_x[x], door], highway="footway", indoor="yes", level=str(level))
            y_far = 0 if side == "south" else 20
            c1 = o.node(x - 4, y_door)
            c2 = o.node(x - 4, y_far)
            c3 = o.node(x + 4, y_far)
            c4 = o.node(x + 4, y_door)
            tags = dict(indoor="room", level=str(level), ref=ref, name=name)
            if dept:
                tags["buergerbuero__department"] = dept
            o.way([door, c4, c3, c2, c1, door], **tags)
    o.way([by_x[x] for x in xs], highway="corridor", indoor="yes", level=str(level), name=f"Flur {level}")
    # the lift stops on the corridor side
    o.way([by_x[38], lift], highway="footway", indoor="yes", level=str(level))
    if level == 0:
        o.way([main_entrance, by_x[38]], highway="footway", indoor="yes", level="0")
        outside = o.node(86, 10)
        o.way([by_x[80], side_entrance], highway="footway", indoor="yes", level="0")
        o.way([side_entrance, outside], highway="footway", level="0", wheelchair="no", name="Stufen Nebeneingang")
    # staircases: main one at x=44 (0->1), x=46 (1->2)
    if level < 2:
        sx = 44 if level == 0 else 46
        bottom = o.node(sx, 13)
        top = o.node(sx, 19)
        o.way([by_x[sx], bottom], highway="footway", indoor="yes", level=str(level))
        o.way([bottom, top], highway="steps", indoor="yes", level=f"{level};{level + 1}", name="Haupttreppe")
        LANDINGS = globals().setdefault("LANDINGS", {})
        LANDINGS[(level + 1, sx)] = top
    for (lv, sx), top in globals().get("LANDINGS", {}).items():
        if lv == level:
            o.way([top, by_x[sx]], highway="footway", indoor="yes", level=str(level))

o.way([o.node(-2, -2), o.node(84, -2), o.node(84, 22), o.node(-2, 22)], building="public", name="Rathaus Musterstadt")
out = os.path.join(os.path.dirname(__file__), "..", "reference-app", "src", "main", "resources", "indoor", "musterstadt-rathaus.osm")
os.makedirs(os.path.dirname(out), exist_ok=True)
o.write(out)
print("wrote", os.path.normpath(out), len(o.nodes), "nodes", len(o.ways), "ways")
