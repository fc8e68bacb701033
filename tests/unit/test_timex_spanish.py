"""Spanish dates, read from the lexicon folder generator/data/timex/es/ (no dateparser data).

Every sentence is original. A row gives the dateline, the sentence, the expression as it
stands in the sentence and the TIMEX3 value: the value English gives the same reading
("a finales de marzo" is the month, as "late March"; "esta mañana" a TIME, as "this
morning"; "el martes por la noche" the DATE of that Tuesday, as "Tuesday night").
"""

from __future__ import annotations

import datetime

import pytest

from generator.dateline import find_dateline
from generator.timex import tag
from timex_rows import check_typed
from generator.timex.lexicon import load

# (dateline, sentence, expression, value); 2024-05-15 is a Wednesday
CASES = [
    # counted spans with compound numbers (numbers.yaml joins; "veintitrés" is one word)
    ("2024-05-15", "El dique cedió hace veintitrés días.", "hace veintitrés días", "2024-04-22"),
    ("2024-05-15", "La mina cerrará dentro de treinta y cinco años.",
     "dentro de treinta y cinco años", "2059"),
    # absolute dates (months.yaml)
    ("2024-08-02", "El contrato de arrendamiento se firmó el 3 de febrero de 2024.",
     "3 de febrero de 2024", "2024-02-03"),
    ("2024-08-02", "La esclusa estuvo cerrada el 14 de julio por la crecida.", "14 de julio",
     "2024-07-14"),
    ("2024-08-02", "El informe lleva fecha del 9 dic. 2023.", "9 dic. 2023", "2023-12-09"),
    ("2024-08-02", "La cooperativa abrió el 2 de setiembre de 2021.", "2 de setiembre de 2021",
     "2021-09-02"),
    # a month alone after a preposition (months.yaml after): the nearest such month
    ("2024-05-15", "En marzo pararon los conductores de autobús.", "marzo", "2024-03"),
    ("2024-05-15", "El transbordador solo sale cada hora desde enero.", "enero", "2024-01"),
    ("2024-08-02", "El desvío seguirá vigente hasta noviembre.", "noviembre", "2024-11"),
    ("2025-02-10", "En diciembre había cedido el dique.", "diciembre", "2024-12"),
    # days (relative.yaml)
    ("2024-03-01", "Ayer el ministro presentó el borrador.", "Ayer", "2024-02-29"),
    ("2024-03-01", "El paquete llegó anteayer al almacén.", "anteayer", "2024-02-28"),
    ("2024-12-31", "El museo permanece cerrado hoy.", "hoy", "2024-12-31"),
    ("2024-12-31", "El toque de queda se levantará mañana.", "mañana", "2025-01-01"),
    ("2024-12-31", "El tren volverá a circular pasado mañana.", "pasado mañana", "2025-01-02"),
    # weeks, months, years (relative.yaml): that whole period
    ("2025-01-02", "El sindicato se manifestó la semana pasada ante el ayuntamiento.",
     "la semana pasada", "2024-W52"),
    ("2024-05-15", "El pleno votará el presupuesto la próxima semana.", "la próxima semana",
     "2024-W21"),
    ("2025-06-10", "El año pasado la cosecha de lavanda fue escasa.", "El año pasado", "2024"),
    ("2025-06-10", "La lechería cerró en marzo del año pasado.", "año pasado", "2024"),
    ("2025-06-10", "El festival se trasladará al lago el año que viene.", "el año que viene",
     "2026"),
    ("2025-12-05", "El tribunal dictará sentencia el mes próximo.", "el mes próximo", "2026-01"),
    # placed weekdays (weekdays.yaml): the latest before, the first after the dateline
    ("2024-05-15", "El alcalde dimitió el martes pasado.", "el martes pasado", "2024-05-14"),
    ("2024-05-14", "El alcalde dimitió el martes pasado.", "el martes pasado", "2024-05-07"),
    ("2024-05-15", "Los peritos revisaron el dique el pasado viernes.", "el pasado viernes",
     "2024-05-10"),
    ("2024-05-15", "Las escuelas reabrirán el próximo lunes.", "el próximo lunes", "2024-05-20"),
    ("2024-05-15", "La comisión se reúne el jueves que viene.", "el jueves que viene",
     "2024-05-16"),
    ("2024-05-15", "El concejo sesionó el martes.", "martes", "2024-05-14"),
    # counted spans back and ahead (units.yaml, numbers.yaml)
    ("2024-05-15", "Hace dos años se quemó el granero.", "Hace dos años", "2022"),
    ("2024-05-15", "Los pescadores dejaron el puerto hace tres semanas.", "hace tres semanas",
     "2024-W17"),
    ("2024-05-15", "El puente se abrió hace diez días.", "hace diez días", "2024-05-05"),
    ("2024-05-15", "La central se desconectó hace un año.", "hace un año", "2023"),
    ("2024-05-15", "La alerta se levantó hace 3 horas.", "hace 3 horas", "2024-05-15"),
    ("2024-05-15", "La feria empieza dentro de dos días.", "dentro de dos días", "2024-05-17"),
    ("2024-12-20", "El peaje reabrirá dentro de dos semanas.", "dentro de dos semanas",
     "2025-W01"),
    # parts of a month or a year (month_parts.yaml)
    ("2025-02-03", "Las obras deben empezar a principios de marzo.", "principios de marzo",
     "2025-03"),
    ("2025-04-20", "A mediados de marzo volvieron las primeras cigüeñas.", "mediados de marzo",
     "2025-03"),
    ("2025-06-10", "El contrato de suministro vence a finales de 2024.", "finales de 2024",
     "2024"),
    ("2025-06-10", "El puerto cerró a finales de marzo de 2023 tras el temporal.",
     "finales de marzo de 2023", "2023-03"),
    ("2025-08-20", "Las obras están paradas desde finales de febrero.", "finales de febrero",
     "2025-02"),
    ("2025-08-20", "Las obras seguirán a comienzos de febrero.", "comienzos de febrero",
     "2026-02"),
    # parts of the day (day_parts.yaml)
    ("2024-12-31", "El tren nocturno llegó esta mañana.", "esta mañana", "2024-12-31TMO"),
    ("2024-12-31", "La prefectura dará una rueda de prensa esta tarde.", "esta tarde",
     "2024-12-31TAF"),
    ("2024-12-31", "Los bomberos salieron ayer por la noche.", "ayer por la noche",
     "2024-12-30TNI"),
    ("2024-12-31", "La votación empieza mañana por la mañana.", "mañana por la mañana",
     "2025-01-01TMO"),
    ("2024-12-31", "Anoche ardió un granero en las afueras.", "Anoche", "2024-12-30TNI"),
    ("2024-12-31", "El granero ardió anteanoche.", "anteanoche", "2024-12-29TNI"),
    ("2024-05-15", "El concejo votó el martes por la noche a puerta cerrada.",
     "martes por la noche", "2024-05-14"),
    # years after a word (years.yaml)
    ("2024-08-02", "El estadio se construyó en 1998.", "1998", "1998"),
    ("2024-08-02", "La cooperativa vende su queso desde 1975.", "1975", "1975"),
    ("2024-08-02", "La línea se prolongará hasta 2030.", "2030", "2030"),
    # vague words (vague.yaml)
    ("2024-08-02", "El dique fue reforzado recientemente.", "recientemente", "PAST_REF"),
    ("2024-08-02", "El puente se reabrirá pronto.", "pronto", "FUTURE_REF"),
    ("2024-08-02", "El río está actualmente desbordado.", "actualmente", "PRESENT_REF"),
    ("2024-08-02", "Hoy en día el ferry es eléctrico.", "Hoy en día", "PRESENT_REF"),
    # a recurring weekday (weekdays.yaml every): the SET of every such day
    ("2024-05-15", "El mercadillo se monta los sábados en la plaza.", "los sábados", "XXXX-WXX-6"),
    ("2024-05-15", "El consultorio atiende los lunes por la tarde.", "los lunes", "XXXX-WXX-1"),
    ("2024-05-15", "La lancha cruza todos los domingos al islote.", "todos los domingos", "XXXX-WXX-7"),
    ("2024-05-15", "Cada jueves se reúne la junta vecinal.", "Cada jueves", "XXXX-WXX-4"),
    # a part of a period placed from the dateline (month_parts.yaml periods): that period
    ("2024-05-15", "La depuradora abrirá a finales de año.", "finales de año", "2024"),
    ("2024-05-15", "El muelle se cerró a principios del año pasado.", "principios del año pasado",
     "2023"),
    ("2024-05-15", "Los precios bajarán a mediados del mes que viene.", "mediados del mes que viene",
     "2024-06"),
    ("2024-05-15", "El lunes se reunió la junta vecinal.", "lunes", "2024-05-13"),  # one day
    # a bare weekday or month by its clause's tense (tense.yaml): in a future clause the
    # next such day, else the latest
    ("2024-05-15", "La junta vecinal se reunirá el viernes en el ayuntamiento.", "viernes",
     "2024-05-17"),
    ("2024-05-15", "El alcalde va a presentar el jueves su plan de obras.", "jueves", "2024-05-16"),
    ("2024-05-15", "El martes por la noche se votará la moción.", "martes por la noche",
     "2024-05-21"),
    ("2024-05-15", "La portavoz dijo el lunes que el puerto seguirá cerrado.", "lunes",
     "2024-05-13"),
    ("2024-05-15", "La naviera ha anunciado el martes que comprará dos barcos.", "martes",
     "2024-05-14"),
    ("2024-05-15", "El puerto reabrirá en noviembre.", "noviembre", "2024-11"),
    ("2024-05-15", "El pleno aprobó en septiembre la ordenanza.", "septiembre", "2023-09"),
    # seasons (seasons.yaml), placed as English places them; 2024-05-15 is in spring
    ("2024-05-15", "Este verano el ferry hará más viajes a la isla.", "Este verano", "2024-SU"),
    ("2024-05-15", "El invierno pasado se heló el embalse.", "El invierno pasado", "2023-WI"),
    ("2024-05-15", "La primavera de 2023 fue muy seca en la comarca.", "La primavera de 2023",
     "2023-SP"),
    ("2024-05-15", "El puerto deportivo se reformó en otoño.", "otoño", "2023-FA"),
    ("2024-05-15", "El próximo verano abrirá el museo del mar.", "El próximo verano", "2024-SU"),
    ("2024-05-15", "La presa estará terminada antes del invierno.", "invierno", "2024-WI"),
    # the present of a verb of scheduling before a weekday: the coming one (tense.yaml
    # timetable), as English "the council meets Monday"; not when the verb is a noun
    ("2025-07-23", "El consejo de ministros se reúne el lunes en Sevilla.", "lunes",
     "2025-07-28"),
    ("2025-07-23", "Los diputados votan el martes por la noche.", "martes por la noche",
     "2025-07-29"),
    ("2025-07-23", "La visita del lunes fue breve.", "lunes", "2025-07-21"),
    # hundreds (numbers.yaml hundreds), each a word of its own, then a number below a hundred
    ("2025-07-23", "El molino se construyó hace doscientos años.", "hace doscientos años",
     "1825"),
    ("2025-07-23", "La catedral ardió hace trescientos veinticinco años.",
     "hace trescientos veinticinco años", "1700"),
    ("2025-07-23", "El contrato vence dentro de ciento veinte días.",
     "dentro de ciento veinte días", "2025-11-20"),
    # a sentence may open with a capitalised season, in a placed phrase
    ("2025-07-23", "Verano pasado, el embalse se secó.", "Verano pasado", "2024-SU"),
    ("2025-07-23", "Invierno de 2022: las pistas se quedaron sin nieve.", "Invierno de 2022",
     "2022-WI"),
    # decades and centuries (years.yaml), valued as English's "the 1980s", "the 19th century"
    ("2025-07-23", "En los años ochenta cerró la fábrica.", "los años ochenta", "198"),
    ("2025-07-23", "La década de 1990 vació el pueblo.", "La década de 1990", "199"),
    ("2025-07-23", "En el siglo XIX el puerto exportaba vino.", "el siglo XIX", "18"),
    # the night told by the two days it joins: one expression, the DATE of the first
    ("2025-07-23", "En la noche del sábado al domingo ardió un almacén.",
     "noche del sábado al domingo", "2025-07-19"),
    # a month or a day of it placed by "pasado", "próximo" (months.yaml relative)
    ("2025-07-23", "El pasado 20 de enero habló el alcalde.", "El pasado 20 de enero",
     "2025-01-20"),
    ("2025-07-23", "El pasado mes de marzo se inundó el valle.", "El pasado mes de marzo",
     "2025-03"),
    ("2025-07-23", "En diciembre pasado dimitió el alcalde.", "diciembre pasado", "2024-12"),
    # an approximate amount keeps its date, a vague one is PAST_REF / FUTURE_REF; "unos"
    # before a number is "about"
    ("2025-07-23", "Hace unos tres meses cedió el dique.", "Hace unos tres meses", "2025-04"),
    # a range's first end, written without a year, takes the one its last names (months.yaml
    # range_links), as English "from March 3 to May 9, 2019"
    ("2025-07-23", "El museo cerró del 4 de febrero al 20 de abril de 2016.", "4 de febrero",
     "2016-02-04"),
    ("2025-07-23", "Los muelles se rehicieron entre noviembre y marzo de 2012.", "noviembre",
     "2011-11"),
    # ... and a bare first day is that day of the last's month and year
    ("2025-07-23", "La feria duró del 9 al 11 de junio de 2017.", "9", "2017-06-09"),
]


