#!/usr/bin/env python3
"""Adds "x-title-en" (the English label next to the German "title") to every property of the
sample form schemas in reference-app/src/main/resources/catalogue/forms. Idempotent; run after
adding German titles. JSON Schema ignores unknown "x-" keywords; GET /api/v1/services/{id}/form
serves both labels."""
import glob, json, os

EN = {
 'Abfallbehälter': 'Waste container', 'Angemeldete Tätigkeit': 'Registered activity', 'Anschrift': 'Address',
 'Anzahl': 'Number of copies', 'Art der Änderung': 'Kind of change', 'Aufgabe zum': 'Closing date',
 'Auskunftssperre': 'Information block', 'Bauvoranfrage': 'Preliminary building enquiry',
 'Beginn der Tätigkeit': 'Start of activity', 'Begründung': 'Reason', 'Beschreibung': 'Description',
 'Beschäftigte': 'Employees', 'Betreuung ab': 'Care from', 'Bewohnerparkausweis': 'Resident parking permit',
 'Bis': 'Until', 'Bruttokaltmiete in €': 'Gross rent excluding heating in €', 'Datum': 'Date',
 'Datum der Eheschließung': 'Date of marriage', 'E-Mail für Rückfragen': 'E-mail for questions',
 'Eheurkunde': 'Marriage certificate', 'Erwartete Besucherzahl': 'Expected visitors', 'Flurstück': 'Land parcel',
 'Fläche in m²': 'Area in m²', 'Fragestellung': 'Question', 'Friedhof': 'Cemetery',
 'Gaststättenerlaubnis': 'Restaurant licence', 'Geburtsdatum': 'Date of birth',
 'Geburtsdatum des Kindes': "Child's date of birth", 'Geburtsurkunde': 'Birth certificate',
 'Gefährlicher Hund nach Landeshundegesetz': 'Dangerous dog under the state dog act', 'Gegenstand': 'Item',
 'Gegenstände': 'Items', 'Gehalten bis': 'Kept until', 'Gehalten seit': 'Kept since',
 'Gesamteinkommen in €': 'Total income in €', 'Gewerbeabmeldung': 'Business deregistration',
 'Gewerbeanmeldung': 'Business registration', 'Gewerbeummeldung': 'Change of business registration',
 'Grabnummer': 'Grave number', 'Grabnutzung': 'Grave use', 'Grund': 'Reason', 'Größe': 'Size',
 'Gültig ab': 'Valid from', 'Halteverbot Umzug': 'No-parking zone for a move', 'Haushaltsmitglieder': 'Household members',
 'Hundesteuer Abmeldung': 'Dog tax deregistration', 'Hundesteuer Anmeldung': 'Dog tax registration', 'IBAN': 'IBAN',
 'Ich bin Halter/in des Fahrzeugs': 'I am the keeper of the vehicle', 'Jahre': 'Years',
 'Kfz-Kennzeichen': 'Licence plate', 'Kita-Platz': 'Day-care place', 'Klasse': 'School year', 'Länge in Metern': 'Length in metres',
 'Lärmbeschwerde': 'Noise complaint', 'Meldebescheinigung': 'Certificate of registration', 'Menge in m³': 'Volume in m³',
 'Name der Gaststätte': 'Name of the restaurant', 'Name des Betriebs': 'Name of the business', 'Name des Hundes': "Dog's name",
 'Ort': 'Town', 'PLZ': 'Postcode', 'Parkzone': 'Parking zone', 'Rasse': 'Breed', 'Schule': 'School',
 'Schulweg in km': 'Way to school in km', 'Schülerfahrtkosten': 'School transport costs', 'Sitzplätze': 'Seats',
 'Sondernutzung': 'Special use of public roads', 'Sperrmüll': 'Bulky waste', 'Straße und Hausnummer': 'Street and house number',
 'Stunden pro Woche': 'Hours per week', 'Titel der Veranstaltung': 'Title of the event', 'Tonne': 'Bin', 'Umzugstag': 'Moving day',
 'Veranstaltung': 'Event', 'Verloren am': 'Lost on', 'Verlustmeldung': 'Report of loss', 'Verwendungszweck': 'Purpose of use',
 'Von': 'From', 'Vorname des Kindes': "Child's first name", 'Wirksam ab': 'Effective from', 'Wohngeld': 'Housing benefit',
 'Zustellung': 'Delivery', 'Zweck': 'Purpose', 'Öffnungszeiten': 'Opening hours',
}

def walk(node):
    if isinstance(node, dict):
        title = node.get('title')
        if isinstance(title, str):
            if title not in EN:
                raise SystemExit(f'no English label for "{title}": add it to EN')
            node['x-title-en'] = EN[title]
        for value in node.values():
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)

here = os.path.join(os.path.dirname(__file__), '..', 'reference-app', 'src', 'main', 'resources', 'catalogue', 'forms')
for path in sorted(glob.glob(os.path.join(here, '*.schema.json'))):
    with open(path, encoding='utf-8') as f:
        schema = json.load(f)
    walk(schema)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(schema, f, ensure_ascii=False, indent=2)
        f.write('\n')
print('labelled', len(glob.glob(os.path.join(here, '*.schema.json'))), 'schemas')