@pytest.mark.parametrize("dct, text, expr, value", CASES)
def test_spanish_reading(dct, text, expr, value):
    dateline = datetime.date.fromisoformat(dct)
    found = {t.text: t.time.value for t in tag(text, dateline, lang="es")}
    assert found.get(expr) == value, found


@pytest.mark.parametrize("text", [
    "Por la mañana llegó el tren con retraso.",  # the morning, no tomorrow
    "Cada mañana el panadero abre a las seis.",
    "Nadie sabe qué traerá el día de mañana.",
    "La manifestación reunió a 1500 personas.",  # no year word before the number
    "El Festival del Mar 2024 cambió de sede.",  # "mar" is the sea
    "La Primavera Árabe cambió la región.",  # a capitalised season is a name
    "El festival Primavera 2024 cambió de sede.",  # a name too: only a sentence may open with one
    "En otoño los bosques cambian de color.",  # any autumn, as English "in autumn"
])
def test_no_date_in_spanish(text):
    assert tag(text, datetime.date(2024, 5, 15), lang="es") == []


def test_the_expression_leaves_the_preposition_out():
    text = "El dique cedió a finales de marzo."
    found = tag(text, datetime.date(2024, 5, 15), lang="es")
    assert [(t.text, t.start) for t in found] == [("finales de marzo",
                                                   len("El dique cedió a "))]


def test_without_a_dateline_relative_readings_stay_open():
    found = {t.text: (t.time.value, t.time.anchored)
             for t in tag("Dimitió el martes pasado, a finales de marzo, esta mañana.", None,
                          lang="es")}
    assert found == {"el martes pasado": ("XXXX-XX-XX", False),
                     "finales de marzo": ("XXXX-03", False), "esta mañana": ("XXXX-XX-XX", False)}


def test_spanish_is_a_folder():
    spanish = load("es")
    assert spanish is not None and spanish.months[2] == "marzo"
    assert spanish.month_parts["mediados"] == (11, 20)


@pytest.mark.parametrize("text, expected, outlet", [
    ("MADRID, 4 de marzo de 2026 (EFE) - Los estibadores pararon.", datetime.date(2026, 3, 4),
     "EFE"),
    ("LIMA, 12 de setiembre de 2025 (Andina) - El Congreso sesionó.",
     datetime.date(2025, 9, 12), "Andina"),
    ("Miércoles, 4 de marzo de 2026\nLos estibadores votan.", datetime.date(2026, 3, 4), None),
    ("Publicado el 9 dic. 2025, 10:05\nEl ferry vuelve a salir.", datetime.date(2025, 12, 9),
     None),
])
def test_spanish_datelines_read_the_folder_names(text, expected, outlet):
    found = find_dateline(text, lang="es")
    assert (found.date, found.outlet) == (expected, outlet)


# clock times (clock.yaml) and lengths (units.yaml lengths), with their TIMEX3 types: the
# values, types and spans English gives "at 3 p.m. on Monday", "midnight", "for three days"
# (2025-07-23 is a Wednesday)
TYPED = [
    ("2025-07-23", "La sesión empieza a las 15:00 en el ayuntamiento.", "15:00",
     "2025-07-23T15:00", "TIME"),
    ("2025-07-23", "El tren salió a las tres de la tarde.", "tres de la tarde",
     "2025-07-23T15:00", "TIME"),
    ("2025-07-23", "Los disparos se oyeron hacia las dos de la madrugada.",
     "dos de la madrugada", "2025-07-23T02:00", "TIME"),
    ("2025-07-23", "El ferry zarpó a las 21:30 horas.", "21:30 horas", "2025-07-23T21:30",
     "TIME"),
    ("2025-07-23", "El toque de queda empieza a medianoche.", "medianoche", "2025-07-23T24:00",
     "TIME"),
    ("2025-07-23", "Las campanas sonaron al mediodía.", "mediodía", "2025-07-23T12:00", "TIME"),
    ("2025-07-23", "El lunes a las 15:00 habló el alcalde.", "lunes a las 15:00",
     "2025-07-21T15:00", "TIME"),
    ("2025-07-23", "El pleno votará mañana a las diez de la mañana.",
     "mañana a las diez de la mañana", "2025-07-24T10:00", "TIME"),
    ("2025-07-23", "La huelga se prolongó durante tres días.", "tres días", "P3D", "DURATION"),
    ("2025-07-23", "Los mineros protestan desde hace dos semanas.", "dos semanas", "P2W",
     "DURATION"),
    ("2025-07-23", "Tres años pasaron sin lluvia.", "Tres años", "P3Y", "DURATION"),
    ("2025-07-23", "La obra duró más de cinco meses.", "más de cinco meses", "P5M", "DURATION"),
    # a time alone is of the day last named in its paragraph or the one before, as English's
    ("2025-07-23", "El 3 de junio, a las 15:00, cedió la presa.", "15:00", "2025-06-03T15:00",
     "TIME"),
    # the placed readings keep their dates
    ("2025-07-23", "Hace tres años se rompió la presa.", "Hace tres años", "2022", "DATE"),
    ("2025-07-23", "Dentro de dos días se conocerá el fallo.", "Dentro de dos días",
     "2025-07-25", "DATE"),
]


@pytest.mark.parametrize("dct, text, expr, value, type_", TYPED)
def test_spanish_clock_times_and_lengths(dct, text, expr, value, type_):
    check_typed(dct, text, expr, value, type_, "es")


@pytest.mark.parametrize("text", [
    "Un día volverá la lluvia.",  # some day, as English "one day"
    "La farmacia cierra a las nueve.",  # morning or evening: as English "at nine", no time
])
def test_no_clock_time_or_length_in_spanish(text):
    assert tag(text, datetime.date(2025, 7, 23), lang="es") == []
